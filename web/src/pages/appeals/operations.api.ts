/**
 * Calls for the operational side of appeals (src/domains/appeals/appeal.files.routes.ts and
 * appeal.operations.routes.ts): Excel export links, my queue (with its truncation flag), duplicate
 * hints, 督办 and 我的提醒 (and its count), and order attachments with their 公开给群众 flag.
 */
import {
  api,
  postForm,
  withQuery,
  type QueryParams,
  type ResponseBody,
  type Schemas,
} from '../../api/client.ts';
import type { AppealFilter, KpiQuery } from '../../api/appeals.ts';

const town = (townId: string) => `/api/v1/towns/${townId}`;

/** Excel export links: the same filters as the list on screen, no paging. */
export const exportUrls = {
  list: (townId: string, f: AppealFilter) => withQuery(`${town(townId)}/appeals/export`, f),
  queue: (townId: string) => `${town(townId)}/appeals/queue/export`,
  overdue: (townId: string) => `${town(townId)}/appeals/overdue/export`,
  kpiOrders: (townId: string, metricId: string, q: KpiQuery & { group?: string }) =>
    withQuery(`${town(townId)}/appeals/kpis/${metricId}/orders/export`, q),
};

export type SimilarOrder = Schemas['AppealSimilar'];
/** 可能与…同类: an open problem, or recent unconfirmed repeats, the typed text reads like. */
export type ProblemHint = Schemas['ProblemHint'];
/** 督办 or an automatic reminder on an order. */
export type Reminder = Schemas['AppealReminder'];
/** A reminder with the order it is about (我的提醒, 督办 lists). */
export type ReminderItem = Schemas['AppealReminderListItem'];
export type OrderAttachment = Schemas['AppealAttachment'];
export type QueueItem = ResponseBody<
  '/api/v1/towns/{townId}/appeals/queue',
  'get'
>['items'][number];
type ReminderStatus = NonNullable<
  QueryParams<'/api/v1/towns/{townId}/appeals/reminders', 'get'>['status']
>;

export const attachmentUrl = (townId: string, appealId: string, id: string) =>
  `${town(townId)}/appeals/${appealId}/attachments/${id}`;

const order = (townId: string, id: string) => ({ params: { path: { townId, id } } });
const reminder = (townId: string, id: string, reminderId: string) => ({
  params: { path: { townId, id, reminderId } },
});

export const operationsApi = {
  similar: async (
    townId: string,
    query: QueryParams<'/api/v1/towns/{townId}/appeals/similar', 'get'>,
    signal?: AbortSignal,
  ) =>
    api.GET('/api/v1/towns/{townId}/appeals/similar', {
      params: { path: { townId }, query },
      signal,
    }),
  supervise: (
    townId: string,
    appealId: string,
    body: { version: number; note: string; replyBy: string },
  ) =>
    api.POST('/api/v1/towns/{townId}/appeals/{id}/supervisions', {
      ...order(townId, appealId),
      body,
    }),
  supervisions: async (townId: string, status: ReminderStatus = 'open', signal?: AbortSignal) =>
    (
      await api.GET('/api/v1/towns/{townId}/appeals/supervisions', {
        params: { path: { townId }, query: { status } },
        signal,
      })
    ).items,
  myReminders: async (townId: string, status: ReminderStatus = 'open', signal?: AbortSignal) =>
    (
      await api.GET('/api/v1/towns/{townId}/appeals/reminders', {
        params: { path: { townId }, query: { status } },
        signal,
      })
    ).items,
  acknowledge: (townId: string, appealId: string, reminderId: string, version: number) =>
    api.POST('/api/v1/towns/{townId}/appeals/{id}/reminders/{reminderId}/acknowledge', {
      ...reminder(townId, appealId, reminderId),
      body: { version },
    }),
  reply: (townId: string, appealId: string, reminderId: string, version: number, text: string) =>
    api.POST('/api/v1/towns/{townId}/appeals/{id}/reminders/{reminderId}/reply', {
      ...reminder(townId, appealId, reminderId),
      body: { version, reply: text },
    }),
  /** 我的待办 with `truncated`: the screen shows the newest 200, the export has them all. */
  queue: (townId: string, signal?: AbortSignal) =>
    api.GET('/api/v1/towns/{townId}/appeals/queue', { params: { path: { townId } }, signal }),
  reminderCount: async (townId: string, signal?: AbortSignal) =>
    (
      await api.GET('/api/v1/towns/{townId}/appeals/reminders/count', {
        params: { path: { townId } },
        signal,
      })
    ).open,
  setVisibility: (townId: string, appealId: string, attachmentId: string, visible: boolean) =>
    api.PUT('/api/v1/towns/{townId}/appeals/{id}/attachments/{attachmentId}/visibility', {
      params: { path: { townId, id: appealId, attachmentId } },
      body: { public: visible },
    }),
  attachments: async (townId: string, appealId: string, signal?: AbortSignal) =>
    (
      await api.GET('/api/v1/towns/{townId}/appeals/{id}/attachments', {
        ...order(townId, appealId),
        signal,
      })
    ).items,
  /** 人员选择 under a field's rule: the people the server allows that field of the action to name. */
  peopleChoices: (
    townId: string,
    appealId: string,
    query: QueryParams<'/api/v1/towns/{townId}/appeals/{id}/people-choices', 'get'>,
    signal?: AbortSignal,
  ) =>
    api.GET('/api/v1/towns/{townId}/appeals/{id}/people-choices', {
      params: { path: { townId, id: appealId }, query },
      signal,
    }),
  /** Multipart upload of one attachment of an order. */
  upload(townId: string, appealId: string, file: File) {
    const form = new FormData();
    form.append('file', file, file.name);
    return postForm<ResponseBody<'/api/v1/towns/{townId}/appeals/{id}/attachments', 'post'>>(
      `${town(townId)}/appeals/${appealId}/attachments`,
      form,
    );
  },
};

/** Town leaders issue 督办 (the server's appeals.supervise policy). */
export const canSupervise = (grants: { role: string }[]) => grants.some((g) => g.role === 'leader');
