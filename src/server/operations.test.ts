/**
 * Operations endpoints and request ids: /metrics (Prometheus text, loopback or token only, with
 * figures checked against the tables), X-Request-Id on every response, in problem+json bodies and
 * in the log lines of the request.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoTown } from '../demo/demo-town.ts';
import { createTestDatabase, type TestDatabase } from '../testing/database.ts';
import { createApp } from './app.ts';
import { WEB_DIST } from './config.ts';
import { TEST_PASSWORD } from '../testing/app.ts';

const TOKEN = 'metrics-token-0123456789';
let database: TestDatabase;
let app: ReturnType<typeof createApp>;
let townId: string;
let base: string;
let close: () => Promise<void>;
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  townId = (await createDemoTown(database.db, TEST_PASSWORD)).townId;
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  app = createApp({
    db: database.db,
    logger: pino({ level: 'info' }, sink),
    pool: () => database.poolStats(),
    scheduler: () => ({ ticks: 3, skipped: 1, failures: 0, lastTickMs: 42 }),
    config: {
      secureCookies: false,
      sessionIdleHours: 12,
      sessionMaxDays: 7,
      webDir: WEB_DIST,
      metricsToken: TOKEN,
    },
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise<void>((resolve) => server.close(() => resolve()));
});
afterAll(async () => {
  await close?.();
  await database?.close();
});

async function login(username: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** Value of one sample line `name{labels} value`, labels given in the order prom-client prints. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | null {
  const inner = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',');
  const head = inner ? `${name}{${inner}} ` : `${name} `;
  const line = text.split('\n').find((l) => l.startsWith(head));
  return line ? Number(line.slice(head.length)) : null;
}

describe('/metrics', () => {
  it('answers a scraper on the machine itself in Prometheus text, with figures that match the tables', async () => {
    const cookie = await login('paidan');
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${base}/api/v1/towns/${townId}/appeals/overdue`, {
        headers: { cookie },
      });
      expect(res.status).toBe(200);
    }
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    // Requests and latencies by route pattern (never the concrete path with its ids).
    const route = '/api/v1/towns/:townId/appeals/overdue';
    expect(sample(text, 'lvzhi_http_requests_total', { method: 'GET', route, status: '200' })).toBe(
      3,
    );
    expect(
      sample(text, 'lvzhi_http_request_duration_seconds_count', { method: 'GET', route }),
    ).toBe(3);
    expect(text).not.toContain(townId);
    expect(sample(text, 'lvzhi_http_requests_in_flight')).toBe(1); // this scrape
    // The queues and the overdue count, against an independent count from the table.
    const rows = await database.db
      .selectFrom('appeal')
      .select(['state', 'next_due_at'])
      .where('town_id', '=', townId)
      .where('closed_at', 'is', null)
      .where('merged_into', 'is', null)
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    const byState = new Map<string, number>();
    for (const r of rows) byState.set(r.state, (byState.get(r.state) ?? 0) + 1);
    for (const [state, n] of byState)
      expect(sample(text, 'lvzhi_appeals_open', { town: 'qingshi', state }), state).toBe(n);
    const overdue = rows.filter((r) => r.next_due_at && new Date(r.next_due_at) < new Date());
    expect(overdue.length).toBeGreaterThan(0);
    expect(sample(text, 'lvzhi_appeals_overdue', { town: 'qingshi' })).toBe(overdue.length);
    // Scheduler runs of this process, the pool, the process itself.
    expect(sample(text, 'lvzhi_scheduler_runs_total', { outcome: 'ran' })).toBe(3);
    expect(sample(text, 'lvzhi_scheduler_runs_total', { outcome: 'skipped' })).toBe(1);
    expect(sample(text, 'lvzhi_scheduler_last_tick_duration_seconds')).toBe(0.042);
    expect(sample(text, 'lvzhi_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'lvzhi_db_pool_connections', { state: 'waiting' })).toBe(0);
    expect(sample(text, 'lvzhi_process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
  });

  it('refuses a proxied request, a wrong token and a caller without a socket; takes the token', async () => {
    const proxied = await fetch(`${base}/metrics`, { headers: { 'x-forwarded-for': '10.1.2.3' } });
    expect(proxied.status).toBe(403);
    const body = (await proxied.json()) as { detail: string; requestId: string };
    expect(body.detail).toMatch(/只允许本机直连读取/);
    const wrong = await fetch(`${base}/metrics`, {
      headers: { 'x-forwarded-for': '10.1.2.3', authorization: `Bearer ${TOKEN.slice(1)}x` },
    });
    expect(wrong.status).toBe(403);
    const noSocket = await app.request('/metrics');
    expect(noSocket.status).toBe(403);
    const withToken = await app.request('/metrics', {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(withToken.status).toBe(200);
    expect(await withToken.text()).toContain('lvzhi_appeals_open');
  });
});

describe('request ids', () => {
  it('are on every response, in problem bodies and in the log line of the request', async () => {
    const res = await fetch(`${base}/api/v1/towns/${townId}/appeals`, {
      headers: { 'x-request-id': 'probe-0001' },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('x-request-id')).toBe('probe-0001');
    expect(((await res.json()) as { requestId: string }).requestId).toBe('probe-0001');
    const line = logLines.find((l) => l.requestId === 'probe-0001' && l.msg === 'request');
    expect(line).toMatchObject({ status: 401, method: 'GET' });

    // A header that is not a plain token (it would end up in the logs) is replaced by a new id.
    const forged = await fetch(`${base}/api/v1/towns/${townId}/appeals`, {
      headers: { 'x-request-id': 'x'.repeat(200) },
    });
    const id = forged.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(((await forged.json()) as { requestId: string }).requestId).toBe(id);
    const ok = await fetch(`${base}/healthz`);
    expect(ok.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
