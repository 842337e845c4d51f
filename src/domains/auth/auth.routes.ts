/**
 * Sign-in, sign-out, "who am I" and password change. Every login, failed login and lock is
 * audited in the user's town chain (login.service.ts). Failed logins of unknown usernames belong
 * to no town: they reach the throttle and the server log. Attempts refused during a wait are
 * neither counted nor audited one by one (the wait's start is), so a flood cannot flood the chain.
 */
import { createRoute, z, type OpenAPIHono, type RouteHandler } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { ROLE_LABELS, ROLES, SYSTEM_ROLE_LABELS, type Actor } from '../../core/actor.ts';
import { InvalidInput, Unauthenticated } from '../../core/errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { clientIp, jsonBody, jsonResponse, noContent } from '../../http/openapi.ts';
import { defineRoute, policies, policiesAllowed } from '../../http/route.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { assertPasswordAcceptable, hashPassword, verifyPassword } from './password.ts';
import {
  actorFromCookie,
  destroySession,
  destroyUserSessions,
  SESSION_COOKIE,
} from './session.service.ts';
import { login } from './login.service.ts';
import {
  assertNotLocked,
  DEVICE_COOKIE,
  DEVICE_COOKIE_DAYS,
  recordFailure,
  throttleKeys,
} from './throttle.ts';
import * as userRepo from './user.repository.ts';

const LoginBody = z.object({
  username: z.string().trim().min(1).max(64).meta({ title: '用户名' }),
  password: z.string().min(1).max(200).meta({ title: '密码' }),
});

const PasswordBody = z.object({
  currentPassword: z.string().min(1).max(200).meta({ title: '当前密码' }),
  newPassword: z.string().min(1).max(200).meta({ title: '新密码' }),
});

const Me = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    personId: z.string().nullable(),
    homeTownId: z.string(),
    mustChangePassword: z.boolean(),
    grants: z.array(
      z.object({
        role: z.enum(ROLES),
        roleLabel: z.string(),
        townId: z.string(),
        townName: z.string(),
        unitId: z.string().nullable(),
      }),
    ),
    /** Installation-wide roles (系统运维): no town data, national reference data only. */
    systemRoles: z.array(z.object({ role: z.string(), roleLabel: z.string() })),
    /**
     * Per town (the towns of the grants, and the home town), the route policies that let the user
     * in: the UI shows a menu entry or button only when the server would not answer 403.
     */
    allowedPolicies: z.record(z.string(), z.array(z.string())),
  })
  .openapi('CurrentUser');
const SessionProbe = z.object({ user: Me.nullable() }).openapi('SessionProbe');

async function describeActor(c: import('hono').Context<AppEnv>, actor: Actor) {
  const { db } = c.get('deps');
  const user = await userRepo.findCredentials(db, actor.homeTownId, actor.userId);
  const towns = await userRepo.townNames(db, [...new Set(actor.grants.map((g) => g.townId))]);
  const townName = new Map(towns.map((t) => [t.id, t.name]));
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    personId: actor.personId,
    homeTownId: actor.homeTownId,
    mustChangePassword: user.must_change_password,
    grants: actor.grants.map((g) => ({
      ...g,
      roleLabel: ROLE_LABELS[g.role],
      townName: townName.get(g.townId) ?? '',
    })),
    systemRoles: (actor.systemRoles ?? []).map((role) => ({
      role,
      roleLabel: SYSTEM_ROLE_LABELS[role],
    })),
    allowedPolicies: Object.fromEntries(
      await Promise.all(
        [...new Set([actor.homeTownId, ...actor.grants.map((g) => g.townId)])].map(
          async (townId) => [townId, await policiesAllowed(db, actor, townId)] as const,
        ),
      ),
    ),
  };
}

const loginRoute = createRoute({
  method: 'post',
  path: '/api/v1/auth/login',
  tags: ['登录'],
  summary: '登录',
  request: jsonBody(LoginBody),
  responses: jsonResponse(Me, '登录成功'),
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/api/v1/auth/logout',
  tags: ['登录'],
  summary: '退出登录',
  responses: noContent('已退出'),
});

const meRoute = createRoute({
  method: 'get',
  path: '/api/v1/auth/me',
  tags: ['登录'],
  summary: '当前用户',
  responses: jsonResponse(Me, '当前用户'),
});

const sessionRoute = createRoute({
  method: 'get',
  path: '/api/v1/auth/session',
  tags: ['登录'],
  summary: '当前会话（未登录时 user 为 null）',
  responses: jsonResponse(SessionProbe, '当前会话'),
});

const passwordRoute = createRoute({
  method: 'post',
  path: '/api/v1/auth/password',
  tags: ['登录'],
  summary: '修改密码',
  request: jsonBody(PasswordBody),
  responses: noContent('密码已修改'),
});

/** Signs in: the session cookie, and the device cookie the throttle trusts on later sign-ins. */
const signIn: RouteHandler<typeof loginRoute, AppEnv> = async (c) => {
  const { db, config, logger } = c.get('deps');
  const { username, password } = c.req.valid('json') as z.infer<typeof LoginBody>;
  const ip = clientIp(c);
  const { sessionCookie: cookie, newDeviceCookie } = await login(db, {
    username,
    password,
    ip,
    deviceCookie: getCookie(c, DEVICE_COOKIE) ?? null,
    userAgent: c.req.header('user-agent') ?? null,
    sessionMaxDays: config.sessionMaxDays,
  }).catch((error: unknown) => {
    if (error instanceof InvalidInput) logger.info({ username, ip }, 'failed login');
    throw error;
  });
  setCookie(c, SESSION_COOKIE, cookie, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: config.secureCookies,
    path: '/',
    maxAge: config.sessionMaxDays * 86400,
  });
  // Long-lived and scoped to the sign-in routes: it only tells the throttle "this browser
  // has signed in as this user before" (throttle.ts), it grants nothing.
  if (newDeviceCookie)
    setCookie(c, DEVICE_COOKIE, newDeviceCookie, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: config.secureCookies,
      path: '/api/v1/auth',
      maxAge: DEVICE_COOKIE_DAYS * 86400,
    });
  const actor = await actorFromCookie(db, cookie, config.sessionIdleHours);
  if (!actor) throw new Unauthenticated();
  return c.json(await describeActor(c, actor), 200);
};

/** Changes the caller's password; the other sessions of the user end. */
const changePassword: RouteHandler<typeof passwordRoute, AppEnv> = async (c) => {
  const actor = c.get('actor')!;
  const { db } = c.get('deps');
  const body = c.req.valid('json') as z.infer<typeof PasswordBody>;
  const ip = clientIp(c);
  // Guessing the current password through a stolen session is throttled like a login from
  // an unknown device: by username and address.
  const keys = throttleKeys({ username: actor.username, ip, device: null, trusted: false });
  await assertNotLocked(db, keys);
  const user = await userRepo.findCredentials(db, actor.homeTownId, actor.userId);
  if (!(await verifyPassword(user.password_hash, body.currentPassword))) {
    await db.transaction().execute(async (trx) => {
      await recordFailure(trx, keys);
      await recordAudit(trx, {
        townId: actor.homeTownId,
        actorUserId: actor.userId,
        actorName: actor.username,
        action: 'password_change_failed',
        entityType: 'user',
        entityId: actor.userId,
        ip,
      });
    });
    throw new InvalidInput('当前密码不正确', [
      { path: 'currentPassword', label: '当前密码', message: '当前密码不正确' },
    ]);
  }
  assertPasswordAcceptable(body.newPassword);
  const passwordHash = await hashPassword(body.newPassword);
  await db.transaction().execute(async (trx) => {
    await userRepo.setPassword(trx, actor.homeTownId, actor.userId, passwordHash, false);
    await destroyUserSessions(trx, actor.homeTownId, actor.userId, actor.sessionId);
    await recordAudit(trx, {
      townId: actor.homeTownId,
      actorUserId: actor.userId,
      actorName: actor.username,
      action: 'password_change',
      entityType: 'user',
      entityId: actor.userId,
      ip,
    });
  });
  return c.body(null, 204);
};

export function registerAuthRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(app, loginRoute, policies.public, signIn);

  defineRoute(app, logoutRoute, policies.signedIn, async (c) => {
    const actor = c.get('actor')!;
    const { db } = c.get('deps');
    await db.transaction().execute(async (trx) => {
      await destroySession(trx, actor.homeTownId, actor.sessionId);
      await recordAudit(trx, {
        townId: actor.homeTownId,
        actorUserId: actor.userId,
        actorName: actor.username,
        action: 'logout',
        entityType: 'user',
        entityId: actor.userId,
        ip: clientIp(c),
      });
    });
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  defineRoute(app, meRoute, policies.signedIn, async (c) =>
    c.json(await describeActor(c, c.get('actor')!), 200),
  );

  // The page's first question, asked before anyone signed in: answered 200 either way, so a
  // signed-out visit logs no failed request (/auth/me stays 401 for API clients).
  defineRoute(app, sessionRoute, policies.public, async (c) => {
    const actor = c.get('actor');
    return c.json({ user: actor ? await describeActor(c, actor) : null }, 200);
  });

  defineRoute(app, passwordRoute, policies.signedIn, changePassword);
}
