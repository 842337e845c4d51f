import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../testing/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('login and sessions', () => {
  // The session cookie is HttpOnly and SameSite.
  it('logs in with the right password and returns the user with grants and a cookie', async () => {
    const res = await t.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'shuji', password: TEST_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const body = (await res.json()) as { username: string; grants: unknown[] };
    expect(body.username).toBe('shuji');
    expect(body.grants[0]).toMatchObject({ role: 'leader', townId: t.townId, townName: '青石镇' });
  });

  it('rejects a wrong password with a Chinese problem and audits the failed login', async () => {
    const res = await t.call('POST', '/api/v1/auth/login', {
      body: { username: 'zuzhi', password: 'wrong-password-1' },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.detail).toBe('用户名或密码错误');
    const audit = await t.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('town_id', '=', t.townId)
      .where('action', '=', 'login_failed')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('locks a username after five failures, even for the right password, and says so in Chinese', async () => {
    for (let i = 0; i < 5; i++)
      await t.call('POST', '/api/v1/auth/login', {
        body: { username: 'jiwei', password: `bad-${i}` },
      });
    const res = await t.call('POST', '/api/v1/auth/login', {
      body: { username: 'jiwei', password: TEST_PASSWORD },
    });
    expect(res.status).toBe(429);
    expect(res.body.detail).toMatch(/登录失败次数过多/);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('serves /auth/me only with a valid session, and logout ends it', async () => {
    expect((await t.call('GET', '/api/v1/auth/me')).status).toBe(401);
    const cookie = await t.login('paidan');
    expect((await t.call('GET', '/api/v1/auth/me', { cookie })).body.username).toBe('paidan');
    expect((await t.call('POST', '/api/v1/auth/logout', { cookie })).status).toBe(204);
    expect((await t.call('GET', '/api/v1/auth/me', { cookie })).status).toBe(401);
  });

  it('answers the page-load session probe with 200 and null when signed out', async () => {
    const out = await t.call('GET', '/api/v1/auth/session');
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ user: null });
    const cookie = await t.login('paidan');
    const signedIn = await t.call('GET', '/api/v1/auth/session', { cookie });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ username: 'paidan', grants: expect.any(Array) });
    await t.call('POST', '/api/v1/auth/logout', { cookie });
    expect((await t.call('GET', '/api/v1/auth/session', { cookie })).body).toEqual({ user: null });
  });

  it('tells the UI per town which route policies let the user in, as the server enforces them', async () => {
    const session = async (username: string) => {
      const cookie = await t.login(username);
      const me = await t.call('GET', '/api/v1/auth/me', { cookie });
      return { cookie, allowed: me.body.allowedPolicies[t.townId] as string[] };
    };
    const status = async (cookie: string, path: string) =>
      (await t.call('GET', `/api/v1/towns/${t.townId}${path}`, { cookie })).status;
    // 受理登记 is not offered to leaders or the county supervisor; both read the orders.
    const leader = await session('shuji');
    const county = await session('ducha');
    for (const { allowed } of [leader, county]) {
      expect(allowed).toContain('appeals.read');
      expect(allowed).toContain('appeal_analysis.read');
      expect(allowed).not.toContain('appeals.intake');
    }
    // The dispatcher registers orders but has no ledgers: the server answers 403 there.
    const dispatcher = await session('paidan');
    expect(dispatcher.allowed).toContain('appeals.intake');
    expect(dispatcher.allowed).not.toContain('ledgers.read');
    expect(await status(dispatcher.cookie, '/ledger-types')).toBe(403);
    expect(leader.allowed).toContain('ledgers.read');
    expect(await status(leader.cookie, '/ledger-types')).toBe(200);
    // The demo's system operator keeps the calendar and sees nothing of the town.
    const operator = await session('yunwei');
    expect(operator.allowed).toEqual(['calendar.operator', 'signed_in']);
    expect(await status(operator.cookie, '/units')).toBe(403);
  });

  it('rejects a forged cookie', async () => {
    const cookie = await t.login('zhengfa');
    const forged = cookie.replace(/.$/, (ch) => (ch === 'a' ? 'b' : 'a'));
    expect((await t.call('GET', '/api/v1/auth/me', { cookie: forged })).status).toBe(401);
  });

  it('changes the password only with the current one and a strong new one, ending other sessions', async () => {
    const first = await t.login('wuzhuang');
    const second = await t.login('wuzhuang');
    const weak = await t.call('POST', '/api/v1/auth/password', {
      cookie: first,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    });
    expect(weak.status).toBe(422);
    expect(weak.body.errors[0].label).toBe('新密码');
    const wrong = await t.call('POST', '/api/v1/auth/password', {
      cookie: first,
      body: { currentPassword: 'nope', newPassword: 'Another-pass-2026' },
    });
    expect(wrong.status).toBe(422);
    const ok = await t.call('POST', '/api/v1/auth/password', {
      cookie: first,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'Another-pass-2026' },
    });
    expect(ok.status).toBe(204);
    expect((await t.call('GET', '/api/v1/auth/me', { cookie: second })).status).toBe(401);
    expect((await t.call('GET', '/api/v1/auth/me', { cookie: first })).status).toBe(200);
    await t.login('wuzhuang', 'Another-pass-2026');
  });

  it('stores argon2id hashes, never the password', async () => {
    const row = await t.database.db
      .selectFrom('app_user')
      .select('password_hash')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(TEST_PASSWORD);
  });
});

describe('user administration', () => {
  it('lets a town admin create a user with a generated one-time password that works', async () => {
    const admin = await t.login('admin');
    const res = await t.call('POST', `/api/v1/towns/${t.townId}/users`, {
      cookie: admin,
      body: { username: 'newclerk', displayName: '新文书', roles: [{ role: 'staff' }] },
    });
    expect(res.status).toBe(201);
    expect(res.body.initialPassword).toMatch(/^[A-Za-z0-9]{14}$/);
    const me = await t.call('GET', '/api/v1/auth/me', {
      cookie: await t.login('newclerk', res.body.initialPassword),
    });
    expect(me.body.mustChangePassword).toBe(true);
  });

  it('refuses a duplicate username with 409', async () => {
    const admin = await t.login('admin');
    const res = await t.call('POST', `/api/v1/towns/${t.townId}/users`, {
      cookie: admin,
      body: { username: 'SHUJI', displayName: '重名', roles: [{ role: 'staff' }] },
    });
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain('已被使用');
  });

  it('disabling a user ends their sessions', async () => {
    const admin = await t.login('admin');
    const victim = await t.login('zhenzhang');
    const list = await t.call('GET', `/api/v1/towns/${t.townId}/users`, { cookie: admin });
    const user = list.body.items.find((u: { username: string }) => u.username === 'zhenzhang');
    const res = await t.call('PATCH', `/api/v1/towns/${t.townId}/users/${user.id}`, {
      cookie: admin,
      body: { version: user.version, disabled: true },
    });
    expect(res.status).toBe(200);
    expect((await t.call('GET', '/api/v1/auth/me', { cookie: victim })).status).toBe(401);
  });
});
