/**
 * 民主测评 under `/api/v1/towns/{townId}/appraisal/…` (managers: rounds, opening with the one-time
 * QR sheets, closing, results and their files; anyone: a person's results) and the public ballot
 * endpoints, which take the token in the body — never in a URL.
 */
import { api, type RequestBody, type Schemas } from './client.ts';

export type RoundSummary = Schemas['AppraisalRoundSummary'];
export type Round = Schemas['AppraisalRound'];
export type RoundInput = RequestBody<'/api/v1/towns/{townId}/appraisal/rounds', 'post'>;
export type TokenSheet = Schemas['AppraisalTokens'];
export type PersonResult = Schemas['AppraisalPersonResult'];
export type BallotForm = Schemas['AppraisalBallotForm'];
export type Ballot = Schemas['AppraisalBallot'];

const town = (townId: string) => ({ params: { path: { townId } } });
const round = (townId: string, id: string) => ({ params: { path: { townId, id } } });

export const roundFileUrl = (townId: string, id: string, ext: 'xlsx' | 'docx') =>
  `/api/v1/towns/${townId}/appraisal/rounds/${id}/results.${ext}`;

/** The link a QR code carries: the token sits in the fragment, which browsers never send. */
export const voteLink = (token: string) => `${location.origin}/vote#${token}`;

export const appraisalApi = {
  access: (townId: string) => api.GET('/api/v1/towns/{townId}/appraisal/access', town(townId)),
  list: (townId: string) => api.GET('/api/v1/towns/{townId}/appraisal/rounds', town(townId)),
  get: (townId: string, id: string) =>
    api.GET('/api/v1/towns/{townId}/appraisal/rounds/{id}', round(townId, id)),
  create: (townId: string, body: RoundInput) =>
    api.POST('/api/v1/towns/{townId}/appraisal/rounds', { ...town(townId), body }),
  update: (townId: string, id: string, body: RoundInput & { version: number }) =>
    api.PUT('/api/v1/towns/{townId}/appraisal/rounds/{id}', { ...round(townId, id), body }),
  remove: (townId: string, id: string, version: number) =>
    api.DELETE('/api/v1/towns/{townId}/appraisal/rounds/{id}', {
      params: { path: { townId, id }, query: { version } },
    }),
  open: (townId: string, id: string, version: number) =>
    api.POST('/api/v1/towns/{townId}/appraisal/rounds/{id}/open', {
      ...round(townId, id),
      body: { version },
    }),
  reissue: (townId: string, id: string, groupId: string) =>
    api.POST('/api/v1/towns/{townId}/appraisal/rounds/{id}/groups/{groupId}/reissue', {
      params: { path: { townId, id, groupId } },
    }),
  close: (townId: string, id: string, version: number) =>
    api.POST('/api/v1/towns/{townId}/appraisal/rounds/{id}/close', {
      ...round(townId, id),
      body: { version },
    }),
  personResults: (townId: string, personId: string) =>
    api.GET('/api/v1/towns/{townId}/appraisal/people/{personId}/results', {
      params: { path: { townId, personId } },
    }),
};

export const ballotApi = {
  form: (token: string) =>
    api.POST('/api/v1/appraisal/ballot-form', { body: { token }, skipAuthRedirect: true }),
  cast: (body: Ballot) => api.POST('/api/v1/appraisal/ballots', { body, skipAuthRedirect: true }),
};
