/**
 * Lookups the console verbs resolve their arguments with (a town by its code, a user by their
 * login name, a unit or person by code, name or id), before handing over to the services.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB>;

export function townIdByCode(db: Db, code: string) {
  return db.selectFrom('town').select('id').where('code', '=', code).executeTakeFirst();
}

export function townUser(db: Db, townId: string, username: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('town_id', '=', townId)
    .where('username', '=', username)
    .executeTakeFirst();
}

/** Units of the town whose code or name is `value` (a name may be shared). */
export function unitsByCodeOrName(db: Db, townId: string, value: string) {
  return db
    .selectFrom('unit')
    .select(['id', 'name'])
    .where('town_id', '=', townId)
    .where((eb) => eb.or([eb('code', '=', value), eb('name', '=', value)]))
    .execute();
}

/** People of the town with this id, or this name (a name may be shared). */
export function personsByIdOrName(db: Db, townId: string, value: string, isId: boolean) {
  return db
    .selectFrom('person')
    .select('id')
    .where('town_id', '=', townId)
    .where(isId ? 'id' : 'name', '=', value)
    .execute();
}

/** The person (and town) behind a login name; usernames are unique across towns. */
export function personOfUsername(db: Db, username: string) {
  return db
    .selectFrom('app_user')
    .select(['town_id', 'person_id as id'])
    .where('username', '=', username)
    .executeTakeFirst();
}

export function personById(db: Db, personId: string) {
  return db
    .selectFrom('person')
    .select(['town_id', 'id'])
    .where('id', '=', personId)
    .executeTakeFirst();
}
