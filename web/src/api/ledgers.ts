/**
 * Ledgers (台账) of one town (`/api/v1/towns/{townId}/ledger-types/…`): type definitions (read;
 * admins define new versions), records with optimistic locking, attachments and Excel (template,
 * export of a filtered list, import with progress and an error report). Types come from the
 * OpenAPI document.
 */
import {
  api,
  ApiError,
  NETWORK_PROBLEM,
  postForm,
  problemOf,
  withQuery,
  type FieldProblem,
  type Problem,
  type QueryParams,
  type RequestBody,
  type ResponseBody,
  type Schemas,
} from './client.ts';

export type LedgerTypeSummary = Schemas['LedgerTypeSummary'];
/** 台账类型 — fields, date/unit/person roles, metrics and rules, as stored. */
export type LedgerType = Schemas['LedgerType'];
/** One column of a ledger: a union by `type`, each with its own settings. */
export type LedgerField = LedgerType['fields'][number];
export type FieldType = LedgerField['type'];
export type EnumOption = Extract<LedgerField, { type: 'enum' }>['options'][number];
type AllKeys<T> = T extends unknown ? keyof T : never;
type ValueAt<T, K extends PropertyKey> = T extends unknown
  ? K extends keyof T
    ? T[K]
    : never
  : never;
/** A field as the form builder edits it: its type may change, so every type's settings are optional. */
export type FieldDraft = { [K in AllKeys<LedgerField>]?: ValueAt<LedgerField, K> } & {
  key: string;
  label: string;
  type: FieldType;
};
/** What the form builder edits; a new type adds `code`, a new version `baseVersion`. */
export type LedgerTypeBody = Schemas['LedgerTypeBody'];
export type LedgerTypeCreate = RequestBody<'/api/v1/towns/{townId}/ledger-types', 'post'>;
export type LedgerTypeUpdate = RequestBody<'/api/v1/towns/{townId}/ledger-types/{code}', 'put'>;
export type LedgerRecord = Schemas['LedgerRecord'];
export type Attachment = Schemas['Attachment'];

/** A rule over several fields (composite unique, minimum gap between dates). */
export type LedgerRule = LedgerType['rules'][number];
/**
 * One field filter (the core's metric filter): a rule's condition, and the record list's
 * `filters` (sent as a JSON array; the server parses it with the same schema).
 */
export type FieldFilter = Extract<LedgerRule, { kind: 'date_gap' }>['when'][number];
export type FilterOp = FieldFilter['op'];

type ListQuery = QueryParams<'/api/v1/towns/{townId}/ledger-types/{code}/records', 'get'>;
/** A record list query as pages hold it: filters as objects, not yet JSON. */
export type RecordQuery = Omit<ListQuery, 'filters'> & { filters?: FieldFilter[] };

/** One problem of an Excel import (sheet, row, column letter, header, Chinese message). */
export type ImportIssue = FieldProblem;

export interface ImportProgress {
  phase: 'upload' | 'check';
  /** Upload percentage (phase upload) */
  percent: number;
  rows: number;
  errors: number;
}

const town = (townId: string) => `/api/v1/towns/${townId}`;
const types = (townId: string) => `${town(townId)}/ledger-types`;

function listQuery(q: RecordQuery): ListQuery {
  const { filters, ...rest } = q;
  return { ...rest, filters: filters && filters.length > 0 ? JSON.stringify(filters) : undefined };
}

/** Export link: the same filters as the list on screen, no paging. */
export function exportUrl(townId: string, code: string, q: RecordQuery): string {
  return withQuery(
    `${types(townId)}/${code}/export`,
    listQuery({ ...q, cursor: undefined, limit: undefined }),
  );
}

export const templateUrl = (townId: string, code: string) => `${types(townId)}/${code}/template`;
export const attachmentUrl = (townId: string, id: string) => `${town(townId)}/attachments/${id}`;

const ofType = (townId: string, code: string) => ({ params: { path: { townId, code } } });

export const ledgersApi = {
  types: (townId: string, signal?: AbortSignal) =>
    api.GET('/api/v1/towns/{townId}/ledger-types', { params: { path: { townId } }, signal }),
  type: (townId: string, code: string, signal?: AbortSignal) =>
    api.GET('/api/v1/towns/{townId}/ledger-types/{code}', { ...ofType(townId, code), signal }),
  createType: (townId: string, body: LedgerTypeCreate) =>
    api.POST('/api/v1/towns/{townId}/ledger-types', { params: { path: { townId } }, body }),
  updateType: (townId: string, code: string, body: LedgerTypeUpdate) =>
    api.PUT('/api/v1/towns/{townId}/ledger-types/{code}', { ...ofType(townId, code), body }),
  records: (townId: string, code: string, q: RecordQuery, signal?: AbortSignal) =>
    api.GET('/api/v1/towns/{townId}/ledger-types/{code}/records', {
      params: { path: { townId, code }, query: listQuery(q) },
      signal,
    }),
  createRecord: (townId: string, code: string, data: Record<string, unknown>) =>
    api.POST('/api/v1/towns/{townId}/ledger-types/{code}/records', {
      ...ofType(townId, code),
      body: { data },
    }),
  updateRecord: (townId: string, code: string, r: LedgerRecord, data: Record<string, unknown>) =>
    api.PATCH('/api/v1/towns/{townId}/ledger-types/{code}/records/{id}', {
      params: { path: { townId, code, id: r.id } },
      body: { version: r.version, data },
    }),
  deleteRecord: (townId: string, code: string, r: LedgerRecord) =>
    api.DELETE('/api/v1/towns/{townId}/ledger-types/{code}/records/{id}', {
      params: { path: { townId, code, id: r.id }, query: { version: r.version } },
    }),

  /** Multipart upload of one attachment. */
  uploadAttachment(townId: string, file: File) {
    const form = new FormData();
    form.append('file', file, file.name);
    return postForm<ResponseBody<'/api/v1/towns/{townId}/attachments', 'post'>>(
      `${town(townId)}/attachments`,
      form,
    );
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
      const reader = ndjsonReader(onProgress);
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable)
          onProgress({
            phase: 'upload',
            percent: Math.round((e.loaded / e.total) * 100),
            rows: 0,
            errors: 0,
          });
      };
      xhr.onprogress = () => reader.consume(xhr.responseText);
      xhr.onerror = () => reject(new ApiError(NETWORK_PROBLEM));
      xhr.onload = () => {
        if (xhr.status !== 200)
          return reject(new ApiError(problemOf(xhr.status, xhr.statusText, parsed(xhr))));
        reader.consume(xhr.responseText);
        const outcome = reader.outcome();
        if (outcome.problem) return reject(new ApiError(outcome.problem));
        resolve(outcome.imported ?? 0);
      };
      const form = new FormData();
      form.append('file', file, file.name);
      xhr.send(form);
    });
  },
};

function parsed(xhr: XMLHttpRequest): unknown {
  try {
    return JSON.parse(xhr.responseText);
  } catch {
    return null;
  }
}

/** One line of the import's NDJSON answer. */
interface ImportMessage {
  type: string;
  rows?: number;
  errors?: number;
  imported?: number;
  problem?: Problem;
}

/**
 * Reads the import's NDJSON answer as it grows: progress lines go to `onProgress`; `done` and
 * `error` lines decide the outcome. A line cut by the network is read again on the next event.
 */
export function ndjsonReader(onProgress: (p: ImportProgress) => void) {
  let seen = 0;
  let outcome: { imported?: number; problem?: Problem } = {};
  const read = (msg: ImportMessage) => {
    if (msg.type === 'progress')
      onProgress({ phase: 'check', percent: 100, rows: msg.rows ?? 0, errors: msg.errors ?? 0 });
    if (msg.type === 'done') outcome = { imported: msg.imported ?? 0 };
    if (msg.type === 'error' && msg.problem) outcome = { problem: msg.problem };
  };
  return {
    consume(text: string) {
      const end = text.lastIndexOf('\n');
      if (end < seen) return;
      for (const line of text.slice(seen, end).split('\n')) {
        if (!line.trim()) continue;
        try {
          read(JSON.parse(line) as ImportMessage);
        } catch {
          // not JSON: skipped (complete lines only are read, so this is a server fault)
        }
      }
      seen = end + 1;
    },
    outcome: () => outcome,
  };
}
