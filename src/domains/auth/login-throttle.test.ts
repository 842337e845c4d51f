/**
 * Issue 10 items 8 and 9: no username oracle by timing (one argon2 verification for every
 * attempt, counted), and throttling that slows guessers without locking people out — by username
 * and address for unknown browsers, by device for a browser the user has signed in from, with
 * waits that double.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_PASSWORD, type TestApp } from '../../testing/app.ts';

const verifications = vi.hoisted(() => ({ count: 0 }));
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const original = await importOriginal<typeof import('@node-rs/argon2')>();
  return {
    ...original,
    verify: (...args: Parameters<typeof original.verify>) => {
      verifications.count++;
      return original.verify(...args);
    },
  };
});

let t: TestApp;
beforeAll(async () => {
  // Test files share a worker's modules (vitest's isolate: false): the app must be loaded afresh
  // here for the counting argon2 above to be the one it calls.
  vi.resetModules();
  const { createTestApp } = await import('../../testing/app.ts');
  t = await createTestApp();
});
afterAll(() => t.close());
afterEach(async () => {
  delete process.env.LVZHI_TRUST_PROXY;
  await t.database.db.deleteFrom('login_throttle').execute();
});

interface Attempt {
  status: number;
  retryAfter: number | null;
  device: string | null;
  ms: number;
}

async function attempt(
  username: string,
  password: string,
  options: { device?: string | null; from?: string } = {},
): Promise<Attempt> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.device) headers.cookie = `lvzhi_device=${options.device}`;
  if (options.from) headers['x-forwarded-for'] = options.from;
  const started = performance.now();
  const res = await t.app.request('/api/v1/auth/login', {
    method: 'POST',
    headers,
    body: JSON.stringify({ username, password }),
  });
  const ms = performance.now() - started;
  await res.text();
  const device = res.headers
    .getSetCookie()
    .map((c) => /^lvzhi_device=([^;]+)/.exec(c)?.[1])
    .find(Boolean);
  const retry = res.headers.get('retry-after');
  return {
    status: res.status,
    retryAfter: retry ? Number(retry) : null,
    device: device ?? null,
    ms,
  };
}

/** Signs in once as the person themself, returning the device cookie their browser now keeps. */
async function ownBrowser(username: string): Promise<string | null> {
  const first = await attempt(username, TEST_PASSWORD);
  expect(first.status).toBe(200);
  return first.device;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('login timing', () => {
  it('verifies one argon2 hash for an unknown user, a disabled user and a wrong password alike', async () => {
    await t.database.db
      .updateTable('app_user')
      .set({ disabled: true })
      .where('username', '=', 'tongji')
      .execute();
    const cases = { unknown: 'nobody-at-all', disabled: 'tongji', wrongPassword: 'zuzhi' };
    const counted: Record<string, number> = {};
    const timings: Record<string, number[]> = {};
    // One warm-up sign-in first, then the cases interleaved, so neither the first request of the
    // file nor the machine's load at one moment falls on one case only.
    await attempt('warm-up', 'wrong', { from: '192.0.2.200' });
    for (let i = 0; i < 4; i++) {
      for (const [name, username] of Object.entries(cases)) {
        const before = verifications.count;
        const r = await attempt(username, `wrong-${i}`, { from: `192.0.2.${i}` });
        expect(r.status).toBe(422);
        counted[name] = (counted[name] ?? 0) + verifications.count - before;
        (timings[name] ??= []).push(r.ms);
      }
      await t.database.db.deleteFrom('login_throttle').execute();
    }
    expect(counted).toEqual({ unknown: 4, disabled: 4, wrongPassword: 4 });
    console.log(
      `login median ms — unknown user ${median(timings.unknown!).toFixed(1)}, ` +
        `disabled ${median(timings.disabled!).toFixed(1)}, wrong password ${median(timings.wrongPassword!).toFixed(1)}`,
    );
  });
});

describe('login throttling', () => {
  it("a stranger's failures slow the username for unknown browsers, never the user's own browser", async () => {
    const mine = await ownBrowser('zhuangan');
    const guesses = [];
    for (let i = 0; i < 8; i++) guesses.push((await attempt('zhuangan', `guess-${i}`)).status);
    expect(guesses).toEqual([422, 422, 422, 422, 422, 429, 429, 429]);
    expect((await attempt('zhuangan', TEST_PASSWORD)).status).toBe(429);
    expect((await attempt('zhuangan', TEST_PASSWORD, { device: mine })).status).toBe(200);
    expect(mine).toMatch(/^[\w-]{40,}$/); // an unguessable random id, nothing about the user
  });

  it("failures from an office's shared address do not keep users with their own browser out", async () => {
    process.env.LVZHI_TRUST_PROXY = '1';
    const office = '198.51.100.20';
    const mine = await ownBrowser('paidan');
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++)
      statuses.push((await attempt(`clerk${i}`, `typo-${i}`, { from: office })).status);
    expect(statuses.slice(28)).toEqual([422, 422, 429, 429]);
    expect((await attempt('paidan', TEST_PASSWORD, { from: office, device: mine })).status).toBe(
      200,
    );
    expect((await attempt('wuzhuang', TEST_PASSWORD, { from: office })).status).toBe(429);
  });

  it("a known browser's own failures slow only that browser, not the account elsewhere", async () => {
    const home = await ownBrowser('xuanchuan');
    const office = await ownBrowser('xuanchuan');
    const typos = [];
    for (let i = 0; i < 6; i++)
      typos.push((await attempt('xuanchuan', `typo-${i}`, { device: home })).status);
    expect(typos).toEqual([422, 422, 422, 422, 422, 429]);
    expect((await attempt('xuanchuan', TEST_PASSWORD, { device: home })).status).toBe(429);
    expect((await attempt('xuanchuan', TEST_PASSWORD, { device: office })).status).toBe(200);
    expect((await attempt('xuanchuan', TEST_PASSWORD)).status).toBe(200);
  });

  it('each failure past the free ones doubles the wait', async () => {
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) await attempt('cunganbu', `guess-${i}`);
    for (let round = 0; round < 3; round++) {
      expect((await attempt('cunganbu', `guess-x${round}`)).status).toBe(422);
      waits.push((await attempt('cunganbu', TEST_PASSWORD)).retryAfter!);
      // The wait runs out (as if its time had passed); the next failure starts a longer one.
      await t.database.db
        .updateTable('login_throttle')
        .set({ locked_until: new Date(Date.now() - 1000) })
        .where('key', '=', 'user:cunganbu')
        .execute();
    }
    expect(waits.map((w) => Math.round(w / 60))).toEqual([1, 2, 4]);
    expect((await attempt('cunganbu', TEST_PASSWORD)).status).toBe(200);
  });
});
