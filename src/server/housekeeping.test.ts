import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSchedulerTick } from './scheduler.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { townFixture } from '../testing/town.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const town = townFixture(t);
  await town.user('leader', 'leader', { signIn: false });
  await town.user('staff', 'staff', { signIn: false });
});
afterAll(() => t.close());

describe('housekeeping in the scheduler tick', () => {
  it('drops expired sessions, spent throttle counters and old rate-limit windows, and keeps live ones', async () => {
    const db = t.database.db;
    const live = await t.login('leader');
    const expired = await t.login('staff');
    const sessions = await db.selectFrom('session').select('id').execute();
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    // Expire every session but the leader's.
    const leader = await db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'leader')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('session')
      .set({ expires_at: sql<Date>`now() - interval '1 minute'` })
      .where('user_id', '<>', leader.id)
      .execute();
    const kept = await db
      .selectFrom('session')
      .select('id')
      .where('user_id', '=', leader.id)
      .execute();
    expect(kept).toHaveLength(1);
    await db
      .insertInto('rate_limit')
      .values([
        {
          key: 'public_appeal:old',
          window_started_at: sql<Date>`now() - interval '2 days'`,
          hits: 3,
        },
        { key: 'public_appeal:new', window_started_at: sql<Date>`now()`, hits: 1 },
      ])
      .execute();
    await db
      .insertInto('login_throttle')
      .values({
        key: 'user:spent',
        failures: 3,
        window_started_at: sql<Date>`now() - interval '25 hours'`,
        locked_until: null,
      })
      .execute();

    const tick = await runSchedulerTick(db);
    expect(tick.ran).toBe(true);
    expect(tick.pruned).toEqual({ sessions: sessions.length - 1, throttles: 1, rateLimits: 1 });
    expect(await db.selectFrom('session').select('id').execute()).toEqual(kept);
    expect((await db.selectFrom('rate_limit').select('key').execute()).map((r) => r.key)).toEqual([
      'public_appeal:new',
    ]);
    expect((await t.call('GET', '/api/v1/auth/me', { cookie: expired })).status).toBe(401);
    expect((await t.call('GET', '/api/v1/auth/me', { cookie: live })).status).toBe(200);
  });
});
