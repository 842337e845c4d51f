/**
 * Queries of the small reference tables `county` and `town`, and of the admin grants that make
 * someone a county admin. Towns are the tenants themselves, so these rows have no town_id.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { Conflict, NotFound } from '../../core/errors.ts';
import type { CountyTable, DB, TownTable } from '../../db/schema.ts';

type Db = Kysely<DB>;

export function findCounty(db: Db, id: string) {
  return db.selectFrom('county').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findCountyByCode(db: Db, code: string) {
  return db.selectFrom('county').selectAll().where('code', '=', code).executeTakeFirst();
}

export function findTown(db: Db, id: string) {
  return db.selectFrom('town').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findTownByCode(db: Db, code: string) {
  return db.selectFrom('town').selectAll().where('code', '=', code).executeTakeFirst();
}

export function countiesOfTowns(db: Db, townIds: readonly string[]) {
  if (!townIds.length) return Promise.resolve([]);
  return db
    .selectFrom('county')
    .selectAll()
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('town')
        .select('county_id')
        .where('id', 'in', [...townIds]),
    )
    .orderBy('code')
    .execute();
}

export function townsOfCounty(db: Db, countyId: string) {
  return db
    .selectFrom('town')
    .selectAll()
    .where('county_id', '=', countyId)
    .orderBy('code')
    .execute();
}

/** Every town with its county, by code (the operator's `lvzhi town list`). */
export function listTownsWithCounty(db: Db) {
  return db
    .selectFrom('town as t')
    .innerJoin('county as c', 'c.id', 't.county_id')
    .select(['t.id', 't.name', 't.code', 'c.name as countyName', 'c.code as countyCode'])
    .orderBy('c.code')
    .orderBy('t.code')
    .execute();
}

/**
 * Accounts holding an admin grant in every town of the county (its county admins), with the
 * town that administers each account (where its grants are stored).
 */
export async function countyAdmins(
  db: Db,
  countyId: string,
): Promise<{ userId: string; homeTownId: string }[]> {
  const rows = await db
    .selectFrom('user_role as r')
    .innerJoin('town as t', 't.id', 'r.scope_town_id')
    .select(['r.user_id', 'r.town_id'])
    .where('t.county_id', '=', countyId)
    .where('r.role', '=', 'admin')
    .groupBy(['r.town_id', 'r.user_id'])
    .having(
      sql<number>`count(distinct r.scope_town_id)`,
      '=',
      db
        .selectFrom('town')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('county_id', '=', countyId),
    )
    .execute();
  return rows.map((r) => ({ userId: r.user_id, homeTownId: r.town_id }));
}

/** Optimistic update of a reference row (no town_id): 404 when gone, 409 when the version moved. */
export async function updateVersionedRef<T extends 'town' | 'county'>(
  db: Db,
  table: T,
  key: { id: string; version: number },
  values: Record<string, unknown>,
  what: string,
) {
  const anyDb = db as Kysely<any>;
  const row = await anyDb
    .updateTable(table as string)
    .set({
      ...values,
      version: sql`version + 1`,
      ...(table === 'town' ? { updated_at: new Date() } : {}),
    })
    .where('id', '=', key.id)
    .where('version', '=', key.version)
    .returningAll()
    .executeTakeFirst();
  if (row) return row as Selectable<T extends 'town' ? TownTable : CountyTable>;
  const now = await anyDb
    .selectFrom(table as string)
    .select('version')
    .where('id', '=', key.id)
    .executeTakeFirst();
  if (!now) throw new NotFound(what);
  throw new Conflict(`该${what}已被他人修改（当前版本 ${now.version}），请刷新后重试`);
}

export function insertTown(
  db: Db,
  row: { id: string; countyId: string; name: string; code: string },
) {
  return db
    .insertInto('town')
    .values({ id: row.id, county_id: row.countyId, name: row.name, code: row.code })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An admin grant over `scopeTownId` for an account of `homeTownId` (a county admin's share). */
export async function insertAdminGrant(
  db: Db,
  grant: { homeTownId: string; id: string; userId: string; scopeTownId: string },
): Promise<void> {
  await db
    .insertInto('user_role')
    .values({
      town_id: grant.homeTownId,
      id: grant.id,
      user_id: grant.userId,
      role: 'admin',
      scope_town_id: grant.scopeTownId,
      scope_unit_id: null,
    })
    .execute();
}

/** Other towns' accounts' grants over this town (they go with it). */
export async function deleteForeignGrantsOver(db: Db, townId: string): Promise<void> {
  await db
    .deleteFrom('user_role')
    .where('scope_town_id', '=', townId)
    .where('town_id', '<>', townId)
    .execute();
}

export async function deleteTownRow(db: Db, townId: string): Promise<void> {
  await db.deleteFrom('town').where('id', '=', townId).execute();
}

export function insertCounty(db: Db, row: { id: string; name: string; code: string }) {
  return db.insertInto('county').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The towns with these ids and their counties' names, by town code. */
export function townsWithCountyByIds(db: Db, ids: readonly string[]) {
  return db
    .selectFrom('town as t')
    .innerJoin('county as c', 'c.id', 't.county_id')
    .select(['t.id', 't.name', 't.code', 't.county_id as countyId', 'c.name as countyName'])
    .where('t.id', 'in', ids)
    .orderBy('t.code')
    .execute();
}
