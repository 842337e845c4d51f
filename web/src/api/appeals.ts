/**
 * Appeals (诉求工单) under `/api/v1/towns/{townId}/…`: kinds and categories, intake, lists (all,
 * my queue, overdue), detail with timeline, transitions (with `version`), the audited contact
 * reveal, KPIs with their drill-down; and the public resident endpoints (no login). Types come
 * from the OpenAPI document.
 */
import {
  api,
  ApiError,
  type QueryParams,
  type RequestBody,
  type ResponseBody,
  type Schemas,
} from './client.ts';
import { CHANNELS as CORE_CHANNELS, PUBLIC_CHANNELS } from '../../../src/core/workflow/channels.ts';

/** 工单类型 — a workflow kind as described by the server. */
export type AppealKind = Schemas['AppealKind'];
/** One input a workflow action asks for (declared as data on the server). */
export type ActionField = Schemas['AppealActionField'];
export type FieldType = ActionField['type'];
/** 诉求类别 — a node of the county-standard category tree. */
export type AppealCategory = ResponseBody<
  '/api/v1/towns/{townId}/appeal-categories',
  'get'
>['items'][number];
/** 工单 as listed (contact masked). */
export type AppealSummary = Schemas['AppealSummary'];
/** 工单详情: summary plus content, deadlines, timeline and what the caller may do now. */
export type AppealDetail = Schemas['AppealDetail'];
export type Deadline = AppealDetail['deadlines'][number];
export type TimelineEvent = AppealDetail['timeline'][number];
export type AvailableAction = AppealDetail['actions'][number];
export type AppealCreate = RequestBody<'/api/v1/towns/{townId}/appeals', 'post'>;
export type AppealTransition = RequestBody<
  '/api/v1/towns/{townId}/appeals/{id}/transitions',
  'post'
>;
type ListQuery = QueryParams<'/api/v1/towns/{townId}/appeals', 'get'>;
/** The filters of the order list (and of its Excel export). */
export type AppealFilter = Omit<ListQuery, 'cursor' | 'limit'>;
export type OverdueItem = ResponseBody<
  '/api/v1/towns/{townId}/appeals/overdue',
  'get'
>['items'][number];

export type KpiReport = Schemas['AppealKpiReport'];
export type KpiMetric = KpiReport['metrics'][number];
export type KpiResult = KpiMetric['result'];
export type KpiOrder = Schemas['AppealKpiOrder'];
export type KpiQuery = QueryParams<'/api/v1/towns/{townId}/appeals/kpis', 'get'>;
export type KpiGrouping = NonNullable<KpiQuery['groupBy']>;

const inTown = (townId: string) => ({ params: { path: { townId } } });

export const appealsApi = {
  kinds: async (townId: string) =>
    (await api.GET('/api/v1/towns/{townId}/appeal-kinds', inTown(townId))).items,
  categories: async (townId: string) =>
    (await api.GET('/api/v1/towns/{townId}/appeal-categories', inTown(townId))).items,
  create: (townId: string, body: AppealCreate) =>
    api.POST('/api/v1/towns/{townId}/appeals', { ...inTown(townId), body }),
  list: (
    townId: string,
    filter: AppealFilter,
    cursor?: string | null,
    limit = 50,
    signal?: AbortSignal,
  ) =>
    api.GET('/api/v1/towns/{townId}/appeals', {
      params: { path: { townId }, query: { ...filter, cursor: cursor ?? undefined, limit } },
      signal,
    }),
  /** 我的待办 (the newest 200; `operationsApi.queue` also says whether more exist). */
  queue: async (townId: string, signal?: AbortSignal) =>
    (await api.GET('/api/v1/towns/{townId}/appeals/queue', { ...inTown(townId), signal })).items,
  /** The overdue list (at most 200, newest first) and whether more exist. */
  overduePage: (townId: string, signal?: AbortSignal) =>
    api.GET('/api/v1/towns/{townId}/appeals/overdue', { ...inTown(townId), signal }),
  detail: (townId: string, id: string, signal?: AbortSignal) =>
    api.GET('/api/v1/towns/{townId}/appeals/{id}', {
      params: { path: { townId, id } },
      signal,
    }),
  fire: (townId: string, id: string, body: AppealTransition) =>
    api.POST('/api/v1/towns/{townId}/appeals/{id}/transitions', {
      params: { path: { townId, id } },
      body,
    }),
  revealContact: (townId: string, id: string, reason: string) =>
    api.POST('/api/v1/towns/{townId}/appeals/{id}/contact', {
      params: { path: { townId, id } },
      body: { reason },
    }),
  kpis: (townId: string, query: KpiQuery, signal?: AbortSignal) =>
    api.GET('/api/v1/towns/{townId}/appeals/kpis', { params: { path: { townId }, query }, signal }),
  kpiOrders: (
    townId: string,
    metricId: string,
    query: QueryParams<'/api/v1/towns/{townId}/appeals/kpis/{metricId}/orders', 'get'>,
  ) =>
    api.GET('/api/v1/towns/{townId}/appeals/kpis/{metricId}/orders', {
      params: { path: { townId, metricId }, query },
    }),
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

export type PublicCatalog = Schemas['PublicCatalog'];
export type PublicSubmit = RequestBody<'/api/v1/public/towns/{townCode}/appeals', 'post'>;
export type PublicReceipt = Schemas['PublicAppealReceipt'];
export type PublicAppealStatus = Schemas['PublicAppealStatus'];
/** A public photo of an order: the resident's own, or one the town chose to show. */
export type PublicPhoto = PublicAppealStatus['photos'][number];
export type Satisfaction = Schemas['PublicRating']['satisfaction'];
export const SATISFACTION = ['满意', '基本满意', '不满意'] as const satisfies Satisfaction[];

/** Residents have no session: a 401 must never send them to the staff login page. */
const noRedirect = { skipAuthRedirect: true };

export const publicApi = {
  catalog: (townCode: string) =>
    api.GET('/api/v1/public/towns/{townCode}/catalog', {
      params: { path: { townCode } },
      ...noRedirect,
    }),
  /** Sends an Idempotency-Key, kept by the page until the server answers: a retry files once. */
  submit: async (townCode: string, body: PublicSubmit, idempotencyKey: string) => {
    try {
      return await api.POST('/api/v1/public/towns/{townCode}/appeals', {
        params: { path: { townCode } },
        body,
        headers: { 'idempotency-key': idempotencyKey },
        ...noRedirect,
      });
    } catch (err) {
      if (err instanceof ApiError && err.status === 0)
        throw new ApiError({
          ...err.problem,
          detail: '网络不太稳定，请稍后再点一次提交（不会重复提交）',
        });
      throw err;
    }
  },
  status: (code: string) =>
    api.GET('/api/v1/public/appeals/{code}', { params: { path: { code } }, ...noRedirect }),
  /** Tracking code plus the phone's last four digits: the view with the published reply. */
  prove: (code: string, phoneLast4: string) =>
    api.POST('/api/v1/public/appeals/{code}/proof', {
      params: { path: { code } },
      body: { phoneLast4 },
      ...noRedirect,
    }),
  rate: (code: string, body: Schemas['PublicRating']) =>
    api.POST('/api/v1/public/appeals/{code}/rating', {
      params: { path: { code } },
      body,
      ...noRedirect,
    }),
};
