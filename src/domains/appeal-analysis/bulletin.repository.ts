/**
 * The SQL of 分析通报 and its neighbours: the scope narrowed to one village or handling unit, the
 * 逾期未办结 predicate judged at a bound instant, and the town, unit and category lookups the
 * bulletin, the problem list and the county ranking name their rows with.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB>;

/** The caller's scope narrowed to the bulletin's village or unit (as the KPI drill-down's group filter does). */
export function bulletinScope(
  appealSql: RawBuilder<SqlBool>,
  q: { villageId?: string | undefined; unitId?: string | undefined },
): RawBuilder<SqlBool> {
  if (q.villageId) return sql<SqlBool>`(${appealSql} and village_id = ${q.villageId})`;
  if (q.unitId) return sql<SqlBool>`(${appealSql} and unit_id = ${q.unitId})`;
  return appealSql;
}

/** Open and past its (extended) deadline at `asOf`, a bound parameter so a figure and its list agree. */
export function overdueOpenSql(asOf: Date): RawBuilder<unknown> {
  return sql`(closed_at is null and next_due_at is not null and next_due_at < ${asOf})`;
}

export async function townName(db: Db, townId: string): Promise<string> {
  const town = await db
    .selectFrom('town')
    .select('name')
    .where('id', '=', townId)
    .executeTakeFirstOrThrow();
  return town.name;
}

export function townNames(db: Db, townIds: readonly string[]) {
  if (townIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('town').select(['id', 'name']).where('id', 'in', townIds).execute();
}

export function townUnits(db: Db, townId: string) {
  return db
    .selectFrom('unit')
    .select(['id', 'name', 'kind'])
    .where('town_id', '=', townId)
    .execute();
}

/** The county's top-level appeal categories. */
export function rootCategories(db: Db) {
  return db
    .selectFrom('appeal_category')
    .select(['code', 'name'])
    .where('parent_code', 'is', null)
    .execute();
}

export function categoryByCode(db: Db, code: string) {
  return db
    .selectFrom('appeal_category')
    .select(['code', 'parent_code'])
    .where('code', '=', code)
    .executeTakeFirst();
}
