/**
 * What a person holds on given days: the portfolios (分管领域) of their positions and the villages
 * they are 包联 leader of. "Held on a day" is defined once, here: the position's or liaison's
 * date range (starts_on, ends_on inclusive, open end = still held) overlaps the days. The
 * appeals and ledgers scopes and the scheduler's "leader in charge" all use it.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB>;

/** Inclusive local dates (YYYY-MM-DD): one day (from = to) or a report's period. */
export interface DaySpan {
  from: string;
  to: string;
}

/** `alias` (a position or village_liaison row) is held on some day of `days`. */
export function heldDuringSql(alias: string, days: DaySpan): RawBuilder<SqlBool> {
  const starts = sql.ref(`${alias}.starts_on`);
  const ends = sql.ref(`${alias}.ends_on`);
  return sql<SqlBool>`(${starts} <= ${days.to}::date and (${ends} is null or ${ends} >= ${days.from}::date))`;
}

/** The same rule on one day (the scheduler's correlated "leader in charge" subqueries). */
export function heldOnSql(alias: string, day: string): RawBuilder<SqlBool> {
  return heldDuringSql(alias, { from: day, to: day });
}

/** Portfolios the person holds on `days` through positions (position_portfolio). */
export async function portfoliosHeld(
  db: Db,
  townId: string,
  personId: string,
  days: DaySpan,
): Promise<string[]> {
  const rows = await db
    .selectFrom('position as p')
    .innerJoin('position_portfolio as pp', (j) =>
      j.onRef('pp.town_id', '=', 'p.town_id').onRef('pp.position_id', '=', 'p.id'),
    )
    .select('pp.portfolio_code')
    .distinct()
    .where('p.town_id', '=', townId)
    .where('p.person_id', '=', personId)
    .where(heldDuringSql('p', days))
    .execute();
  return rows.map((r) => r.portfolio_code);
}

/** Villages the person is 包联 leader of on `days` (an ended or future liaison grants nothing). */
export async function liaisonVillagesHeld(
  db: Db,
  townId: string,
  personId: string,
  days: DaySpan,
): Promise<string[]> {
  const rows = await db
    .selectFrom('village_liaison as l')
    .select('l.village_id')
    .distinct()
    .where('l.town_id', '=', townId)
    .where('l.person_id', '=', personId)
    .where(heldDuringSql('l', days))
    .execute();
  return rows.map((r) => r.village_id);
}
