import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import type { DB } from '../db/schema.ts';
import { createApp } from './app.ts';

// A web build in miniature: a hashed bundle with the .br/.gz files the build writes beside it.
const dir = mkdtempSync(path.join(os.tmpdir(), 'lvzhi-web-'));
const js = Buffer.from(`export const x = ${JSON.stringify('履职'.repeat(2000))};\n`);
mkdirSync(path.join(dir, 'assets'));
writeFileSync(
  path.join(dir, 'index.html'),
  '<!doctype html><script src="/assets/app-Bx1.js"></script>',
);
writeFileSync(path.join(dir, 'assets/app-Bx1.js'), js);
writeFileSync(path.join(dir, 'assets/app-Bx1.js.br'), brotliCompressSync(js));
writeFileSync(path.join(dir, 'assets/app-Bx1.js.gz'), gzipSync(js));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Static files never reach the database.
const app = createApp({
  db: {} as Kysely<DB>,
  logger: pino({ level: 'silent' }),
  config: { secureCookies: false, sessionIdleHours: 12, sessionMaxDays: 7, webDir: dir },
});
const get = (p: string, encoding?: string) =>
  app.request(p, { headers: encoding ? { 'accept-encoding': encoding } : {} });

describe('web assets as served', () => {
  it('sends brotli to a browser that takes it, gzip to one that takes only gzip, else plain', async () => {
    const br = await get('/assets/app-Bx1.js', 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    const brBody = Buffer.from(await br.arrayBuffer());
    expect(Number(br.headers.get('content-length'))).toBe(brBody.length);
    expect(brBody.length).toBeLessThan(js.length / 10);

    const gz = await get('/assets/app-Bx1.js', 'gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(Buffer.from(await gz.arrayBuffer()).length).toBeLessThan(js.length / 10);

    const plain = await get('/assets/app-Bx1.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await plain.arrayBuffer()).equals(js)).toBe(true);
  });

  it('caches hashed assets for a year and makes the page revalidate', async () => {
    const asset = await get('/assets/app-Bx1.js', 'br');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const page = await get('/org/units');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect((await get('/assets/missing-C2.js')).status).toBe(404);
  });
});
