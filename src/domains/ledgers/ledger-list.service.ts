/**
 * Record lists: turns the list query (period, unit subtree, field filters, sort, cursor) into a
 * scoped keyset-paged query, for the API pages and — page after page — for the Excel export.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { InvalidInput, Malformed } from '../../core/errors.ts';
import { ledgerFieldLookup, type LedgerType } from '../../core/ledger/type.ts';
import {
  checkMetricFields,
  metricFilterSchema,
  type MetricFilter,
} from '../../core/metrics/declaration.ts';
import type { DB } from '../../db/schema.ts';
import { decodeCursor, encodeCursor } from '../../http/openapi.ts';
import * as records from './ledger-record.repository.ts';
import { scopedType, toRecord } from './ledger-record.service.ts';
import type { RecordListQueryInput } from './ledgers.schema.ts';
import type { RecordScope } from './ledgers.policy.ts';
import { unitSubtree } from '../org/org.service.ts';

type Db = Kysely<DB>;

function parseFilters(type: LedgerType, raw: string | undefined): MetricFilter[] {
  if (!raw) return [];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Malformed('字段筛选应为 JSON 数组', [
      { path: 'filters', label: '字段筛选', message: '不是有效的 JSON' },
    ]);
  }
  const parsed = metricFilterSchema.array().max(20).safeParse(json);
  if (!parsed.success) {
    throw new InvalidInput(
      '字段筛选不合法',
      parsed.error.issues.map((e) => ({
        path: `filters.${e.path.join('.')}`,
        label: '字段筛选',
        message: e.message,
      })),
    );
  }
  // The same field checks as a metric's filters: known field, comparable type, valid option code.
  const issues = checkMetricFields(
    {
      id: 'list.filter',
      label: '字段筛选',
      unit: '条',
      source: { kind: 'ledger', typeCode: type.code },
      aggregation: { fn: 'count' },
      filters: parsed.data,
    },
    ledgerFieldLookup(type.fields),
  );
  if (issues.length)
    throw new InvalidInput(
      issues[0]!.message,
      issues.map((i) => ({ ...i, path: i.path.replace(/^filters/, 'filters') })),
    );
  return parsed.data;
}

export interface PreparedList {
  type: LedgerType;
  scope: RecordScope;
  query: records.ListQuery;
}

export async function prepareList(
  db: Db,
  actor: Actor,
  townId: string,
  code: string,
  q: RecordListQueryInput,
): Promise<PreparedList> {
  const { type, scope } = await scopedType(db, actor, townId, code, false);
  const sortField = q.sort ?? type.defaultSort.field;
  if (!records.sortExpression(type, sortField)) {
    throw new InvalidInput(`不能按“${sortField}”排序`, [
      { path: 'sort', label: '排序字段', message: '字段不存在或不可排序' },
    ]);
  }
  const after = decodeCursor(q.cursor);
  if (q.cursor && (!after || after.length !== 3 || typeof after[2] !== 'string'))
    throw new Malformed('分页游标无效，请从第一页重新查询');
  return {
    type,
    scope,
    query: {
      from: q.from,
      to: q.to,
      unitIds: q.unitId ? await unitSubtree(db, townId, q.unitId) : undefined,
      filters: parseFilters(type, q.filters),
      sort: {
        field: sortField,
        direction: q.direction ?? (q.sort ? 'asc' : type.defaultSort.direction),
      },
      after: after ? [after[0] === 1, String(after[1]), String(after[2])] : null,
      limit: q.limit,
    },
  };
}

export async function listPage(db: Db, townId: string, p: PreparedList) {
  const rows = await records.listRecords(db, townId, p.type, p.scope, p.query);
  const page = rows.slice(0, p.query.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > p.query.limit && last
      ? encodeCursor([last.sort_null ? 1 : 0, last.sort_key ?? '', last.id])
      : null;
  return { rows: page, nextCursor };
}

export async function listRecords(
  db: Db,
  actor: Actor,
  townId: string,
  code: string,
  q: RecordListQueryInput,
) {
  const p = await prepareList(db, actor, townId, code, q);
  const { rows, nextCursor } = await listPage(db, townId, p);
  return { items: rows.map((r) => toRecord(r, p.type)), nextCursor };
}

/** Every page of a prepared list, for the export (keyset paging keeps each query cheap). */
export async function* allPages(db: Db, townId: string, p: PreparedList, pageSize = 1000) {
  let query = { ...p.query, limit: pageSize };
  for (;;) {
    const rows = await records.listRecords(db, townId, p.type, p.scope, query);
    const page = rows.slice(0, pageSize);
    yield page;
    const last = page[page.length - 1];
    if (rows.length <= pageSize || !last) return;
    query = { ...query, after: [Boolean(last.sort_null), last.sort_key, last.id] };
  }
}
