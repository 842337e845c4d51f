/**
 * Repository of Open311 API keys: rows hold the key's SHA-256 hash, never the key. A key is
 * looked up by its hash alone in the global directory open311_key_hash (it names its town, like
 * a login name); the rest is per town.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB>;

export async function insertApiKey(
  db: Db,
  row: { town_id: string; id: string; key_hash: string; label: string },
): Promise<void> {
  await db.insertInto('open311_api_key').values(row).execute();
  await db
    .insertInto('open311_key_hash')
    .values({ key_hash: row.key_hash, town_id: row.town_id, key_id: row.id })
    .execute();
}

/** The live key's town and id, or undefined for an unknown or revoked key. */
export function findLiveKeyByHash(db: Db, keyHash: string) {
  return db
    .selectFrom('open311_key_hash as h')
    .innerJoin('open311_api_key as k', (j) =>
      j.onRef('k.town_id', '=', 'h.town_id').onRef('k.id', '=', 'h.key_id'),
    )
    .innerJoin('town as t', 't.id', 'k.town_id')
    .select(['k.id', 'k.town_id', 't.code as town_code', 't.name as town_name'])
    .where('h.key_hash', '=', keyHash)
    .where('k.revoked_at', 'is', null)
    .executeTakeFirst();
}

export function listApiKeys(db: Db, townId: string) {
  return db
    .selectFrom('open311_api_key')
    .select(['id', 'label', 'created_at', 'revoked_at'])
    .where('town_id', '=', townId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Revokes a live key; false when there is none with that id in the town. */
export async function revokeLiveKey(db: Db, townId: string, id: string): Promise<boolean> {
  const r = await db
    .updateTable('open311_api_key')
    .set({ revoked_at: new Date() })
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}
