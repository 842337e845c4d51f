/**
 * Signing in (登录): throttled by username, address and device (throttle.ts), one argon2
 * verification whether or not the account exists (password.ts), audited in the user's town.
 * A successful login remembers the browser's device cookie for that user, so the next time it
 * signs in it is judged by its own failures only.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { InvalidInput } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as accounts from './login.repository.ts';
import { verifyPasswordOrDummy } from './password.ts';
import { createSession } from './session.service.ts';
import * as throttle from './throttle.ts';
import { isKnownDevice, rememberDevice } from './throttle.repository.ts';

type Db = Kysely<DB>;

export interface LoginRequest {
  username: string;
  password: string;
  ip: string | null;
  /** The device cookie the browser sent, if any. */
  deviceCookie: string | null;
  userAgent: string | null;
  sessionMaxDays: number;
}

export interface LoginResult {
  sessionCookie: string;
  /** A new device cookie to set (the browser had none). */
  newDeviceCookie: string | null;
}

type Account = NonNullable<Awaited<ReturnType<typeof accounts.findAccount>>>;

export async function login(db: Db, request: LoginRequest): Promise<LoginResult> {
  const { username, ip } = request;
  const account = await accounts.findAccount(db, username);
  const device = request.deviceCookie ? throttle.hashDevice(request.deviceCookie) : null;
  const trusted =
    !!account &&
    !!device &&
    (await isKnownDevice(db, { townId: account.town_id, userId: account.id }, device));
  const keys = throttle.throttleKeys({ username, ip, device, trusted });
  await throttle.assertNotLocked(db, keys);
  const usable = account && !account.disabled ? account : null;
  const ok = await verifyPasswordOrDummy(usable?.password_hash ?? null, request.password);
  if (!ok || !usable) {
    await db.transaction().execute((trx) => recordFailedLogin(trx, keys, account, request));
    throw new InvalidInput('用户名或密码错误', [
      { path: 'password', label: '密码', message: '用户名或密码错误' },
    ]);
  }
  await throttle.clearFailures(db, keys);
  const newDeviceCookie = request.deviceCookie ? null : randomBytes(32).toString('base64url');
  const sessionCookie = await db.transaction().execute(async (trx) => {
    const user = { townId: usable.town_id, userId: usable.id };
    await accounts.touchLastLogin(trx, user.townId, user.userId);
    await rememberDevice(trx, user, throttle.hashDevice(request.deviceCookie ?? newDeviceCookie!));
    await recordAudit(trx, {
      townId: user.townId,
      actorUserId: user.userId,
      actorName: usable.username,
      action: 'login',
      entityType: 'user',
      entityId: user.userId,
      ip,
      after: trusted ? undefined : { newDevice: true },
    });
    return createSession(trx, user, {
      ip,
      userAgent: request.userAgent,
      maxDays: request.sessionMaxDays,
    });
  });
  return { sessionCookie, newDeviceCookie };
}

/**
 * Counts the failure and audits it in the account's town (with the start of any wait it caused).
 * Unknown usernames belong to no town: their failures reach the throttle only (the route logs them).
 */
async function recordFailedLogin(
  trx: Db,
  keys: throttle.ThrottleKey[],
  account: Account | undefined,
  request: LoginRequest,
) {
  const locked = await throttle.recordFailure(trx, keys);
  if (!account) return;
  const audit = {
    townId: account.town_id,
    actorUserId: account.id,
    actorName: account.username,
    entityType: 'user',
    entityId: account.id,
    ip: request.ip,
  };
  await recordAudit(trx, { ...audit, action: 'login_failed' });
  for (const lock of locked)
    await recordAudit(trx, {
      ...audit,
      action: 'login_locked',
      after: {
        by: { user: 'username', ip: 'address', device: 'device' }[lock.kind],
        failures: lock.failures,
        until: lock.lockedUntil.toISOString(),
      },
    });
}
