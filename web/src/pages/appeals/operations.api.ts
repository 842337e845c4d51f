/**
 * Calls for the operational side of appeals (src/domains/appeals/appeal.files.routes.ts and
 * appeal.operations.routes.ts): Excel export links, my queue (with its truncation flag), duplicate
 * hints, 督办 and 我的提醒 (and its count), and order attachments with their 公开给群众 flag.
 * Shapes mirror the server's zod schemas.
 */
import { api, ApiError, request, type Problem, type Query } from '../../api/client.ts';
import type { AppealFilter, AppealSummary, KpiQuery } from '../../api/appeals.ts';

const town = (townId: string) => `/api/v1/towns/${townId}`;

function withQuery(path: string, q: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Excel export links: the same filters as the list on screen, no paging. */
export const exportUrls = {
  list: (townId: string, f: AppealFilter) => withQuery(`${town(townId)}/appeals/export`, { ...f }),
  queue: (townId: string) => `${town(townId)}/appeals/queue/export`,
  overdue: (townId: string) => `${town(townId)}/appeals/overdue/export`,
  kpiOrders: (townId: string, metricId: string, q: KpiQuery & { group?: string }) =>
    withQuery(`${town(townId)}/appeals/kpis/${metricId}/orders/export`, { ...q }),
};

export interface SimilarOrder extends AppealSummary {
  reasons: string[];
  reason: string;
  similarity: number;
}

export interface Reminder {
  id: string;
  kind: 'reminder' | 'supervision';
  source: 'scheduler' | 'manual';
  clock: string;
  dueAt: string;
  message: string;
  createdAt: string;
  note: string | null;
  targetUnitId: string | null;
  issuedByName: string | null;
  acknowledgedAt: string | null;
  acknowledgedByName: string | null;
  reply: string | null;
  repliedAt: string | null;
  repliedByName: string | null;
  version: number;
}

export interface ReminderItem extends Reminder {
  appeal: {
    id: string;
    code: string;
    title: string;
    state: string;
    version: number;
    unitId: string | null;
    villageId: string | null;
    nextDueAt: string | null;
    overdue: boolean;
    closed: boolean;
  };
}

export interface OrderAttachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  eventSeq: number | null;
  uploadedByName: string;
  createdAt: string;
  /** 公开给群众: shown on the resident's tracking page and as Open311 media_url. */
  public: boolean;
  fromResident: boolean;
  publishedAt: string | null;
  publishedByName: string | null;
}

export type QueueItem = AppealSummary & { actions: string[] };

export const attachmentUrl = (townId: string, appealId: string, id: string) =>
  `${town(townId)}/appeals/${appealId}/attachments/${id}`;

export const operationsApi = {
  similar: async (
    townId: string,
    q: { text?: string; phone?: string; villageId?: string; categoryCode?: string },
    signal?: AbortSignal,
  ) =>
    (
      await api.get<{ items: SimilarOrder[] }>(
        `${town(townId)}/appeals/similar`,
        q as Query,
        signal,
      )
    ).items,
  supervise: (
    townId: string,
    appealId: string,
    body: { version: number; note: string; replyBy: string },
  ) =>
    api.post<Reminder & { appealVersion: number }>(
      `${town(townId)}/appeals/${appealId}/supervisions`,
      body,
    ),
  supervisions: async (townId: string, status: 'open' | 'all' = 'open', signal?: AbortSignal) =>
    (
      await api.get<{ items: ReminderItem[] }>(
        `${town(townId)}/appeals/supervisions`,
        { status },
        signal,
      )
    ).items,
  myReminders: async (townId: string, status: 'open' | 'all' = 'open', signal?: AbortSignal) =>
    (
      await api.get<{ items: ReminderItem[] }>(
        `${town(townId)}/appeals/reminders`,
        { status },
        signal,
      )
    ).items,
  acknowledge: (townId: string, appealId: string, reminderId: string, version: number) =>
    api.post<Reminder>(`${town(townId)}/appeals/${appealId}/reminders/${reminderId}/acknowledge`, {
      version,
    }),
  reply: (townId: string, appealId: string, reminderId: string, version: number, reply: string) =>
    api.post<Reminder>(`${town(townId)}/appeals/${appealId}/reminders/${reminderId}/reply`, {
      version,
      reply,
    }),
  /** 我的待办 with `truncated`: the screen shows the newest 200, the export has them all. */
  queue: (townId: string, signal?: AbortSignal) =>
    api.get<{ items: QueueItem[]; truncated: boolean }>(
      `${town(townId)}/appeals/queue`,
      undefined,
      signal,
    ),
  reminderCount: async (townId: string, signal?: AbortSignal) =>
    (await api.get<{ open: number }>(`${town(townId)}/appeals/reminders/count`, undefined, signal))
      .open,
  setVisibility: (townId: string, appealId: string, attachmentId: string, visible: boolean) =>
    request<OrderAttachment>(
      'PUT',
      `${town(townId)}/appeals/${appealId}/attachments/${attachmentId}/visibility`,
      { body: { public: visible } },
    ),
  attachments: async (townId: string, appealId: string, signal?: AbortSignal) =>
    (
      await api.get<{ items: OrderAttachment[] }>(
        `${town(townId)}/appeals/${appealId}/attachments`,
        undefined,
        signal,
      )
    ).items,
  /** Multipart upload (client.ts speaks JSON only); failures become ApiError with the server's problem. */
  async upload(townId: string, appealId: string, file: File): Promise<OrderAttachment> {
    const form = new FormData();
    form.append('file', file, file.name);
    let res: Response;
    try {
      res = await fetch(`${town(townId)}/appeals/${appealId}/attachments`, {
        method: 'POST',
        body: form,
        credentials: 'include',
        headers: { accept: 'application/json' },
      });
    } catch {
      throw new ApiError({
        type: 'network',
        title: '网络错误',
        status: 0,
        detail: '无法连接服务器，请检查网络后重试',
      });
    }
    const data = (await res.json().catch(() => ({}))) as Partial<Problem> & OrderAttachment;
    if (!res.ok)
      throw new ApiError({
        type: 'about:blank',
        title: res.statusText,
        status: res.status,
        ...data,
        detail: data.detail || `上传失败（${res.status}）`,
      } as Problem);
    return data;
  },
};

/** Town leaders issue 督办 (the server's appeals.supervise policy). */
export const canSupervise = (grants: { role: string }[]) => grants.some((g) => g.role === 'leader');
