/**
 * Login throttling, kept in the database so any app server sees the same counts: after too
 * many failures for one username or one address within the window, logins are refused until
 * the lock expires.
 */
import { sql, type Kysely } from 'kysely';
import { TooManyRequests } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';

const WINDOW_MINUTES = 15;
const LOCK_MINUTES = 15;
const LIMITS = { user: 5, ip: 30 } as const;

export function throttleKeys(username: string, ip: string | null) {
  return [
    { key: `user:${username.toLowerCase()}`, limit: LIMITS.user },
    ...(ip ? [{ key: `ip:${ip}`, limit: LIMITS.ip }] : []),
  ];
}

export async function assertNotLocked(
  db: Kysely<DB>,
  username: string,
  ip: string | null,
): Promise<void> {
  const keys = throttleKeys(username, ip).map((k) => k.key);
  const locked = await db
    .selectFrom('login_throttle')
    .select(['key', 'locked_until'])
    .where('key', 'in', keys)
    .where('locked_until', '>', new Date())
    .executeTakeFirst();
  if (locked?.locked_until) {
    const seconds = Math.max(
      1,
      Math.ceil((new Date(locked.locked_until).getTime() - Date.now()) / 1000),
    );
    throw new TooManyRequests(
      `登录失败次数过多，请 ${Math.ceil(seconds / 60)} 分钟后再试`,
      seconds,
    );
  }
}

/**
 * Counts one failure against the username and the address. Returns the keys this failure locked
 * (the lock's start is an event worth auditing; the attempts refused while locked are not, or a
 * flood of them would flood the town's audit chain).
 */
export async function recordFailure(
  db: Kysely<DB>,
  username: string,
  ip: string | null,
): Promise<{ key: string; lockedUntil: Date; failures: number }[]> {
  const locked: { key: string; lockedUntil: Date; failures: number }[] = [];
  for (const { key, limit } of throttleKeys(username, ip)) {
    // One statement per key: reset the window when it has expired, lock when the limit is hit.
    const { rows } = await sql<{
      failures: number | string;
      locked_until: Date | string | null;
      locked_now: boolean;
    }>`
      insert into login_throttle as t (key, failures, window_started_at, locked_until)
      values (${key}, 1, now(), null)
      on conflict (key) do update set
        failures = case when t.window_started_at < now() - make_interval(mins => ${WINDOW_MINUTES})
                        then 1 else t.failures + 1 end,
        window_started_at = case when t.window_started_at < now() - make_interval(mins => ${WINDOW_MINUTES})
                        then now() else t.window_started_at end,
        locked_until = case when t.window_started_at >= now() - make_interval(mins => ${WINDOW_MINUTES})
                             and t.failures + 1 >= ${limit}
                        then now() + make_interval(mins => ${LOCK_MINUTES}) else t.locked_until end
      returning failures, locked_until, (locked_until is not null and locked_until > now() and failures = ${limit}) as locked_now`.execute(
      db,
    );
    const row = rows[0];
    if (row?.locked_now && row.locked_until)
      locked.push({ key, lockedUntil: new Date(row.locked_until), failures: Number(row.failures) });
  }
  return locked;
}

/** Drops counters whose window and lock have both run out (the scheduler calls this). */
export async function pruneThrottle(db: Kysely<DB>): Promise<number> {
  const result = await db
    .deleteFrom('login_throttle')
    .where('window_started_at', '<', sql<Date>`now() - make_interval(mins => ${WINDOW_MINUTES})`)
    .where((eb) =>
      eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', sql<Date>`now()`)]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function clearFailures(db: Kysely<DB>, username: string): Promise<void> {
  await db
    .deleteFrom('login_throttle')
    .where('key', '=', `user:${username.toLowerCase()}`)
    .execute();
}
