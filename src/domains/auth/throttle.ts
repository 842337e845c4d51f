/**
 * Login throttling with growing delays (OWASP Authentication Cheat Sheet, "Login Throttling" and
 * "Slow Down Online Guessing Attacks with Device Cookies"), kept in the database so every app
 * server sees the same counts. Counters are keyed by what an attempt comes from:
 *
 * - a device the user has signed in from before (its device cookie): only that device's own
 *   failures slow it down, so strangers guessing the username, or a colleague's typos behind the
 *   township office's shared NAT address, never lock the user out of their own computer;
 * - any other client: the username and the address, as before.
 *
 * After a few free failures each further failure doubles the wait, up to a cap; attempts refused
 * during a wait are not counted (they were never checked). A day without failures forgets a key.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { TooManyRequests } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import * as repo from './throttle.repository.ts';

/** Free failures, first delay and cap per kind of key. */
const RULES = {
  user: { free: 5, baseSeconds: 60, capSeconds: 3600 },
  ip: { free: 30, baseSeconds: 60, capSeconds: 1800 },
  device: { free: 5, baseSeconds: 30, capSeconds: 900 },
} as const;
type KeyKind = keyof typeof RULES;
const RESET_HOURS = 24;
/** How long a browser stays known after its last sign-in (browsers cap cookies at 400 days). */
export const DEVICE_COOKIE_DAYS = 400;
export const DEVICE_COOKIE = 'lvzhi_device';

/** The wait after `failures` failures within a window: none before `free`, then doubling. */
export function delaySeconds(kind: KeyKind, failures: number): number {
  const rule = RULES[kind];
  if (failures < rule.free) return 0;
  return Math.min(rule.capSeconds, rule.baseSeconds * 2 ** (failures - rule.free));
}

export interface LoginAttempt {
  username: string;
  ip: string | null;
  /** Hash of the device cookie the request carried, if any. */
  device: string | null;
  /** The device has signed in as this user before. */
  trusted: boolean;
}

export interface ThrottleKey {
  key: string;
  kind: KeyKind;
}

export const hashDevice = (cookie: string) => createHash('sha256').update(cookie).digest('hex');

export function throttleKeys(attempt: LoginAttempt): ThrottleKey[] {
  const name = attempt.username.toLowerCase();
  if (attempt.trusted && attempt.device)
    return [{ key: `device:${attempt.device}:${name}`, kind: 'device' }];
  return [
    { key: `user:${name}`, kind: 'user' },
    ...(attempt.ip ? [{ key: `ip:${attempt.ip}`, kind: 'ip' as const }] : []),
  ];
}

export async function assertNotLocked(db: Kysely<DB>, keys: ThrottleKey[]): Promise<void> {
  const until = await repo.latestLock(
    db,
    keys.map((k) => k.key),
  );
  if (until) {
    const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
    throw new TooManyRequests(
      `登录失败次数过多，请 ${Math.ceil(seconds / 60)} 分钟后再试`,
      seconds,
    );
  }
}

export interface LockStart {
  key: string;
  kind: KeyKind;
  lockedUntil: Date;
  failures: number;
}

/**
 * Counts one failure against each key. Returns the waits this failure started (each is worth an
 * audit entry; the attempts refused while one holds are not, or a flood would flood the chain).
 * Run inside a transaction: the upsert's row lock keeps concurrent failures in order.
 */
export async function recordFailure(db: Kysely<DB>, keys: ThrottleKey[]): Promise<LockStart[]> {
  const started: LockStart[] = [];
  for (const { key, kind } of keys) {
    const failures = await repo.countFailure(db, key, RESET_HOURS);
    const seconds = delaySeconds(kind, failures);
    if (!seconds) continue;
    const lockedUntil = new Date(Date.now() + seconds * 1000);
    await repo.lockKey(db, key, lockedUntil);
    started.push({ key, kind, lockedUntil, failures });
  }
  return started;
}

/** Forgets spent counters and long-unused devices (the scheduler calls this). */
export async function pruneThrottle(db: Kysely<DB>): Promise<number> {
  return (
    (await repo.pruneKeys(db, RESET_HOURS)) + (await repo.pruneDevices(db, DEVICE_COOKIE_DAYS))
  );
}

/**
 * A successful login forgives the failures of its username (or device); an address's count stays,
 * since one success in an office says nothing about the other guesses made from it.
 */
export async function clearFailures(db: Kysely<DB>, keys: ThrottleKey[]): Promise<void> {
  await repo.deleteKeys(
    db,
    keys.filter((k) => k.kind !== 'ip').map((k) => k.key),
  );
}
