/**
 * Repository of the demo town seeder: bulk rows written straight into an empty town (organisation,
 * orders walked outside the engine, code counters) and the few lookups the seeder needs.
 */
import type { Insertable, Kysely } from 'kysely';
import { newId } from '../db/ids.ts';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB>;

export async function townExists(db: Db, code: string): Promise<boolean> {
  return !!(await db.selectFrom('town').select('id').where('code', '=', code).executeTakeFirst());
}

export async function insertCounty(db: Db, row: Insertable<DB['county']>): Promise<void> {
  await db.insertInto('county').values(row).execute();
}

export async function insertTown(db: Db, row: Insertable<DB['town']>): Promise<void> {
  await db.insertInto('town').values(row).execute();
}

export async function insertUnit(
  db: Db,
  townId: string,
  u: { parentId: string | null; kind: string; name: string; code?: string; sort: number },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('unit')
    .values({
      town_id: townId,
      id,
      parent_id: u.parentId,
      kind: u.kind,
      name: u.name,
      code: u.code ?? null,
      sort_order: u.sort,
    })
    .execute();
  return id;
}

export async function insertUnitPortfolios(
  db: Db,
  townId: string,
  unitId: string,
  portfolios: string[],
): Promise<void> {
  if (!portfolios.length) return;
  await db
    .insertInto('unit_portfolio')
    .values(portfolios.map((p) => ({ town_id: townId, unit_id: unitId, portfolio_code: p })))
    .execute();
}

export async function insertPerson(db: Db, row: Insertable<DB['person']>): Promise<void> {
  await db.insertInto('person').values(row).execute();
}

/** A position and the portfolios it holds. */
export async function insertPosition(
  db: Db,
  row: Insertable<DB['position']> & { id: string; town_id: string },
  portfolios: string[],
): Promise<void> {
  await db.insertInto('position').values(row).execute();
  if (portfolios.length)
    await db
      .insertInto('position_portfolio')
      .values(
        portfolios.map((p) => ({ town_id: row.town_id, position_id: row.id, portfolio_code: p })),
      )
      .execute();
}

export async function insertLiaison(db: Db, row: Insertable<DB['village_liaison']>): Promise<void> {
  await db.insertInto('village_liaison').values(row).execute();
}

/** Demo accounts sign in with the printed password without being made to change it. */
export async function clearMustChangePassword(db: Db, townId: string): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ must_change_password: false })
    .where('town_id', '=', townId)
    .execute();
}

export async function countPeople(db: Db, townId: string): Promise<number> {
  const r = await db
    .selectFrom('person')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('town_id', '=', townId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function findUser(db: Db, townId: string, username: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'display_name', 'person_id'])
    .where('town_id', '=', townId)
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
}

export async function unitIdBy(
  db: Db,
  townId: string,
  by: 'name' | 'code',
  value: string,
): Promise<string> {
  const r = await db
    .selectFrom('unit')
    .select('id')
    .where('town_id', '=', townId)
    .where(by, '=', value)
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Orders and their events written as walked (demo history), bypassing the engine's writes. */
export async function insertAppealsWithEvents(
  db: Db,
  rows: Insertable<DB['appeal']>[],
  events: Insertable<DB['appeal_event']>[],
): Promise<void> {
  await db.insertInto('appeal').values(rows).execute();
  await db.insertInto('appeal_event').values(events).execute();
}

export async function lastCodeSeq(db: Db, townId: string, year: number): Promise<number> {
  const r = await db
    .selectFrom('appeal_code_counter')
    .select('last_seq')
    .where('town_id', '=', townId)
    .where('year', '=', year)
    .executeTakeFirst();
  return r?.last_seq ?? 0;
}

export async function setCodeSeq(db: Db, townId: string, year: number, seq: number) {
  await db
    .insertInto('appeal_code_counter')
    .values({ town_id: townId, year, last_seq: seq })
    .onConflict((oc) => oc.columns(['town_id', 'year']).doUpdateSet({ last_seq: seq }))
    .execute();
}
