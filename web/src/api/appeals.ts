/**
 * Types and calls for appeals (诉求工单) under `/api/v1/towns/{townId}/…`: kinds and categories,
 * intake, lists (all, my queue, overdue), detail with timeline, transitions (with `version`), the
 * audited contact reveal, KPIs with their drill-down; and the public resident endpoints (no login).
 * Shapes mirror src/domains/appeals/appeal.schema.ts and /api/openapi.json.
 */
import { api, ApiError, request, type Problem, type Query } from './client.ts';
import { CHANNELS as CORE_CHANNELS, PUBLIC_CHANNELS } from '../../../src/core/workflow/channels.ts';

export type FieldType =
  | 'string'
  | 'text'
  | 'enum'
  | 'date'
  | 'datetime'
  | 'unit_id'
  | 'unit_ids'
  | 'person_id'
  | 'person_ids'
  | 'string_list'
  | 'boolean'
  | 'number';

/** One input a workflow action asks for (declared as data on the server). */
export interface ActionField {
  name: string;
  label: string;
  type: FieldType;
  required?: boolean;
  options?: string[];
}

/** 工单类型 — a workflow kind as described by the server. */
export interface AppealKind {
  kind: string;
  label: string;
  description: string;
  states: { id: string; label: string; terminal: boolean; initial: boolean }[];
  actions: {
    id: string;
    label: string;
    from: string[];
    to: string;
    roles: string[];
    fields: ActionField[];
  }[];
  clocks: { id: string; label: string; text: string }[];
}

/** 诉求类别 — a node of the county-standard category tree. */
export interface AppealCategory {
  code: string;
  parentCode: string | null;
  name: string;
  portfolioCode: string | null;
}

/** 工单 as listed (contact masked). */
export interface AppealSummary {
  id: string;
  code: string;
  kind: string;
  kindLabel: string;
  state: string;
  stateLabel: string;
  version: number;
  channel: string;
  categoryCode: string | null;
  urgency: string | null;
  villageId: string | null;
  unitId: string | null;
  title: string;
  contactName: string | null;
  contactPhone: string | null;
  receivedAt: string;
  nextDueAt: string | null;
  overdue: boolean;
  closedAt: string | null;
  satisfaction: string | null;
  mergedInto: string | null;
}

export interface QueueItem extends AppealSummary {
  actions: string[];
}

export interface Deadline {
  clock: string;
  label: string;
  startedAt: string;
  dueAt: string;
  stoppedAt: string | null;
  extensions: number;
  overdue: boolean;
}

export interface TimelineEvent {
  seq: number;
  action: string;
  label: string;
  from: string | null;
  to: string;
  actorName: string;
  at: string;
  note: string | null;
  payload: Record<string, unknown>;
}

export interface AvailableAction {
  id: string;
  label: string;
  to: string;
  enabled: boolean;
  reason?: string;
  fields: ActionField[];
}

export interface Reminder {
  kind: string;
  clock: string;
  dueAt: string;
  message: string;
  createdAt: string;
}

/** 工单详情: summary plus content, deadlines, timeline and what the caller may do now. */
export interface AppealDetail extends AppealSummary {
  content: string;
  address: string | null;
  coHandlerUnitIds: string[];
  deadlines: Deadline[];
  fields: Record<string, unknown>;
  solved: boolean | null;
  reopenCount: number;
  residentRating: number | null;
  timeline: TimelineEvent[];
  actions: AvailableAction[];
  reminders: Reminder[];
  canRevealContact: boolean;
  warnings: string[];
}

export interface AppealCreate {
  kind: string;
  channel: string;
  categoryCode: string;
  urgency?: string;
  villageId?: string;
  title: string;
  content: string;
  contactName?: string;
  contactPhone?: string;
  address?: string;
  payload?: Record<string, unknown>;
}

export interface AppealFilter {
  kind?: string;
  state?: string;
  categoryCode?: string;
  villageId?: string;
  unitId?: string;
  q?: string;
  from?: string;
  to?: string;
}

export type KpiResult =
  | { kind: 'total'; value: number | null; numerator?: number; denominator?: number }
  | {
      kind: 'grouped';
      groups: { key: string; value: number | null; numerator?: number; denominator?: number }[];
    };

export interface KpiMetric {
  id: string;
  label: string;
  unit: string;
  description: string;
  result: KpiResult;
}

export interface KpiReport {
  metrics: KpiMetric[];
  weights: { response: number; resolution: number; satisfaction: number };
  composite:
    | { kind: 'total'; value: number | null }
    | { kind: 'grouped'; groups: { key: string; value: number | null }[] };
}

export type KpiGrouping = 'town' | 'unit' | 'village' | 'person' | 'category' | 'month' | 'kind';

export interface KpiQuery {
  from: string;
  to: string;
  groupBy?: KpiGrouping;
  kind?: string;
}

export interface KpiOrder {
  id: string;
  code: string;
  kind: string;
  state: string;
  title: string;
  receivedOn: string;
  inNumerator: boolean;
  closedAt: string | null;
  satisfaction: string | null;
}

interface Items<T> {
  items: T[];
}
export interface Page<T> extends Items<T> {
  nextCursor: string | null;
}

const town = (townId: string) => `/api/v1/towns/${townId}`;

export const appealsApi = {
  kinds: async (townId: string) =>
    (await api.get<Items<AppealKind>>(`${town(townId)}/appeal-kinds`)).items,
  categories: async (townId: string) =>
    (await api.get<Items<AppealCategory>>(`${town(townId)}/appeal-categories`)).items,
  create: (townId: string, input: AppealCreate) =>
    api.post<AppealDetail>(`${town(townId)}/appeals`, input),
  list: (
    townId: string,
    filter: AppealFilter,
    cursor?: string | null,
    limit = 50,
    signal?: AbortSignal,
  ) =>
    api.get<Page<AppealSummary>>(
      `${town(townId)}/appeals`,
      { ...filter, cursor, limit } as Query,
      signal,
    ),
  queue: async (townId: string, signal?: AbortSignal) =>
    (await api.get<Items<QueueItem>>(`${town(townId)}/appeals/queue`, undefined, signal)).items,
  /** The overdue list (at most 200, newest first) and whether more exist. */
  overduePage: (townId: string, signal?: AbortSignal) =>
    api.get<Items<AppealSummary> & { truncated: boolean }>(
      `${town(townId)}/appeals/overdue`,
      undefined,
      signal,
    ),
  detail: (townId: string, id: string, signal?: AbortSignal) =>
    api.get<AppealDetail>(`${town(townId)}/appeals/${id}`, undefined, signal),
  fire: (
    townId: string,
    id: string,
    body: { action: string; version: number; note?: string; payload: Record<string, unknown> },
  ) => api.post<AppealDetail>(`${town(townId)}/appeals/${id}/transitions`, body),
  revealContact: (townId: string, id: string, reason: string) =>
    api.post<{ contactName: string | null; contactPhone: string | null }>(
      `${town(townId)}/appeals/${id}/contact`,
      { reason },
    ),
  kpis: (townId: string, q: KpiQuery, signal?: AbortSignal) =>
    api.get<KpiReport>(`${town(townId)}/appeals/kpis`, { ...q }, signal),
  kpiOrders: (
    townId: string,
    metricId: string,
    q: KpiQuery & { group?: string; cursor?: string | null; limit?: number },
  ) =>
    api.get<Page<KpiOrder>>(`${town(townId)}/appeals/kpis/${metricId}/orders`, { ...q } as Query),
};

/** 紧急程度 of the hotline kind (the server validates; these are the ids it declares). */
export const URGENCIES = [
  { value: 'general', label: '一般' },
  { value: 'urgent', label: '紧急' },
  { value: 'complex', label: '疑难复杂' },
];

/** 来源渠道, shared with the server (src/core/workflow/channels.ts). */
export const CHANNELS: Record<string, string> = CORE_CHANNELS;
export { PUBLIC_CHANNELS };

// ---- Public resident endpoints (no login; src/domains/public-intake) ------------------------

export interface PublicCatalog {
  town: { code: string; name: string };
  categories: { code: string; name: string; children: { code: string; name: string }[] }[];
  villages: { id: string; name: string }[];
}

export interface PublicSubmit {
  categoryCode: string;
  villageId: string;
  title: string;
  content: string;
  contactName?: string;
  contactPhone?: string;
  address?: string;
}

export interface PublicReceipt {
  trackingCode: string;
  code: string;
  townName: string;
  status: 'open' | 'closed';
  state: string;
  stateLabel: string;
  receivedAt: string;
}

export const SATISFACTION = ['满意', '基本满意', '不满意'] as const;
export type Satisfaction = (typeof SATISFACTION)[number];

export interface PublicAppealStatus extends PublicReceipt {
  categoryName: string | null;
  villageName: string | null;
  /** What a handler published, with phone and ID numbers, house numbers and names taken out. */
  description: string | null;
  reply: string | null;
  publishedAt: string | null;
  updatedAt: string;
  expectedAt: string | null;
  closedAt: string | null;
  canRate: boolean;
  rating: { satisfaction: Satisfaction; solved: boolean; ratedAt: string } | null;
  timeline: { at: string; label: string; stateLabel: string }[];
}

const pub = '/api/v1/public';
const noRedirect = { skipAuthRedirect: true };

/** POST with an Idempotency-Key header (client.ts sends no custom headers); errors become ApiError. */
async function postWithKey<T>(path: string, body: unknown, key: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError({
      type: 'network',
      title: '网络错误',
      status: 0,
      detail: '网络不太稳定，请稍后再点一次提交（不会重复提交）',
    });
  }
  const data = (await res.json().catch(() => ({}))) as Partial<Problem> & T;
  if (!res.ok)
    throw new ApiError({
      type: 'about:blank',
      title: res.statusText,
      status: res.status,
      ...data,
      detail: data.detail || `提交失败（${res.status}）`,
    } as Problem);
  return data;
}

export const publicApi = {
  catalog: (townCode: string) =>
    request<PublicCatalog>(
      'GET',
      `${pub}/towns/${encodeURIComponent(townCode)}/catalog`,
      noRedirect,
    ),
  submit: (townCode: string, input: PublicSubmit, idempotencyKey: string) =>
    postWithKey<PublicReceipt>(
      `${pub}/towns/${encodeURIComponent(townCode)}/appeals`,
      input,
      idempotencyKey,
    ),
  status: (code: string) =>
    request<PublicAppealStatus>('GET', `${pub}/appeals/${encodeURIComponent(code)}`, noRedirect),
  rate: (code: string, body: { satisfaction: Satisfaction; solved: boolean; comment?: string }) =>
    request<PublicAppealStatus>('POST', `${pub}/appeals/${encodeURIComponent(code)}/rating`, {
      ...noRedirect,
      body,
    }),
};
