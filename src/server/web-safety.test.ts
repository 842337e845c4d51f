/**
 * Issue 10 item 6: security headers on every response, and cookie-authenticated writes only from
 * the app's own pages (a page on another port of the same host is the same *site*, so SameSite
 * cookies alone let it post).
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { IN_PROCESS_CONFIG } from '../testing/app-config.ts';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

const OWN = 'http://localhost'; // app.request() addresses the app as http://localhost
const OTHER_PORT = 'http://localhost:8081';

async function signedIn(cookie: string) {
  return (await t.call('GET', '/api/v1/auth/me', { cookie })).status === 200;
}

describe('security headers', () => {
  it('every kind of response carries CSP (no unsafe scripts), frame-ancestors, nosniff, Referrer-Policy', async () => {
    const responses = [
      await t.app.request('/healthz'),
      await t.app.request('/'),
      await t.app.request('/login'),
      await t.app.request('/api/docs'),
      await t.app.request('/api/openapi.json'),
      await t.app.request('/api/v1/nowhere'),
      await t.app.request('/api/v1/auth/me'),
      await t.app.request(`/api/v1/towns/${t.townId}/units`, { headers: { cookie: admin } }),
      await t.app.request('/api/v1/auth/login', { method: 'POST', body: '{' }),
      await t.app.request('/open311/v2/services.json'),
    ];
    for (const res of responses) {
      const csp = res.headers.get('content-security-policy') ?? '';
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
      expect(scriptSrc, `${res.url} ${res.status}`).toBe("'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });
});

describe('same-origin writes', () => {
  it('refuses a signed-in write from another port of the same host (logout, import, upload)', async () => {
    const cookie = await t.login('admin');
    const attacks: Record<string, string>[] = [
      { origin: OTHER_PORT, 'sec-fetch-site': 'same-site' },
      { origin: OTHER_PORT }, // plain-http intranet: browsers send no Sec-Fetch-*
      { origin: 'null' }, // a sandboxed frame or a data: page
    ];
    for (const headers of attacks) {
      const logout = await t.call('POST', '/api/v1/auth/logout', { cookie, headers });
      expect(logout.status).toBe(403);
      expect(logout.headers.get('content-type')).toContain('application/problem+json');
      expect(logout.body.detail).toContain('已拒绝来自其他网页');
      expect(await signedIn(cookie)).toBe(true);

      const form = new FormData();
      form.set('file', new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])], 'a.pdf'));
      const upload = await t.app.request(`/api/v1/towns/${t.townId}/attachments`, {
        method: 'POST',
        headers: { cookie, ...headers },
        body: form,
      });
      expect(upload.status).toBe(403);
      const imported = await t.app.request(
        `/api/v1/towns/${t.townId}/ledger-types/propaganda_item/import`,
        {
          method: 'POST',
          headers: { cookie, 'content-type': 'text/plain', ...headers },
          body: 'x',
        },
      );
      expect(imported.status).toBe(403);
    }
    const files = await t.database.db
      .selectFrom('attachment')
      .select('id')
      .where('filename', '=', 'a.pdf')
      .execute();
    expect(files).toEqual([]);
  });

  it('refuses a login posted from another origin (login CSRF)', async () => {
    const res = await t.call('POST', '/api/v1/auth/login', {
      body: { username: 'admin', password: 'x' },
      headers: { origin: OTHER_PORT },
    });
    expect(res.status).toBe(403);
  });

  it("accepts writes from the app's own pages, from non-browser clients, and unsigned public posts", async () => {
    const cookie = await t.login('admin');
    const own: Record<string, string>[] = [
      { origin: OWN },
      { origin: OTHER_PORT, 'sec-fetch-site': 'same-origin' }, // the browser's own verdict
      {}, // curl, scripts: no Origin, no Sec-Fetch-*
    ];
    for (const headers of own) {
      const res = await t.call('GET', '/api/v1/auth/me', { cookie, headers });
      expect(res.status).toBe(200);
      const pw = await t.call('POST', '/api/v1/auth/password', {
        cookie,
        headers,
        body: { currentPassword: 'wrong-one-1', newPassword: 'x' },
      });
      expect(pw.status).toBe(422); // reached the handler
    }
    await t.database.db.deleteFrom('login_throttle').execute();
    // No cookie, no ambient authority: a resident's form or an Open311 client may post from anywhere.
    const anonymous = await t.call('POST', '/api/v1/public/towns/qingshi/appeals', {
      body: {},
      headers: { origin: 'https://www.example.org' },
    });
    expect(anonymous.status).not.toBe(403);
  });

  it('behind a reverse proxy accepts the configured public origin and the forwarded host, nothing else', async () => {
    const app = createApp({
      db: t.database.db,
      logger: pino({ level: 'silent' }),
      config: { ...IN_PROCESS_CONFIG, allowedOrigins: ['https://lvzhi.example.gov.cn'] },
    });
    const cookie = await t.login('admin');
    const post = (headers: Record<string, string>) =>
      app.request('/api/v1/auth/password', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ currentPassword: 'wrong-two-2', newPassword: 'x' }),
      });
    expect((await post({ origin: 'https://lvzhi.example.gov.cn' })).status).toBe(422);
    expect((await post({ origin: 'https://evil.example.gov.cn' })).status).toBe(403);
    process.env.LVZHI_TRUST_PROXY = '1';
    try {
      const forwarded = { 'x-forwarded-host': 'zw.example.cn', 'x-forwarded-proto': 'https' };
      expect((await post({ origin: 'https://zw.example.cn', ...forwarded })).status).toBe(422);
      expect((await post({ origin: 'http://zw.example.cn:8081', ...forwarded })).status).toBe(403);
    } finally {
      delete process.env.LVZHI_TRUST_PROXY;
      await t.database.db.deleteFrom('login_throttle').execute();
    }
  });
});
