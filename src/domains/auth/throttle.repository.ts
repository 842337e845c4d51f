/**
 * Queries of the login throttle (`login_throttle`, one row per key) and of the devices users have
 * signed in from (`login_device`). Throttle keys are global (a username or an address belongs to
 * no town yet when it is being guessed); devices belong to a user of a town.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB>;

/** Adds a failure to `key`, starting over when its window began more than `resetHours` ago. */
export async function countFailure(db: Db, key: string, resetHours: number): Promise<number> {
  // One upsert, so concurrent failures on one key are counted one by one (row lock).
  const { rows } = await sql<{ failures: number | string }>`
    insert into login_throttle as t (key, failures, window_started_at, locked_until)
    values (${key}, 1, now(), null)
    on conflict (key) do update set
      failures = case when t.window_started_at < now() - make_interval(hours => ${resetHours})
                      then 1 else t.failures + 1 end,
      window_started_at = case when t.window_started_at < now() - make_interval(hours => ${resetHours})
                      then now() else t.window_started_at end
    returning failures`.execute(db);
  return Number(rows[0]?.failures ?? 1);
}

export async function lockKey(db: Db, key: string, until: Date): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set({ locked_until: until })
    .where('key', '=', key)
    .execute();
}

/** The latest running lock among `keys`, if any. */
export async function latestLock(db: Db, keys: string[]): Promise<Date | null> {
  if (!keys.length) return null;
  const row = await db
    .selectFrom('login_throttle')
    .select('locked_until')
    .where('key', 'in', keys)
    .where('locked_until', '>', new Date())
    .orderBy('locked_until', 'desc')
    .executeTakeFirst();
  return row?.locked_until ? new Date(row.locked_until) : null;
}

export async function deleteKeys(db: Db, keys: string[]): Promise<void> {
  if (keys.length) await db.deleteFrom('login_throttle').where('key', 'in', keys).execute();
}

/** Counters whose window and lock have both run out. */
export async function pruneKeys(db: Db, resetHours: number): Promise<number> {
  const result = await db
    .deleteFrom('login_throttle')
    .where('window_started_at', '<', sql<Date>`now() - make_interval(hours => ${resetHours})`)
    .where((eb) =>
      eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', sql<Date>`now()`)]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function isKnownDevice(
  db: Db,
  user: { townId: string; userId: string },
  deviceHash: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('login_device')
    .select('device_hash')
    .where('town_id', '=', user.townId)
    .where('user_id', '=', user.userId)
    .where('device_hash', '=', deviceHash)
    .executeTakeFirst();
  return !!row;
}

export async function rememberDevice(
  db: Db,
  user: { townId: string; userId: string },
  deviceHash: string,
): Promise<void> {
  await db
    .insertInto('login_device')
    .values({ town_id: user.townId, user_id: user.userId, device_hash: deviceHash })
    .onConflict((oc) =>
      oc.columns(['town_id', 'user_id', 'device_hash']).doUpdateSet({ last_login_at: new Date() }),
    )
    .execute();
}

/** Devices not used to sign in for `days` are forgotten (the cookie lives about as long). */
export async function pruneDevices(db: Db, days: number): Promise<number> {
  const result = await db
    .deleteFrom('login_device')
    .where('last_login_at', '<', new Date(Date.now() - days * 86_400_000))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
