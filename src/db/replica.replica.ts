/**
 * Read replica routing on a real streaming standby (initdb, pg_basebackup, a second postmaster):
 * `npm run test:replica`, its own CI step. Not part of `npm test`, which needs nothing but npm.
 *
 * The standby's replay is paused to make its staleness visible: a dashboard read that misses a
 * just-created order was answered by the standby; the writer's own read (WAL cookie) and, past
 * the lag limit, everyone's reads are answered by the primary.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '../core/calendar/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { appealCast, appealKit, type AppealCast, type AppealKit } from '../testing/appeals.ts';
import { startStreamingPair, type StreamingPair } from '../testing/streaming-replica.ts';
import { WAL_COOKIE } from '../server/replica-routing.ts';
import { openReplicaRouter, type ReplicaRouter } from './replica.ts';

const MAX_LAG_SECONDS = 3;
const year = localDateOf(new Date()).slice(0, 4);

let pair: StreamingPair;
let router: ReplicaRouter;
let t: TestApp;
let k: AppealKit;
let cast: AppealCast;
const started = Date.now();

async function until(what: string, check: () => Promise<boolean> | boolean, ms = 20_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function intake(title: string) {
  return k.intake('dispatcher', {
    kind: 'hotline',
    channel: 'hotline_12345',
    categoryCode: 'publicity.signage',
    villageId: cast.village,
    title,
    content: `${title}，请尽快处理`,
  });
}

/** The 受理量 on the dashboard as the leader sees it, and which database answered. */
async function received(extraCookie = '') {
  const cookie = [await k.cookie('leader'), extraCookie].filter(Boolean).join('; ');
  const res = await t.call('GET', `${k.base}/appeals/kpis?from=${year}-01-01&to=${year}-12-31`, {
    cookie,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const figure = res.body.metrics.find((m: any) => m.id === 'appeals.received').result.value;
  return { figure, from: res.headers.get('x-lvzhi-read-from') };
}

beforeAll(async () => {
  pair = await startStreamingPair();
  process.env.TEST_DATABASE_URL = pair.primaryUrl;
  t = await createTestApp({
    demo: false,
    replica: async (database) =>
      (router = await openReplicaRouter(database.db, pair.onReplica(database.url!), {
        maxLagSeconds: MAX_LAG_SECONDS,
        pollMs: 100,
      })),
  });
  k = appealKit(t);
  cast = await appealCast(t);
  await intake('宣传栏破损');
  await until('the standby to catch up', async () => (await router.poll()).state === 'ok');
  console.log(`streaming pair and migrated test database ready in ${Date.now() - started} ms`);
}, 120_000);

afterAll(async () => {
  await t?.close();
  pair?.stop();
});

describe('read replica routing', () => {
  it('answers the dashboard from the standby (in recovery) and the work queue from the primary', async () => {
    const inRecovery = sql<{ r: boolean }>`select pg_is_in_recovery() as r`;
    expect((await inRecovery.execute(router.replica.db)).rows[0]!.r).toBe(true);
    expect((await inRecovery.execute(t.database.db)).rows[0]!.r).toBe(false);

    expect(await received()).toEqual({ figure: 1, from: 'replica' });
    const queue = await t.call('GET', `${k.base}/appeals/queue`, {
      cookie: await k.cookie('dispatcher'),
    });
    expect(queue.status).toBe(200);
    expect(queue.headers.get('x-lvzhi-read-from')).toBeNull();
  });

  it('sends the writer’s own reads to the primary until the standby has replayed the write', async () => {
    await pair.onStandby('select pg_wal_replay_pause()');
    await until('replay to pause', async () => {
      const [row] = await pair.onStandby<{ s: string }>('select pg_get_wal_replay_pause_state() s');
      return row!.s === 'paused';
    });
    const res = await t.call('POST', `${k.base}/appeals`, {
      cookie: await k.cookie('dispatcher'),
      body: {
        kind: 'hotline',
        channel: 'hotline_12345',
        categoryCode: 'publicity.signage',
        villageId: cast.village,
        title: '路灯不亮',
        content: '路灯不亮，请尽快处理',
      },
    });
    expect(res.status).toBe(201);
    const wal = /lvzhi_wal=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
    expect(decodeURIComponent(wal ?? '')).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);

    // Within the lag limit, someone else's read is the standby's: it has not seen the new order.
    expect(await received()).toEqual({ figure: 1, from: 'replica' });
    // The writer's position is past the standby's replay: the primary answers, with the order.
    expect(await received(`${WAL_COOKIE}=${wal}`)).toEqual({ figure: 2, from: 'primary' });
  });

  it('sets a standby staler than the limit aside, and takes it back once it catches up', async () => {
    await until('the standby to be set aside', () => router.status().state === 'lagging');
    console.log(`standby set aside at an estimated lag of ${router.status().lagSeconds} s`);
    expect(router.status().lagSeconds).toBeGreaterThan(MAX_LAG_SECONDS);
    expect(await received()).toEqual({ figure: 2, from: 'primary' });

    await pair.onStandby('select pg_wal_replay_resume()');
    await until('the standby to catch up', () => router.status().state === 'ok');
    expect(await received()).toEqual({ figure: 2, from: 'replica' });
  });

  it('refuses writes on the standby, so a read-only route sent there cannot write', async () => {
    await expect(sql`create table should_fail (id int)`.execute(router.replica.db)).rejects.toThrow(
      /read-only transaction/,
    );
  });
});
