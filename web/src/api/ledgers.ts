/**
 * Types and calls for ledgers (台账) of one town (`/api/v1/towns/{townId}/ledger-types/…`): type
 * definitions (read; admins define new versions), records with optimistic locking, attachments
 * and Excel (template, export of a filtered list, import with progress and an error report).
 */
import { api, ApiError, request, type Problem, type Query } from './client.ts';
import type { Page } from './org.ts';

export type FieldType =
  | 'text'
  | 'long_text'
  | 'number'
  | 'money'
  | 'date'
  | 'enum'
  | 'boolean'
  | 'person'
  | 'unit'
  | 'attachment';

export interface EnumOption {
  code: string;
  label: string;
}

/** One column of a ledger; type-specific settings are optional. */
export interface LedgerField {
  key: string;
  label: string;
  type: FieldType;
  required?: boolean;
  unique?: boolean;
  help?: string;
  removed?: boolean;
  minLength?: number;
  maxLength?: number;
  unit?: string;
  integer?: boolean;
  min?: number | string;
  max?: number | string;
  options?: EnumOption[];
  maxCount?: number;
}

export interface LedgerTypeSummary {
  code: string;
  name: string;
  portfolio: string;
  description: string;
  version: number;
  fieldCount: number;
  metricCount: number;
}

export interface LedgerType {
  code: string;
  name: string;
  portfolio: string;
  description: string;
  version: number;
  versions: number[];
  fields: LedgerField[];
  dateField: string;
  unitField?: string;
  personField?: string;
  defaultSort: { field: string; direction: 'asc' | 'desc' };
  metrics: Record<string, unknown>[];
}

/** What the form builder sends: the definition without version bookkeeping. */
export type LedgerTypeBody = Omit<LedgerType, 'code' | 'version' | 'versions'>;

export interface LedgerRecord {
  id: string;
  typeCode: string;
  typeVersion: number;
  unitId: string | null;
  personId: string | null;
  occurredOn: string;
  data: Record<string, unknown>;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type FilterOp = 'eq' | 'in' | 'gte' | 'lte' | 'between' | 'is_null' | 'not_null';
export interface FieldFilter {
  field: string;
  op: FilterOp;
  value?: unknown;
}

export interface RecordQuery {
  from?: string;
  to?: string;
  unitId?: string;
  filters?: FieldFilter[];
  sort?: string;
  direction?: 'asc' | 'desc';
  cursor?: string;
  limit?: number;
}

export interface Attachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

/** One problem of an Excel import (sheet, row, column letter, header, Chinese message). */
export interface ImportIssue {
  sheet?: string;
  row?: number;
  column?: string;
  header?: string;
  path: string;
  message: string;
}

export interface ImportProgress {
  phase: 'upload' | 'check';
  /** Upload percentage (phase upload) */
  percent: number;
  rows: number;
  errors: number;
}

const town = (townId: string) => `/api/v1/towns/${townId}`;
const types = (townId: string) => `${town(townId)}/ledger-types`;

function listQuery(q: RecordQuery): Query {
  const { filters, ...rest } = q;
  return { ...rest, filters: filters && filters.length > 0 ? JSON.stringify(filters) : undefined };
}

/** Query string for export links (same filters as the list, no paging). */
export function exportUrl(townId: string, code: string, q: RecordQuery): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(listQuery({ ...q, cursor: undefined, limit: undefined }))) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return `${types(townId)}/${code}/export${qs ? `?${qs}` : ''}`;
}

export const templateUrl = (townId: string, code: string) => `${types(townId)}/${code}/template`;
export const attachmentUrl = (townId: string, id: string) => `${town(townId)}/attachments/${id}`;

function problemOf(status: number, text: string): Problem {
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    return {
      type: 'about:blank',
      title: '',
      status,
      ...body,
      detail: body.detail || body.title || `请求失败（${status}）`,
    };
  } catch {
    return {
      type: 'about:blank',
      title: '',
      status,
      detail: status === 0 ? '无法连接服务器，请检查网络后重试' : `请求失败（${status}）`,
    };
  }
}

export const ledgersApi = {
  types: (townId: string, signal?: AbortSignal) =>
    api.get<{ items: LedgerTypeSummary[] }>(types(townId), undefined, signal),
  type: (townId: string, code: string, signal?: AbortSignal) =>
    api.get<LedgerType>(`${types(townId)}/${code}`, undefined, signal),
  createType: (townId: string, body: LedgerTypeBody & { code: string }) =>
    api.post<LedgerType>(types(townId), body),
  updateType: (townId: string, code: string, body: LedgerTypeBody & { baseVersion: number }) =>
    request<LedgerType>('PUT', `${types(townId)}/${code}`, { body }),
  records: (townId: string, code: string, q: RecordQuery, signal?: AbortSignal) =>
    api.get<Page<LedgerRecord>>(`${types(townId)}/${code}/records`, listQuery(q), signal),
  createRecord: (townId: string, code: string, data: Record<string, unknown>) =>
    api.post<LedgerRecord>(`${types(townId)}/${code}/records`, { data }),
  updateRecord: (townId: string, code: string, r: LedgerRecord, data: Record<string, unknown>) =>
    api.patch<LedgerRecord>(`${types(townId)}/${code}/records/${r.id}`, {
      version: r.version,
      data,
    }),
  deleteRecord: (townId: string, code: string, r: LedgerRecord) =>
    api.del(`${types(townId)}/${code}/records/${r.id}`, r.version),

  /** Multipart upload of one attachment. */
  async uploadAttachment(townId: string, file: File): Promise<Attachment> {
    const form = new FormData();
    form.append('file', file, file.name);
    let res: Response;
    try {
      res = await fetch(`${town(townId)}/attachments`, {
        method: 'POST',
        body: form,
        credentials: 'include',
        headers: { accept: 'application/json' },
      });
    } catch {
      throw new ApiError(problemOf(0, ''));
    }
    const text = await res.text();
    if (!res.ok) throw new ApiError(problemOf(res.status, text));
    return JSON.parse(text) as Attachment;
  },

  /**
   * Uploads an .xlsx and follows the server's NDJSON progress lines. Resolves with the number of
   * imported rows; rejects with ApiError whose problem carries the row/column report.
   */
  importExcel(
    townId: string,
    code: string,
    file: File,
    onProgress: (p: ImportProgress) => void,
  ): Promise<number> {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${types(townId)}/${code}/import`);
      xhr.withCredentials = true;
      xhr.setRequestHeader('accept', 'application/x-ndjson');
      let seen = 0;
      let outcome: { imported?: number; problem?: Problem } = {};
      const consume = () => {
        const text = xhr.responseText;
        const end = text.lastIndexOf('\n');
        if (end < seen) return;
        for (const line of text.slice(seen, end).split('\n')) {
          if (!line.trim()) continue;
          try {
            const msg = JSON.parse(line) as {
              type: string;
              rows?: number;
              errors?: number;
              imported?: number;
              problem?: Problem;
            };
            if (msg.type === 'progress')
              onProgress({
                phase: 'check',
                percent: 100,
                rows: msg.rows ?? 0,
                errors: msg.errors ?? 0,
              });
            if (msg.type === 'done') outcome = { imported: msg.imported ?? 0 };
            if (msg.type === 'error' && msg.problem) outcome = { problem: msg.problem };
          } catch {
            // a partial line; the next progress event completes it
          }
        }
        seen = end + 1;
      };
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable)
          onProgress({
            phase: 'upload',
            percent: Math.round((e.loaded / e.total) * 100),
            rows: 0,
            errors: 0,
          });
      };
      xhr.onprogress = consume;
      xhr.onerror = () => reject(new ApiError(problemOf(0, '')));
      xhr.onload = () => {
        if (xhr.status !== 200)
          return reject(new ApiError(problemOf(xhr.status, xhr.responseText)));
        consume();
        if (outcome.problem) return reject(new ApiError(outcome.problem));
        resolve(outcome.imported ?? 0);
      };
      const form = new FormData();
      form.append('file', file, file.name);
      xhr.send(form);
    });
  },
};
