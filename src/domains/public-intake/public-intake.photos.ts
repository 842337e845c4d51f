/**
 * Photos a resident sends with their appeal (群众随诉求上传照片): the page files the appeal, then
 * sends each photo with the tracking code it got back. Public from the start — the resident chose
 * to show them — and shown on the tracking page and as Open311 media_url. Allowed for a day after
 * submission while the order is open, a few per order, and rate-limited per address.
 */
import type { Kysely } from 'kysely';
import { InvalidTransition } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import {
  attachResidentPhoto,
  MAX_RESIDENT_PHOTOS,
  publishedPhotos,
} from '../appeals/appeal-attachments.service.ts';
import { orderByTrackingCode } from './public-intake.tracking.ts';
import { hitRateLimit, type RateRule } from './rate-limit.service.ts';

type Db = Kysely<DB>;

/** A photo upload per second is plenty for a person; a script filling the disk is not. */
export const PUBLIC_PHOTO_RATE: RateRule = {
  name: 'public_photo',
  limit: 15,
  windowSeconds: 600,
  message: '上传过于频繁：同一网络 10 分钟内最多上传 15 张照片，请 {minutes} 分钟后再试',
};
/** Photos belong to the submission, not to a later conversation (that goes through the desk). */
export const PHOTO_WINDOW_MS = 24 * 3600_000;

/** Where the page and Open311 fetch a public photo (the same address Open311 publishes). */
export const mediaPath = (token: string) => `/open311/v2/media/${token}`;

export async function addResidentPhoto(
  db: Db,
  ip: string | null,
  code: string,
  file: { filename: string; bytes: Uint8Array },
  now = new Date(),
) {
  const { request, order } = await orderByTrackingCode(db, code, ip);
  if (
    order.closed_at ||
    order.merged_into ||
    now.getTime() - new Date(order.received_at).getTime() > PHOTO_WINDOW_MS
  ) {
    throw new InvalidTransition(
      `照片须在提交诉求后 24 小时内、办结前上传（每件最多 ${MAX_RESIDENT_PHOTOS} 张）；如需补充情况请拨打 12345 热线`,
    );
  }
  await hitRateLimit(db, PUBLIC_PHOTO_RATE, ip ?? 'unknown');
  const photo = await db
    .transaction()
    .execute((trx) => attachResidentPhoto(trx, { townId: request.town_id, ip }, order.id, file));
  return { filename: photo.filename, size: photo.size, createdAt: photo.createdAt };
}

/** Public photos of an order for the tracking page: the resident's own and those staff published. */
export async function photosOf(db: Db, townId: string, appealId: string) {
  const rows = await publishedPhotos(db, townId, appealId);
  return rows.map((r) => ({ url: mediaPath(r.public_token!), fromResident: r.from_resident }));
}
