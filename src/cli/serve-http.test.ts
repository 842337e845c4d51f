/**
 * `lvzhi serve` over a real socket: what Node's HTTP parser answers before the app sees a request
 * (issue 10 item 13: a URL over 16 KB got a bare 431 with no body).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, stopServe, type Served } from './cli.testkit.ts';

let dir: string;
let served: Served;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lvzhi-http-'));
  served = await startServe(path.join(dir, 'data'), { LVZHI_NO_DEMO: '1' });
}, 300_000);
afterAll(async () => {
  if (served) await stopServe(served);
  await rm(dir, { recursive: true, force: true });
});

describe('lvzhi serve over HTTP', () => {
  it('answers a URL over 16 KB with a 431 problem+json in Chinese', async () => {
    const url = `http://127.0.0.1:${served.port}/api/v1/auth/me?q=${'长'.repeat(3000)}`;
    expect(url.length).toBeLessThan(16_384);
    expect(encodeURI(url).length).toBeGreaterThan(16_384);
    const res = await fetch(url);
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    const body = (await res.json()) as { status: number; detail: string; title: string };
    expect(body).toMatchObject({ status: 431, title: '请求过长' });
    expect(body.detail).toContain('超过 16 KB');
    // The server is fine afterwards.
    expect((await fetch(`http://127.0.0.1:${served.port}/healthz`)).status).toBe(200);
  });

  it('sends the security headers over a real socket', async () => {
    const res = await fetch(`http://127.0.0.1:${served.port}/healthz`);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self';");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
