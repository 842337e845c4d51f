/**
 * The SQL behind the 三率 KPIs: the appeals metric source (the fields a declaration may filter and
 * group by, over the `appeal` table; only appeal kinds, never merged duplicates) and the county's
 * KPI weights.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { SourceDescriptor } from '../../db/metrics/source.ts';
import { APPEAL_KIND_NAMES } from '../../core/workflow/index.ts';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB>;

export const DEFAULT_WEIGHTS = { response: 30, resolution: 35, satisfaction: 35 };

const MONTH = sql`to_char(received_on, 'YYYY-MM')`;

/** The appeals metric source; `scope` is the caller's row predicate (appeal.policy.ts). */
export function appealsSource(scope: RawBuilder<SqlBool>): SourceDescriptor {
  const fields: Record<
    string,
    { valueType: 'text' | 'boolean' | 'date' | 'timestamp' | 'number'; sql: RawBuilder<unknown> }
  > = {
    town: { valueType: 'text', sql: sql`cast(town_id as text)` },
    unit: { valueType: 'text', sql: sql`cast(unit_id as text)` },
    village: { valueType: 'text', sql: sql`cast(village_id as text)` },
    person: { valueType: 'text', sql: sql`cast(handler_person_id as text)` },
    category: { valueType: 'text', sql: sql.ref('category_root') },
    category_code: { valueType: 'text', sql: sql.ref('category_code') },
    kind: { valueType: 'text', sql: sql.ref('kind') },
    channel: { valueType: 'text', sql: sql.ref('channel') },
    month: { valueType: 'text', sql: MONTH },
    received_on: { valueType: 'date', sql: sql.ref('received_on') },
    responded_on_time: { valueType: 'boolean', sql: sql.ref('responded_on_time') },
    closed_at: { valueType: 'timestamp', sql: sql.ref('closed_at') },
    closed_on_time: { valueType: 'boolean', sql: sql.ref('closed_on_time') },
    satisfaction: { valueType: 'text', sql: sql.ref('satisfaction') },
    solved: { valueType: 'boolean', sql: sql.ref('solved') },
    reopen_count: { valueType: 'number', sql: sql.ref('reopen_count') },
  };
  return {
    label: '诉求工单',
    table: 'appeal',
    dateColumn: 'received_on',
    dateSqlType: 'date',
    unitColumn: 'unit_id',
    personColumn: 'handler_person_id',
    rowColumns: [
      'code',
      'kind',
      'state',
      'title',
      'category_code',
      'village_id',
      'unit_id',
      'received_at',
      'closed_at',
      'satisfaction',
      'solved',
    ],
    // Only appeals count: a pipeline kind that is no appeal (发展党员) never enters 三率.
    baseWhere: [
      sql<SqlBool>`merged_into is null`,
      sql<SqlBool>`kind in (${sql.join(APPEAL_KIND_NAMES)})`,
      scope,
    ],
    fieldSql: (key) => fields[key],
  };
}
export async function weightsFor(db: Db, townId: string) {
  const row = await db
    .selectFrom('county_kpi_weight as w')
    .innerJoin('town as t', 't.county_id', 'w.county_id')
    .select(['w.response', 'w.resolution', 'w.satisfaction'])
    .where('t.id', '=', townId)
    .executeTakeFirst();
  return row
    ? {
        response: Number(row.response),
        resolution: Number(row.resolution),
        satisfaction: Number(row.satisfaction),
      }
    : DEFAULT_WEIGHTS;
}
