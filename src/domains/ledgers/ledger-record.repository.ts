/**
 * Queries of ledger records: scoped, filtered, keyset-paged lists; look-ups; batch inserts;
 * versioned updates and soft deletes; and the existence checks of the people, units and
 * attachments a record refers to (unique-field claims: ledger-unique.repository.ts). Every
 * function takes the town.
 */
import {
  sql,
  type Expression,
  type Kysely,
  type RawBuilder,
  type Selectable,
  type SqlBool,
} from 'kysely';
import type { LedgerType } from '../../core/ledger/type.ts';
import { filterSql } from '../../db/metrics/compile.ts';
import type { MetricFilter } from '../../core/metrics/declaration.ts';
import { ledgerSource } from '../../db/metrics/source.ts';
import type { DB, LedgerRecordTable } from '../../db/schema.ts';
import type { RecordScope } from './ledger-scope.ts';

type Db = Kysely<DB>;
export type RecordRow = Selectable<LedgerRecordTable>;

/** The scope as one SQL predicate over ledger_record (fails closed when empty); see RecordScope. */
export function scopeSql(scope: RecordScope): RawBuilder<SqlBool> {
  if (scope.all) return sql<SqlBool>`true`;
  const parts: RawBuilder<SqlBool>[] = [];
  if (scope.typeCodes.length) parts.push(sql<SqlBool>`type_code in (${sql.join(scope.typeCodes)})`);
  const unitPart: RawBuilder<SqlBool>[] = [];
  if (scope.unitIds.length) unitPart.push(sql<SqlBool>`unit_id in (${sql.join(scope.unitIds)})`);
  if (scope.personId) unitPart.push(sql<SqlBool>`person_id = ${scope.personId}`);
  const kept = scope.unitTypeCodes;
  if (unitPart.length && (kept === null || kept.length)) {
    const either = sql<SqlBool>`(${sql.join(unitPart, sql` or `)})`;
    parts.push(
      kept === null ? either : sql<SqlBool>`(type_code in (${sql.join(kept)}) and ${either})`,
    );
  }
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` or `)})` : sql<SqlBool>`false`;
}

/** Types of which live records sit in these units (the ledgers a unit already keeps); uses ledger_record_unit_idx. */
export async function typesKeptInUnits(
  db: Db,
  townId: string,
  unitIds: readonly string[],
): Promise<string[]> {
  if (!unitIds.length) return [];
  const rows = await db
    .selectFrom('ledger_record')
    .select('type_code')
    .distinct()
    .where('town_id', '=', townId)
    .where('unit_id', 'in', [...unitIds])
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map((r) => r.type_code).sort();
}

export interface ListQuery {
  from?: string;
  to?: string;
  unitIds?: string[];
  filters: MetricFilter[];
  sort: { field: string; direction: 'asc' | 'desc' };
  /** [null flag, sort value as text, id] of the last row of the previous page. */
  after: [boolean, string | null, string] | null;
  limit: number;
}

/** Sortable keys: any live field (role fields map to their columns) plus record timestamps. */
export function sortExpression(
  type: LedgerType,
  key: string,
): { expr: RawBuilder<unknown>; castType: string } | undefined {
  if (key === 'created_at' || key === 'updated_at')
    return { expr: sql.ref(key), castType: 'timestamptz' };
  const f = ledgerSource(type).fieldSql(key);
  if (!f || f.valueType === 'list') return undefined;
  const castType = {
    number: 'numeric',
    money: 'numeric',
    date: 'date',
    timestamp: 'timestamptz',
    boolean: 'boolean',
    text: 'text',
  }[f.valueType];
  // Role fields are uuid columns (unit_id, person_id) rather than text inside data.
  return {
    expr: f.sql,
    castType: key === type.unitField || key === type.personField ? 'uuid' : castType,
  };
}

/** One page (limit + 1 rows) of a type's records in scope, ordered by the sort key then id. */
export async function listRecords(
  db: Db,
  townId: string,
  type: LedgerType,
  scope: RecordScope,
  q: ListQuery,
) {
  const source = ledgerSource(type);
  const sort = sortExpression(type, q.sort.field)!;
  const where: Expression<SqlBool>[] = [
    sql<SqlBool>`town_id = ${townId}`,
    ...source.baseWhere,
    scopeSql(scope),
  ];
  if (q.from) where.push(sql<SqlBool>`occurred_on >= cast(${q.from} as date)`);
  if (q.to) where.push(sql<SqlBool>`occurred_on <= cast(${q.to} as date)`);
  if (q.unitIds)
    where.push(
      q.unitIds.length ? sql<SqlBool>`unit_id in (${sql.join(q.unitIds)})` : sql<SqlBool>`false`,
    );
  for (const f of q.filters) where.push(filterSql(f, source.fieldSql(f.field)!));
  const desc = q.sort.direction === 'desc';
  const op = sql.raw(desc ? '<' : '>');
  const isNull = sql<boolean>`(${sort.expr} is null)`;
  if (q.after) {
    const [wasNull, value, id] = q.after;
    // Nulls sort last in both directions; within a value, id follows the sort direction.
    const cast = sql`cast(${value} as ${sql.raw(sort.castType)})`;
    where.push(
      wasNull
        ? sql<SqlBool>`(${isNull} and id ${op} ${id})`
        : sql<SqlBool>`(${isNull} or (${sort.expr} ${op} ${cast}
            or (${sort.expr} = ${cast} and id ${op} ${id})))`,
    );
  }
  const dir = sql.raw(desc ? 'desc' : 'asc');
  return db
    .selectFrom('ledger_record')
    .selectAll()
    .select([isNull.as('sort_null'), sql<string | null>`cast(${sort.expr} as text)`.as('sort_key')])
    .where((eb) => eb.and(where))
    .orderBy(isNull)
    .orderBy(sql`${sort.expr} ${dir}`)
    .orderBy(sql`id ${dir}`)
    .limit(q.limit + 1)
    .execute();
}

export function findRecord(db: Db, townId: string, id: string) {
  return db
    .selectFrom('ledger_record')
    .selectAll()
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export interface NewRecord {
  id: string;
  typeCode: string;
  typeVersion: number;
  unitId: string | null;
  personId: string | null;
  occurredOn: string;
  data: Record<string, unknown>;
  createdBy: string | null;
}

export async function insertRecords(db: Db, townId: string, records: NewRecord[]): Promise<void> {
  if (!records.length) return;
  await db
    .insertInto('ledger_record')
    .values(
      records.map((r) => ({
        town_id: townId,
        id: r.id,
        type_code: r.typeCode,
        type_version: r.typeVersion,
        unit_id: r.unitId,
        person_id: r.personId,
        occurred_on: r.occurredOn,
        data: JSON.stringify(r.data),
        created_by: r.createdBy,
      })),
    )
    .execute();
}

export function updateRecord(
  db: Db,
  townId: string,
  id: string,
  version: number,
  r: Omit<NewRecord, 'id' | 'typeCode' | 'createdBy'>,
) {
  return db
    .updateTable('ledger_record')
    .set({
      type_version: r.typeVersion,
      unit_id: r.unitId,
      person_id: r.personId,
      occurred_on: r.occurredOn,
      data: JSON.stringify(r.data),
      version: sql`version + 1`,
      updated_at: new Date(),
    })
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .where('version', '=', version)
    .where('deleted_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export function softDeleteRecord(db: Db, townId: string, id: string, version: number) {
  return db
    .updateTable('ledger_record')
    .set({ deleted_at: new Date(), version: sql`version + 1` })
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .where('version', '=', version)
    .where('deleted_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** A page of a type's live records (id, data) after `afterId`, in id order. */
export function liveRecordData(
  db: Db,
  townId: string,
  typeCode: string,
  afterId: string | null,
  limit: number,
) {
  let q = db
    .selectFrom('ledger_record')
    .select(['id', 'data'])
    .where('town_id', '=', townId)
    .where('type_code', '=', typeCode)
    .where('deleted_at', 'is', null);
  if (afterId) q = q.where('id', '>', afterId);
  return q.orderBy('id').limit(limit).execute();
}

/** Which of `ids` exist in the town's table (people, units or attachments). */
export async function existingIds(
  db: Db,
  townId: string,
  table: 'person' | 'unit' | 'attachment',
  ids: string[],
): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .selectFrom(table)
    .select('id')
    .where('town_id', '=', townId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Names of the town's people and units, for Excel cells that show names instead of ids. */
export async function nameDirectory(db: Db, townId: string) {
  const [people, units] = await Promise.all([
    db.selectFrom('person').select(['id', 'name']).where('town_id', '=', townId).execute(),
    db.selectFrom('unit').select(['id', 'name']).where('town_id', '=', townId).execute(),
  ]);
  return { people, units };
}

/** The record's current version and deletion mark, for telling a stale edit why it failed. */
export function recordVersion(db: Db, townId: string, id: string) {
  return db
    .selectFrom('ledger_record')
    .select(['version', 'deleted_at'])
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .executeTakeFirst();
}
