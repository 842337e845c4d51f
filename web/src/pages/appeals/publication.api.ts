/**
 * Calls for 对群众公开的文字 (src/domains/public-intake/public-intake.publication.routes.ts).
 * Types come from the OpenAPI document (AppealPublication).
 */
import { api, type Schemas } from '../../api/client.ts';

export type Publication = Schemas['AppealPublication'];
export type PublicationInput = Schemas['AppealPublicationInput'];

const PATH = '/api/v1/towns/{townId}/appeals/{id}/publication';
const order = (townId: string, id: string) => ({ params: { path: { townId, id } } });

export const publicationApi = {
  get: (townId: string, appealId: string, signal?: AbortSignal) =>
    api.GET(PATH, { ...order(townId, appealId), signal }),
  save: (townId: string, appealId: string, body: PublicationInput) =>
    api.PUT(PATH, { ...order(townId, appealId), body }),
};
