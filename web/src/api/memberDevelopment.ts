/**
 * 发展党员 under `/api/v1/towns/{townId}/member-development/…`: the pipeline list, a person's
 * detail with the actions the server offers, steps, the funnel per branch and year, the
 * reminders, the caller's branches and the import of the 发展党员 ledger.
 */
import { api, type Schemas } from './client.ts';

export type CandidateSummary = Schemas['MemberCandidateSummary'];
export type CandidateDetail = Schemas['MemberCandidateDetail'];
export type CandidateAction = CandidateDetail['actions'][number];
export type Funnel = Schemas['MemberDevelopmentFunnel'];
export type ImportResult = Schemas['MemberDevelopmentImport'];

const town = (townId: string) => ({ params: { path: { townId } } });
const one = (townId: string, id: string) => ({ params: { path: { townId, id } } });

export const developmentApi = {
  branches: (townId: string) =>
    api.GET('/api/v1/towns/{townId}/member-development/branches', town(townId)),
  list: (townId: string, query: { branchId?: string; state?: string }) =>
    api.GET('/api/v1/towns/{townId}/member-development/candidates', {
      params: { path: { townId }, query },
    }),
  get: (townId: string, id: string) =>
    api.GET('/api/v1/towns/{townId}/member-development/candidates/{id}', one(townId, id)),
  apply: (townId: string, payload: Record<string, unknown>) =>
    api.POST('/api/v1/towns/{townId}/member-development/candidates', {
      ...town(townId),
      body: { payload },
    }),
  step: (
    townId: string,
    id: string,
    body: { action: string; version: number; payload: Record<string, unknown>; note?: string },
  ) =>
    api.POST('/api/v1/towns/{townId}/member-development/candidates/{id}/steps', {
      ...one(townId, id),
      body,
    }),
  funnel: (townId: string, year: number) =>
    api.GET('/api/v1/towns/{townId}/member-development/funnel', {
      params: { path: { townId }, query: { year } },
    }),
  reminders: (townId: string) =>
    api.GET('/api/v1/towns/{townId}/member-development/reminders', town(townId)),
  importLedger: (townId: string) =>
    api.POST('/api/v1/towns/{townId}/member-development/import-ledger', town(townId)),
};
