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

export async function assertNotLocked(db: Kysely<DB>, username: string, ip: string | null): Promise<void> {
  const keys = throttleKeys(username, ip).map((k) => k.key);
  const locked = await db
    .selectFrom('login_throttle')
    .select(['key', 'locked_until'])
    .where('key', 'in', keys)
    .where('locked_until', '>', new Date())
    .executeTakeFirst();
  if (locked?.locked_until) {
    const seconds = Math.max(1, Math.ceil((new Date(locked.locked_until).getTime() - Date.now()) / 1000));
    throw new TooManyRequests(`登录失败次数过多，请 ${Math.ceil(seconds / 60)} 分钟后再试`, seconds);
  }
}

export async function recordFailure(db: Kysely<DB>, username: string, ip: string | null): Promise<void> {
  for (const { key, limit } of throttleKeys(username, ip)) {
    // One statement per key: reset the window when it has expired, lock when the limit is hit.
    await sql`
      insert into login_throttle (key, failures, window_started_at, locked_until)
      values (${key}, 1, now(), null)
      on conflict (key) do update set
        failures = case when login_throttle.window_started_at < now() - make_interval(mins => ${WINDOW_MINUTES})
                        then 1 else login_throttle.failures + 1 end,
        window_started_at = case when login_throttle.window_started_at < now() - make_interval(mins => ${WINDOW_MINUTES})
                        then now() else login_throttle.window_started_at end,
        locked_until = case when login_throttle.window_started_at >= now() - make_interval(mins => ${WINDOW_MINUTES})
                             and login_throttle.failures + 1 >= ${limit}
                        then now() + make_interval(mins => ${LOCK_MINUTES}) else login_throttle.locked_until end`.execute(db);
  }
}

export async function clearFailures(db: Kysely<DB>, username: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', `user:${username.toLowerCase()}`).execute();
}
