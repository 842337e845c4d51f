/**
 * Repository side of who sees which appeals (appeal.policy.ts decides): the scope as one SQL
 * predicate over `appeal`, and the lookups the scope is built from (a portfolio's category roots,
 * the units a person works in today).
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB>;

/** What part of a town's appeals the caller may read. */
export type AppealScope =
  | { all: true }
  | {
      all: false;
      categoryRoots: string[];
      kinds: string[];
      villageIds: string[];
      unitIds: string[];
      personId: string | null;
    };

const uuidArray = (ids: string[]) => sql`array[${sql.join(ids)}]::uuid[]`;

/** The scope as one SQL predicate over `appeal` (optionally aliased); fails closed. */
export function scopeSql(scope: AppealScope, alias?: string): RawBuilder<SqlBool> {
  if (scope.all) return sql<SqlBool>`true`;
  const col = (c: string) => sql.ref(alias ? `${alias}.${c}` : c);
  const parts: RawBuilder<SqlBool>[] = [];
  if (scope.categoryRoots.length)
    parts.push(sql<SqlBool>`${col('category_root')} in (${sql.join(scope.categoryRoots)})`);
  if (scope.kinds.length) parts.push(sql<SqlBool>`${col('kind')} in (${sql.join(scope.kinds)})`);
  if (scope.villageIds.length)
    parts.push(sql<SqlBool>`${col('village_id')} in (${sql.join(scope.villageIds)})`);
  if (scope.unitIds.length) {
    parts.push(sql<SqlBool>`${col('unit_id')} in (${sql.join(scope.unitIds)})`);
    parts.push(sql<SqlBool>`${col('co_handler_unit_ids')} && ${uuidArray(scope.unitIds)}`);
  }
  if (scope.personId) {
    for (const c of ['case_leader_person_id', 'owner_person_id', 'handler_person_id'])
      parts.push(sql<SqlBool>`${col(c)} = ${scope.personId}`);
  }
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` or `)})` : sql<SqlBool>`false`;
}

/** Root categories (一级类别) a portfolio answers for, by the county-standard tree. */
export async function portfolioCategoryRoots(db: Db, portfolios: string[]): Promise<string[]> {
  const rows = await db
    .selectFrom('appeal_category')
    .select('code')
    .where('parent_code', 'is', null)
    .where('portfolio_code', 'in', portfolios)
    .execute();
  return rows.map((r) => r.code);
}

/** The person's own unit and the units of the positions they hold today. */
export async function personUnitsToday(
  db: Db,
  townId: string,
  personId: string,
): Promise<string[]> {
  const person = await db
    .selectFrom('person')
    .select('unit_id')
    .where('town_id', '=', townId)
    .where('id', '=', personId)
    .executeTakeFirst();
  const positions = await sql<{ unit_id: string }>`
    select unit_id from position where town_id = ${townId} and person_id = ${personId}
      and starts_on <= current_date and (ends_on is null or ends_on >= current_date)`.execute(db);
  return [...(person?.unit_id ? [person.unit_id] : []), ...positions.rows.map((p) => p.unit_id)];
}
