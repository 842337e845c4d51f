/**
 * Queries of the organisation tables. Every function takes the town: nothing here reads
 * across tenants. Rows are converted to API shapes in one mapper per entity.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, PersonTable, UnitTable } from '../../db/schema.ts';

type Db = Kysely<DB>;

export function toUnit(r: Selectable<UnitTable>, portfolios: string[]) {
  return {
    id: r.id,
    townId: r.town_id,
    parentId: r.parent_id,
    kind: r.kind as 'village',
    name: r.name,
    code: r.code,
    sortOrder: r.sort_order,
    portfolios,
    version: r.version,
  };
}

export function toPerson(r: Selectable<PersonTable>, titles: string[]) {
  return {
    id: r.id,
    townId: r.town_id,
    name: r.name,
    gender: r.gender,
    birthDate: r.birth_date,
    phone: r.phone,
    partyMember: r.party_member,
    unitId: r.unit_id,
    note: r.note,
    titles,
    version: r.version,
  };
}

export function listUnits(db: Db, townId: string) {
  return db
    .selectFrom('unit')
    .selectAll()
    .where('town_id', '=', townId)
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
}

/** 本单位承担的业务: portfolio codes per unit, for the given units (all of the town when omitted). */
export async function unitPortfolios(
  db: Db,
  townId: string,
  unitIds?: readonly string[],
): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (unitIds && !unitIds.length) return map;
  let query = db
    .selectFrom('unit_portfolio')
    .select(['unit_id', 'portfolio_code'])
    .where('town_id', '=', townId);
  if (unitIds) query = query.where('unit_id', 'in', [...unitIds]);
  for (const r of await query.orderBy('unit_id').orderBy('portfolio_code').execute())
    map.set(r.unit_id, [...(map.get(r.unit_id) ?? []), r.portfolio_code]);
  return map;
}

/** Replaces what a unit carries (the caller checks the codes and bumps the unit's version). */
export async function setUnitPortfolios(
  db: Db,
  townId: string,
  unitId: string,
  codes: readonly string[],
) {
  await db
    .deleteFrom('unit_portfolio')
    .where('town_id', '=', townId)
    .where('unit_id', '=', unitId)
    .execute();
  if (codes.length) {
    await db
      .insertInto('unit_portfolio')
      .values(
        [...new Set(codes)].map((c) => ({ town_id: townId, unit_id: unitId, portfolio_code: c })),
      )
      .execute();
  }
}

export function findUnit(db: Db, townId: string, id: string) {
  return db
    .selectFrom('unit')
    .selectAll()
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findUnitByCode(db: Db, townId: string, code: string) {
  return db
    .selectFrom('unit')
    .select(['id', 'name'])
    .where('town_id', '=', townId)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** Ids of the given units and everything below them (recursive, inside one town, each id once). */
export async function unitSubtrees(
  db: Db,
  townId: string,
  rootIds: readonly string[],
): Promise<string[]> {
  if (!rootIds.length) return [];
  const rows = await sql<{ id: string }>`
    with recursive t(id) as (
      select id from unit where town_id = ${townId} and id in (${sql.join([...rootIds])})
      union
      select u.id from unit u join t on u.parent_id = t.id where u.town_id = ${townId})
    select id from t`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** Ids of a unit and everything below it. */
export function unitSubtree(db: Db, townId: string, rootId: string): Promise<string[]> {
  return unitSubtrees(db, townId, [rootId]);
}

export async function listPeople(
  db: Db,
  townId: string,
  q: { q?: string; unitIds?: string[]; after?: [string, string] | null; limit: number },
) {
  let query = db.selectFrom('person').selectAll().where('town_id', '=', townId);
  if (q.q) query = query.where('name', 'like', `%${q.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`);
  if (q.unitIds)
    query = query.where(
      'unit_id',
      'in',
      q.unitIds.length ? q.unitIds : ['00000000-0000-0000-0000-000000000000'],
    );
  if (q.after) {
    const [name, id] = q.after;
    query = query.where((eb) =>
      eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]),
    );
  }
  return query
    .orderBy('name')
    .orderBy('id')
    .limit(q.limit + 1)
    .execute();
}

export function findPerson(db: Db, townId: string, id: string) {
  return db
    .selectFrom('person')
    .selectAll()
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Current titles of people, for lists ("宣传委员", "XX村党支部书记"). */
export async function currentTitles(db: Db, townId: string, personIds: string[], on: string) {
  if (!personIds.length) return new Map<string, string[]>();
  const rows = await db
    .selectFrom('position')
    .select(['person_id', 'title'])
    .where('town_id', '=', townId)
    .where('person_id', 'in', personIds)
    .where('starts_on', '<=', on)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', on)]))
    .orderBy('starts_on')
    .execute();
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.person_id, [...(map.get(r.person_id) ?? []), r.title]);
  return map;
}

export async function listPositions(
  db: Db,
  townId: string,
  q: { personId?: string; unitId?: string; activeOn?: string; id?: string },
) {
  let query = db
    .selectFrom('position as p')
    .innerJoin('person as pe', (j) =>
      j.onRef('pe.town_id', '=', 'p.town_id').onRef('pe.id', '=', 'p.person_id'),
    )
    .innerJoin('unit as u', (j) =>
      j.onRef('u.town_id', '=', 'p.town_id').onRef('u.id', '=', 'p.unit_id'),
    )
    .select([
      'p.id',
      'p.town_id',
      'p.person_id',
      'pe.name as person_name',
      'p.unit_id',
      'u.name as unit_name',
      'p.title',
      'p.leadership',
      'p.starts_on',
      'p.ends_on',
      'p.version',
    ])
    .select((eb) =>
      eb.fn
        .coalesce(
          eb
            .selectFrom('position_portfolio as pp')
            .select(
              sql<string[]>`array_agg(pp.portfolio_code order by pp.portfolio_code)`.as('codes'),
            )
            .whereRef('pp.town_id', '=', 'p.town_id')
            .whereRef('pp.position_id', '=', 'p.id'),
          sql<string[]>`'{}'::text[]`,
        )
        .as('portfolios'),
    )
    .where('p.town_id', '=', townId);
  if (q.id) query = query.where('p.id', '=', q.id);
  if (q.personId) query = query.where('p.person_id', '=', q.personId);
  if (q.unitId) query = query.where('p.unit_id', '=', q.unitId);
  if (q.activeOn) {
    const on = q.activeOn;
    query = query
      .where('p.starts_on', '<=', on)
      .where((eb) => eb.or([eb('p.ends_on', 'is', null), eb('p.ends_on', '>=', on)]));
  }
  const rows = await query
    .orderBy('p.leadership', 'desc')
    .orderBy('p.starts_on')
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    townId: r.town_id,
    personId: r.person_id,
    personName: r.person_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    title: r.title,
    leadership: r.leadership,
    portfolios: r.portfolios ?? [],
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    version: r.version,
  }));
}

export async function setPositionPortfolios(
  db: Db,
  townId: string,
  positionId: string,
  codes: string[],
) {
  await db
    .deleteFrom('position_portfolio')
    .where('town_id', '=', townId)
    .where('position_id', '=', positionId)
    .execute();
  if (codes.length) {
    await db
      .insertInto('position_portfolio')
      .values(
        [...new Set(codes)].map((c) => ({
          town_id: townId,
          position_id: positionId,
          portfolio_code: c,
        })),
      )
      .execute();
  }
}

export async function listLiaisons(db: Db, townId: string, id?: string) {
  let query = db
    .selectFrom('village_liaison as l')
    .innerJoin('unit as u', (j) =>
      j.onRef('u.town_id', '=', 'l.town_id').onRef('u.id', '=', 'l.village_id'),
    )
    .innerJoin('person as p', (j) =>
      j.onRef('p.town_id', '=', 'l.town_id').onRef('p.id', '=', 'l.person_id'),
    )
    .select([
      'l.id',
      'l.village_id',
      'u.name as village_name',
      'l.person_id',
      'p.name as person_name',
      'l.starts_on',
      'l.ends_on',
      'l.version',
    ])
    .where('l.town_id', '=', townId);
  if (id) query = query.where('l.id', '=', id);
  const rows = await query.orderBy('u.sort_order').orderBy('l.starts_on').execute();
  return rows.map((r) => ({
    id: r.id,
    villageId: r.village_id,
    villageName: r.village_name,
    personId: r.person_id,
    personName: r.person_name,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    version: r.version,
  }));
}

export function listPortfolios(db: Db) {
  return db.selectFrom('portfolio').select(['code', 'name']).orderBy('sort_order').execute();
}
