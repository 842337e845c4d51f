/**
 * Calls for 对群众公开的文字 (src/domains/public-intake/public-intake.publication.routes.ts).
 * Shapes mirror the server's zod schemas (AppealPublication).
 */
import { api, request } from '../../api/client.ts';

export interface Publication {
  /** As the handler wrote them. */
  description: string | null;
  reply: string | null;
  /** What the tracking page and Open311 show: numbers, house numbers and names taken out. */
  publicDescription: string | null;
  publicReply: string | null;
  publishedAt: string | null;
  publishedByName: string | null;
  version: number;
  canPublish: boolean;
}

const path = (townId: string, appealId: string) =>
  `/api/v1/towns/${townId}/appeals/${appealId}/publication`;

export const publicationApi = {
  get: (townId: string, appealId: string, signal?: AbortSignal) =>
    api.get<Publication>(path(townId, appealId), undefined, signal),
  save: (
    townId: string,
    appealId: string,
    body: { description: string | null; reply: string | null; version: number },
  ) => request<Publication>('PUT', path(townId, appealId), { body }),
};
