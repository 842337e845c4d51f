import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { verifyAuditChains } from '../audit/audit.verify.ts';
import { pruneThrottle } from './throttle.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
afterEach(async () => {
  delete process.env.LVZHI_TRUST_PROXY;
  await t.database.db.deleteFrom('login_throttle').execute();
});

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.call('POST', '/api/v1/auth/login', { body: { username, password }, headers });

async function auditCount(username: string, action: string): Promise<number> {
  const row = await t.database.db
    .selectFrom('audit_entry')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('actor_name', '=', username)
    .where('action', '=', action)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('login security', () => {
  it('audits concurrent failed logins one entry each, with no error and an intact chain', async () => {
    const before = await auditCount('zhuangan', 'login_failed');
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        login('zhuangan', `wrong-${i}`, { 'x-forwarded-for': `10.0.0.${i}` }),
      ),
    );
    expect(results.map((r) => r.status).filter((s) => s !== 422 && s !== 429)).toEqual([]);
    const refused = results.filter((r) => r.status === 422).length;
    expect(refused).toBeGreaterThanOrEqual(5);
    expect((await auditCount('zhuangan', 'login_failed')) - before).toBe(refused);
    expect((await verifyAuditChains(t.database.db)).problems).toEqual([]);
  });

  it('audits the start of a lock once, not every attempt refused while it holds', async () => {
    const before = await auditCount('paidan', 'login_locked');
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await login('paidan', `wrong-${i}`)).status);
    expect(statuses).toEqual([422, 422, 422, 422, 422, 429, 429, 429]);
    expect((await auditCount('paidan', 'login_locked')) - before).toBe(1);
    const lock = await t.database.db
      .selectFrom('audit_entry')
      .select('after')
      .where('actor_name', '=', 'paidan')
      .where('action', '=', 'login_locked')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(lock.after).toMatchObject({ by: 'username', failures: 5 });
  });

  it('throttles and audits wrong current passwords on password change', async () => {
    const cookie = await t.login('wuzhuang');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (
          await t.call('POST', '/api/v1/auth/password', {
            cookie,
            body: { currentPassword: `guess-${i}`, newPassword: 'Another-strong-2025' },
          })
        ).status,
      );
    }
    expect(statuses).toEqual([422, 422, 422, 422, 422, 429]);
    expect(await auditCount('wuzhuang', 'password_change_failed')).toBe(5);
  });

  it('behind one trusted proxy, throttles the address the proxy saw, not one the client wrote', async () => {
    process.env.LVZHI_TRUST_PROXY = '1';
    await login('nobody-here', 'x', { 'x-forwarded-for': '203.0.113.9, 198.51.100.7' });
    const keys = (await t.database.db.selectFrom('login_throttle').select('key').execute()).map(
      (r) => r.key,
    );
    expect(keys).toContain('ip:198.51.100.7');
    expect(keys).not.toContain('ip:203.0.113.9');
  });

  it('prunes counters whose window and lock have run out, keeping live ones', async () => {
    const db = t.database.db;
    await db
      .insertInto('login_throttle')
      .values([
        {
          key: 'user:old',
          failures: 2,
          window_started_at: sql<Date>`now() - interval '2 days'`,
          locked_until: null,
        },
        {
          key: 'user:old-lock',
          failures: 5,
          window_started_at: sql<Date>`now() - interval '2 days'`,
          locked_until: sql<Date>`now() - interval '1 day'`,
        },
        {
          key: 'user:locked',
          failures: 5,
          window_started_at: sql<Date>`now() - interval '20 minutes'`,
          locked_until: sql<Date>`now() + interval '10 minutes'`,
        },
        { key: 'user:fresh', failures: 1, window_started_at: sql<Date>`now()`, locked_until: null },
      ])
      .execute();
    expect(await pruneThrottle(db)).toBe(2);
    expect(
      (await db.selectFrom('login_throttle').select('key').orderBy('key').execute()).map(
        (r) => r.key,
      ),
    ).toEqual(['user:fresh', 'user:locked']);
  });
});
