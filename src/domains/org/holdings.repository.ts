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

/** Who may be named in a person field on `day` (the rule is the caller's; see PERSON_RULES). */
export interface HolderFilter {
  day: string;
  /** Only positions marked as leadership (班子成员). */
  leadership?: boolean;
  /** Only positions in these units, or in a unit that is not a village (a town office). */
  unitsOrOffices?: string[];
}

/**
 * People holding a position that passes `f` on its day, with the titles of those positions,
 * by name; `ids` narrows to those people (the server's check), `q` searches names (the picker).
 */
export async function peopleHolding(
  db: Db,
  townId: string,
  f: HolderFilter,
  only: { ids?: readonly string[]; q?: string; limit: number },
): Promise<{ id: string; name: string; unitId: string | null; titles: string[] }[]> {
  if (only.ids && !only.ids.length) return [];
  const local = f.unitsOrOffices;
  const rows = await db
    .selectFrom('position as p')
    .innerJoin('person as pe', (j) =>
      j.onRef('pe.town_id', '=', 'p.town_id').onRef('pe.id', '=', 'p.person_id'),
    )
    .innerJoin('unit as u', (j) =>
      j.onRef('u.town_id', '=', 'p.town_id').onRef('u.id', '=', 'p.unit_id'),
    )
    .select(['pe.id', 'pe.name', 'pe.unit_id', 'p.title'])
    .where('p.town_id', '=', townId)
    .where(heldOnSql('p', f.day))
    .$if(!!f.leadership, (q) => q.where('p.leadership', '=', true))
    .$if(local !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb('u.kind', '<>', 'village'),
          ...(local?.length ? [eb('p.unit_id', 'in', local)] : []),
        ]),
      ),
    )
    .$if(only.ids !== undefined, (q) => q.where('pe.id', 'in', only.ids!))
    .$if(!!only.q, (q) =>
      q.where('pe.name', 'like', `%${only.q!.replace(/[%_\\]/g, (m) => `\\${m}`)}%`),
    )
    .orderBy('pe.name')
    .orderBy('pe.id')
    .orderBy('p.title')
    .limit(only.limit * 3)
    .execute();
  const people = new Map<
    string,
    { id: string; name: string; unitId: string | null; titles: string[] }
  >();
  for (const r of rows) {
    const p = people.get(r.id) ?? { id: r.id, name: r.name, unitId: r.unit_id, titles: [] };
    if (!p.titles.includes(r.title)) p.titles.push(r.title);
    people.set(r.id, p);
  }
  return [...people.values()].slice(0, only.limit);
}
