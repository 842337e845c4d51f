/**
 * Calls for appeal analysis: 问题清单 (proposals, confirm, edit, status, orders), 忽略/撤销忽略,
 * 承诺事项, 分析通报 (figures, preview, Word, 签发 and issued bulletins) and the county ranking.
 * Types come from the OpenAPI document (src/domains/appeal-analysis/*.schema.ts).
 */
import {
  api,
  withQuery,
  type PathParams,
  type QueryParams,
  type RequestBody,
  type Schemas,
} from '../../api/client.ts';

const town = (townId: string) => `/api/v1/towns/${townId}`;

/** 问题清单 — a recurring problem. */
export type Problem = Schemas['AppealProblem'];
export type ProblemDetail = Schemas['AppealProblemDetail'];
export type LinkedOrder = ProblemDetail['orders'][number];
export type StatusOption = ProblemDetail['nextStatuses'][number];
export type Proposal = Schemas['AppealProblemProposal'];
export type ProblemStatus = NonNullable<
  QueryParams<'/api/v1/towns/{townId}/appeal-problems', 'get'>['status']
>;
export type CommitmentStatus = NonNullable<
  QueryParams<'/api/v1/towns/{townId}/appeal-commitments', 'get'>['status']
>;
export type ProposalKind = NonNullable<
  QueryParams<'/api/v1/towns/{townId}/appeal-problems/proposals', 'get'>['kind']
>;
/** 忽略 — a dismissed proposal. */
export type Dismissal = Schemas['AppealProblemDismissal'];
/** 承诺事项 — a public promise. */
export type Commitment = Schemas['AppealCommitment'];
export type CommitmentDetail = Schemas['AppealCommitmentDetail'];
export type BulletinQuery = QueryParams<'/api/v1/towns/{townId}/appeal-bulletin', 'get'>;
export type Bulletin = Schemas['AppealBulletin'];
/** 签发 — a bulletin as issued: its figures never change. */
export type IssuedSummary = Schemas['AppealBulletinIssued'];
export type IssuedBulletin = Schemas['AppealBulletinIssuedDetail'];
export type DrillOrder = Schemas['AppealBulletinOrder'];
export type RankingRow = Schemas['AppealRanking']['items'][number];
export type RankingCell = RankingRow['responseRate'];
export type RankBy = NonNullable<QueryParams<'/api/v1/appeal-rankings', 'get'>['sort']>;

type DrillMetricId = NonNullable<
  PathParams<'/api/v1/towns/{townId}/appeal-bulletin/metrics/{metricId}/orders', 'get'>
>['metricId'];

const inTown = (townId: string) => ({ params: { path: { townId } } });
const entity = (townId: string, id: string) => ({ params: { path: { townId, id } } });

export const analysisApi = {
  problems: async (
    townId: string,
    query: QueryParams<'/api/v1/towns/{townId}/appeal-problems', 'get'>,
    signal?: AbortSignal,
  ) =>
    (
      await api.GET('/api/v1/towns/{townId}/appeal-problems', {
        params: { path: { townId }, query },
        signal,
      })
    ).items,
  problem: (townId: string, id: string, signal?: AbortSignal) =>
    api.GET('/api/v1/towns/{townId}/appeal-problems/{id}', { ...entity(townId, id), signal }),
  proposals: (
    townId: string,
    query: QueryParams<'/api/v1/towns/{townId}/appeal-problems/proposals', 'get'>,
    signal?: AbortSignal,
  ) =>
    api.GET('/api/v1/towns/{townId}/appeal-problems/proposals', {
      params: { path: { townId }, query },
      signal,
    }),
  confirm: (townId: string, body: RequestBody<'/api/v1/towns/{townId}/appeal-problems', 'post'>) =>
    api.POST('/api/v1/towns/{townId}/appeal-problems', { ...inTown(townId), body }),
  updateProblem: (
    townId: string,
    id: string,
    body: RequestBody<'/api/v1/towns/{townId}/appeal-problems/{id}', 'patch'>,
  ) => api.PATCH('/api/v1/towns/{townId}/appeal-problems/{id}', { ...entity(townId, id), body }),
  moveProblem: (
    townId: string,
    id: string,
    body: RequestBody<'/api/v1/towns/{townId}/appeal-problems/{id}/status', 'post'>,
  ) =>
    api.POST('/api/v1/towns/{townId}/appeal-problems/{id}/status', {
      ...entity(townId, id),
      body,
    }),
  addOrders: (townId: string, id: string, version: number, appealIds: string[]) =>
    api.POST('/api/v1/towns/{townId}/appeal-problems/{id}/orders', {
      ...entity(townId, id),
      body: { version, appealIds },
    }),
  removeOrders: (townId: string, id: string, version: number, appealIds: string[]) =>
    api.POST('/api/v1/towns/{townId}/appeal-problems/{id}/orders/remove', {
      ...entity(townId, id),
      body: { version, appealIds },
    }),

  dismissals: async (townId: string, signal?: AbortSignal) =>
    (
      await api.GET('/api/v1/towns/{townId}/appeal-problems/dismissals', {
        ...inTown(townId),
        signal,
      })
    ).items,
  dismiss: (
    townId: string,
    body: RequestBody<'/api/v1/towns/{townId}/appeal-problems/dismissals', 'post'>,
  ) => api.POST('/api/v1/towns/{townId}/appeal-problems/dismissals', { ...inTown(townId), body }),
  undoDismissal: (townId: string, id: string) =>
    api.POST('/api/v1/towns/{townId}/appeal-problems/dismissals/{id}/revoke', entity(townId, id)),

  commitments: async (
    townId: string,
    query: QueryParams<'/api/v1/towns/{townId}/appeal-commitments', 'get'>,
    signal?: AbortSignal,
  ) =>
    (
      await api.GET('/api/v1/towns/{townId}/appeal-commitments', {
        params: { path: { townId }, query },
        signal,
      })
    ).items,
  commitment: (townId: string, id: string, signal?: AbortSignal) =>
    api.GET('/api/v1/towns/{townId}/appeal-commitments/{id}', { ...entity(townId, id), signal }),
  createCommitment: (
    townId: string,
    body: RequestBody<'/api/v1/towns/{townId}/appeal-commitments', 'post'>,
  ) => api.POST('/api/v1/towns/{townId}/appeal-commitments', { ...inTown(townId), body }),
  updateCommitment: (
    townId: string,
    id: string,
    body: RequestBody<'/api/v1/towns/{townId}/appeal-commitments/{id}', 'patch'>,
  ) => api.PATCH('/api/v1/towns/{townId}/appeal-commitments/{id}', { ...entity(townId, id), body }),
  addNote: (townId: string, id: string, note: string) =>
    api.POST('/api/v1/towns/{townId}/appeal-commitments/{id}/notes', {
      ...entity(townId, id),
      body: { note },
    }),

  bulletin: (townId: string, query: BulletinQuery, signal?: AbortSignal) =>
    api.GET('/api/v1/towns/{townId}/appeal-bulletin', {
      params: { path: { townId }, query },
      signal,
    }),
  bulletinDocxUrl: (townId: string, q: BulletinQuery) =>
    withQuery(`${town(townId)}/appeal-bulletin/docx`, q),
  /** 签发; `issuer` and `docCode` (机关代字) sign it, the server's defaults when left out. */
  issue: (
    townId: string,
    body: RequestBody<'/api/v1/towns/{townId}/appeal-bulletin/issues', 'post'>,
  ) => api.POST('/api/v1/towns/{townId}/appeal-bulletin/issues', { ...inTown(townId), body }),
  issued: async (townId: string, signal?: AbortSignal) =>
    (await api.GET('/api/v1/towns/{townId}/appeal-bulletin/issues', { ...inTown(townId), signal }))
      .items,
  issuedOne: (townId: string, id: string, signal?: AbortSignal) =>
    api.GET('/api/v1/towns/{townId}/appeal-bulletin/issues/{id}', {
      ...entity(townId, id),
      signal,
    }),
  issuedDocxUrl: (townId: string, id: string) =>
    `${town(townId)}/appeal-bulletin/issues/${id}/docx`,
  /** The orders behind one bulletin figure; `params` are the figure's own (chip params). */
  drill: (
    townId: string,
    metricId: string,
    params: Record<string, unknown>,
    cursor?: string | null,
  ) =>
    api.GET('/api/v1/towns/{townId}/appeal-bulletin/metrics/{metricId}/orders', {
      params: {
        // Figures name their own metric: one of the ids this path declares.
        path: { townId, metricId: metricId as DrillMetricId },
        query: {
          ...(params as BulletinQuery),
          cursor: cursor ?? undefined,
          limit: 100,
        },
      },
    }),
  ranking: (query: QueryParams<'/api/v1/appeal-rankings', 'get'>, signal?: AbortSignal) =>
    api.GET('/api/v1/appeal-rankings', { params: { query }, signal }),
};
