/**
 * Types and calls for appeal analysis: 问题清单 (proposals, confirm, edit, status, orders),
 * 忽略/撤销忽略, 承诺事项, 分析通报 (figures, preview, Word, 签发 and issued bulletins) and the
 * county ranking. Shapes mirror
 * src/domains/appeal-analysis/analysis.schema.ts and /api/openapi.json.
 */
import { api, type Query } from '../../api/client.ts';

const town = (townId: string) => `/api/v1/towns/${townId}`;

export interface LinkedOrder {
  id: string;
  code: string;
  title: string;
  kind: string;
  state: string;
  stateLabel: string;
  villageId: string | null;
  receivedAt: string;
  closedAt: string | null;
  satisfaction: string | null;
}
export interface StatusOption {
  status: string;
  label: string;
}

/** 问题清单 — a recurring problem. */
export interface Problem {
  id: string;
  title: string;
  description: string | null;
  villageId: string | null;
  categoryCode: string | null;
  ownerUnitId: string | null;
  ownerPersonId: string | null;
  ownerPersonName: string | null;
  plan: string | null;
  result: string | null;
  status: string;
  statusLabel: string;
  dueOn: string | null;
  overdue: boolean;
  orderCount: number;
  version: number;
  createdAt: string;
  rectifiedAt: string | null;
  closedAt: string | null;
}
export interface ProblemDetail extends Problem {
  orders: LinkedOrder[];
  nextStatuses: StatusOption[];
}

export interface Proposal {
  key: string;
  kind: 'new' | 'extend';
  problemId: string | null;
  problemTitle: string | null;
  suggestedTitle: string;
  villageId: string | null;
  categoryCode: string | null;
  similarity: number;
  commonWords: string[];
  orders: { id: string; code: string; title: string; receivedOn: string; state: string }[];
  /** Part of this group was dismissed before; `orders` are then only the orders that joined since. */
  dismissed: {
    id: string;
    title: string;
    reason: string;
    dismissedByName: string;
    dismissedAt: string;
    orderCount: number;
  } | null;
}

/** 忽略 — a dismissed proposal. */
export interface Dismissal {
  id: string;
  problemId: string | null;
  title: string;
  villageId: string | null;
  categoryCode: string | null;
  reason: string;
  dismissedByName: string;
  dismissedAt: string;
  orders: { id: string; code: string; title: string; receivedOn: string }[];
}

/** 承诺事项 — a public promise. */
export interface Commitment {
  id: string;
  title: string;
  content: string;
  promisedTo: string;
  villageId: string | null;
  ownerUnitId: string | null;
  ownerPersonId: string | null;
  ownerPersonName: string | null;
  promisedOn: string;
  dueOn: string;
  status: string;
  statusLabel: string;
  overdue: boolean;
  evidence: string | null;
  fulfilledAt: string | null;
  problemId: string | null;
  problemTitle: string | null;
  orderCount: number;
  version: number;
}
export interface CommitmentDetail extends Commitment {
  orders: LinkedOrder[];
  notes: { id: string; note: string; authorName: string; at: string }[];
  nextStatuses: StatusOption[];
}

export interface MetricChip {
  type: 'metric';
  metricId: string;
  params: Record<string, string>;
  value: number | null;
  unit: string;
  display: string;
}
export interface BulletinQuery {
  from: string;
  to: string;
  villageId?: string;
  unitId?: string;
}
export interface Bulletin {
  html: string;
  document: {
    title: string;
    byline?: string;
    sections: {
      heading: string;
      level: number;
      paragraphs: { inlines: ({ type: 'text'; text: string } | MetricChip)[] }[];
    }[];
  };
  data: {
    totals: Record<
      string,
      { metricId: string; value: number | null; unit: string; params: Record<string, string> }
    >;
    composite: number | null;
  };
}
/** 签发 — a bulletin as issued: its figures never change. */
export interface IssuedSummary {
  id: string;
  year: number;
  number: number;
  label: string;
  title: string;
  from: string;
  to: string;
  scopeKind: string;
  scopeId: string | null;
  scopeName: string | null;
  asOf: string;
  issuedByName: string;
  issuedAt: string;
}
export type IssuedBulletin = IssuedSummary & Bulletin;
export interface DrillOrder {
  id: string;
  code: string;
  title: string;
  state: string;
  receivedOn: string;
  inNumerator?: boolean;
  closedAt: string | null;
}

export interface RankingCell {
  value: number | null;
  numerator?: number;
  denominator?: number;
}
export interface RankingRow {
  townId: string;
  townName: string;
  received: number;
  responseRate: RankingCell;
  resolutionRate: RankingCell;
  satisfactionRate: RankingCell;
  composite: number | null;
  rank: number | null;
}
export type RankBy = 'composite' | 'response_rate' | 'resolution_rate' | 'satisfaction_rate';

type Items<T> = { items: T[] };

export const analysisApi = {
  problems: async (
    townId: string,
    q: { status?: string; villageId?: string; q?: string; overdue?: string },
    signal?: AbortSignal,
  ) => (await api.get<Items<Problem>>(`${town(townId)}/appeal-problems`, q as Query, signal)).items,
  problem: (townId: string, id: string, signal?: AbortSignal) =>
    api.get<ProblemDetail>(`${town(townId)}/appeal-problems/${id}`, undefined, signal),
  proposals: (
    townId: string,
    q: { from: string; to: string; kind?: string; villageId?: string; minSize?: number },
    signal?: AbortSignal,
  ) =>
    api.get<{ items: Proposal[]; scanned: number; threshold: number; minSize: number }>(
      `${town(townId)}/appeal-problems/proposals`,
      q as Query,
      signal,
    ),
  confirm: (
    townId: string,
    body: {
      title: string;
      appealIds: string[];
      source: 'detect' | 'manual';
      ownerUnitId?: string;
      dueOn?: string;
      plan?: string;
    },
  ) => api.post<ProblemDetail>(`${town(townId)}/appeal-problems`, body),
  updateProblem: (
    townId: string,
    id: string,
    body: Record<string, unknown> & { version: number },
  ) => api.patch<ProblemDetail>(`${town(townId)}/appeal-problems/${id}`, body),
  moveProblem: (
    townId: string,
    id: string,
    body: { version: number; status: string; plan?: string; result?: string; note?: string },
  ) => api.post<ProblemDetail>(`${town(townId)}/appeal-problems/${id}/status`, body),
  addOrders: (townId: string, id: string, version: number, appealIds: string[]) =>
    api.post<ProblemDetail>(`${town(townId)}/appeal-problems/${id}/orders`, { version, appealIds }),
  removeOrders: (townId: string, id: string, version: number, appealIds: string[]) =>
    api.post<ProblemDetail>(`${town(townId)}/appeal-problems/${id}/orders/remove`, {
      version,
      appealIds,
    }),

  dismissals: async (townId: string, signal?: AbortSignal) =>
    (
      await api.get<Items<Dismissal>>(
        `${town(townId)}/appeal-problems/dismissals`,
        undefined,
        signal,
      )
    ).items,
  dismiss: (
    townId: string,
    body: { appealIds: string[]; problemId?: string; title: string; reason: string },
  ) => api.post<Dismissal>(`${town(townId)}/appeal-problems/dismissals`, body),
  undoDismissal: (townId: string, id: string) =>
    api.post<{ id: string; revoked: boolean }>(
      `${town(townId)}/appeal-problems/dismissals/${id}/revoke`,
      {},
    ),

  commitments: async (
    townId: string,
    q: { status?: string; villageId?: string; overdue?: string; q?: string },
    signal?: AbortSignal,
  ) =>
    (await api.get<Items<Commitment>>(`${town(townId)}/appeal-commitments`, q as Query, signal))
      .items,
  commitment: (townId: string, id: string, signal?: AbortSignal) =>
    api.get<CommitmentDetail>(`${town(townId)}/appeal-commitments/${id}`, undefined, signal),
  createCommitment: (townId: string, body: Record<string, unknown>) =>
    api.post<CommitmentDetail>(`${town(townId)}/appeal-commitments`, body),
  updateCommitment: (
    townId: string,
    id: string,
    body: Record<string, unknown> & { version: number },
  ) => api.patch<CommitmentDetail>(`${town(townId)}/appeal-commitments/${id}`, body),
  addNote: (townId: string, id: string, note: string) =>
    api.post<CommitmentDetail>(`${town(townId)}/appeal-commitments/${id}/notes`, { note }),

  bulletin: (townId: string, q: BulletinQuery, signal?: AbortSignal) =>
    api.get<Bulletin>(`${town(townId)}/appeal-bulletin`, q as unknown as Query, signal),
  bulletinDocxUrl: (townId: string, q: BulletinQuery) =>
    `${town(townId)}/appeal-bulletin/docx?${new URLSearchParams(q as unknown as Record<string, string>).toString()}`,
  /** 签发; `issuer` and `docCode` (机关代字) sign it, the server's defaults when left out. */
  issue: (townId: string, q: BulletinQuery & { issuer?: string; docCode?: string }) =>
    api.post<IssuedBulletin>(`${town(townId)}/appeal-bulletin/issues`, q),
  issued: async (townId: string, signal?: AbortSignal) =>
    (
      await api.get<Items<IssuedSummary>>(
        `${town(townId)}/appeal-bulletin/issues`,
        undefined,
        signal,
      )
    ).items,
  issuedOne: (townId: string, id: string, signal?: AbortSignal) =>
    api.get<IssuedBulletin>(`${town(townId)}/appeal-bulletin/issues/${id}`, undefined, signal),
  issuedDocxUrl: (townId: string, id: string) =>
    `${town(townId)}/appeal-bulletin/issues/${id}/docx`,
  drill: (
    townId: string,
    metricId: string,
    params: Record<string, string>,
    cursor?: string | null,
  ) =>
    api.get<{ items: DrillOrder[]; nextCursor: string | null }>(
      `${town(townId)}/appeal-bulletin/metrics/${metricId}/orders`,
      { ...params, cursor, limit: 100 },
    ),
  ranking: (q: { from: string; to: string; sort: RankBy }, signal?: AbortSignal) =>
    api.get<{ items: RankingRow[] }>('/api/v1/appeal-rankings', q as unknown as Query, signal),
};
