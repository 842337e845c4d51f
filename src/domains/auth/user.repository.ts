/**
 * Queries of account administration: accounts with their grants, the username directory
 * (login_name), grants rewritten whole, and the town/unit/person checks a grant or link needs.
 */
import type { Kysely } from 'kysely';
import { newId } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB>;

export interface GrantRow {
  role: string;
  townId: string;
  unitId: string | null;
}

export function findTownName(db: Db, townId: string) {
  return db.selectFrom('town').select(['id', 'name']).where('id', '=', townId).executeTakeFirst();
}

export async function unitExists(db: Db, townId: string, unitId: string): Promise<boolean> {
  const row = await db
    .selectFrom('unit')
    .select('id')
    .where('town_id', '=', townId)
    .where('id', '=', unitId)
    .executeTakeFirst();
  return !!row;
}

export async function personExists(db: Db, townId: string, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('person')
    .select('id')
    .where('town_id', '=', townId)
    .where('id', '=', personId)
    .executeTakeFirst();
  return !!row;
}

export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  const row = await db
    .selectFrom('login_name')
    .select('username')
    .where('username', '=', username)
    .executeTakeFirst();
  return !!row;
}

/** Replaces a user's grants by `grants` (the account's own town holds the rows). */
export async function replaceGrants(
  db: Db,
  townId: string,
  userId: string,
  grants: GrantRow[],
): Promise<void> {
  await db
    .deleteFrom('user_role')
    .where('town_id', '=', townId)
    .where('user_id', '=', userId)
    .execute();
  if (!grants.length) return;
  await db
    .insertInto('user_role')
    .values(
      grants.map((g) => ({
        town_id: townId,
        id: newId(),
        user_id: userId,
        role: g.role,
        scope_town_id: g.townId,
        scope_unit_id: g.unitId,
      })),
    )
    .execute();
}

/** A new account and its entry in the global username directory. */
export async function insertUser(
  db: Db,
  row: {
    townId: string;
    id: string;
    username: string;
    displayName: string;
    personId: string | null;
    passwordHash: string;
    mustChangePassword: boolean;
  },
): Promise<void> {
  await db
    .insertInto('app_user')
    .values({
      town_id: row.townId,
      id: row.id,
      username: row.username,
      display_name: row.displayName,
      person_id: row.personId,
      password_hash: row.passwordHash,
      must_change_password: row.mustChangePassword,
    })
    .execute();
  await db
    .insertInto('login_name')
    .values({ username: row.username, town_id: row.townId, user_id: row.id })
    .execute();
}

export function listUserRows(db: Db, townId: string) {
  return db
    .selectFrom('app_user')
    .select([
      'id',
      'username',
      'display_name',
      'person_id',
      'disabled',
      'must_change_password',
      'last_login_at',
      'version',
    ])
    .where('town_id', '=', townId)
    .orderBy('username')
    .execute();
}

export function listGrantRows(db: Db, townId: string) {
  return db
    .selectFrom('user_role')
    .select(['user_id', 'role', 'scope_town_id', 'scope_unit_id'])
    .where('town_id', '=', townId)
    .execute();
}

/** Sets a password hash; false when the account does not exist in the town. */
export async function setPassword(
  db: Db,
  townId: string,
  userId: string,
  passwordHash: string,
  mustChange: boolean,
): Promise<boolean> {
  const done = await db
    .updateTable('app_user')
    .set({ password_hash: passwordHash, must_change_password: mustChange, updated_at: new Date() })
    .where('town_id', '=', townId)
    .where('id', '=', userId)
    .returning('id')
    .executeTakeFirst();
  return !!done;
}

export function findCredentials(db: Db, townId: string, userId: string) {
  return db
    .selectFrom('app_user')
    .select(['password_hash', 'must_change_password'])
    .where('town_id', '=', townId)
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
}

export function townNames(db: Db, townIds: string[]) {
  if (!townIds.length) return Promise.resolve([]);
  return db.selectFrom('town').select(['id', 'name']).where('id', 'in', townIds).execute();
}
