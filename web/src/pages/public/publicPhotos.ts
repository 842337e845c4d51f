/**
 * The resident's photos: sent one by one after the appeal is filed, with its tracking code
 * (src/domains/public-intake/public-intake.photos.ts), and the public photos on the tracking page.
 */
import type { PublicAppealStatus } from '../../api/appeals.ts';

export const MAX_PHOTOS = 3;
export const PHOTO_ACCEPT = '.jpg,.jpeg,.png';

/** The tracking page's status; its `photos` are the resident's own and those the town shows. */
export type StatusWithPhotos = PublicAppealStatus;

/** Uploads the photos; returns how many failed (the appeal itself is filed either way). */
export async function sendPhotos(trackingCode: string, files: File[]): Promise<number> {
  let failed = 0;
  for (const file of files.slice(0, MAX_PHOTOS)) {
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const res = await fetch(`/api/v1/public/appeals/${encodeURIComponent(trackingCode)}/photos`, {
        method: 'POST',
        body: form,
        headers: { accept: 'application/json' },
      });
      if (!res.ok) failed++;
    } catch {
      failed++;
    }
  }
  return failed;
}
