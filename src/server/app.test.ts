import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredRoutes } from '../http/route.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const CJK = /[\u4e00-\u9fff]/;

describe('app shell', () => {
  it('answers readiness at /healthz after touching the database', async () => {
    const res = await t.call('GET', '/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('answers an unknown API path with a 404 not-found problem in Chinese', async () => {
    const res = await t.call('GET', '/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.type).toMatch(/\/problems\/not-found$/);
    expect(res.body.detail).toMatch(CJK);
  });

  it('serves the web page for client-side routes but a 404 for a missing asset', async () => {
    const page = await t.app.request('/org/units');
    expect([200, 503]).toContain(page.status);
    expect(page.headers.get('content-type')).toMatch(
      page.status === 200 ? /text\/html/ : /text\/plain/,
    );
    const asset = await t.app.request('/assets/no-such-bundle.js');
    expect(asset.status).toBe(404);
  });

  it('documents every registered route in the OpenAPI 3.1 document, except Open311’s own-spec endpoints', async () => {
    const doc = (await t.call('GET', '/api/openapi.json')).body as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(
      (doc as unknown as { components: { securitySchemes: Record<string, unknown> } }).components
        .securitySchemes.session,
    ).toMatchObject({ type: 'apiKey', in: 'cookie' });
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    );
    const routes = registeredRoutes().filter((r) => !r.path.startsWith('/open311/'));
    expect(routes.length).toBeGreaterThan(100);
    expect(routes.map((r) => `${r.method} ${r.path}`).filter((r) => !documented.has(r))).toEqual(
      [],
    );
    // Every documented operation has a Chinese summary, so the browsable page is readable.
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops as Record<string, { summary?: string }>))
        expect(op.summary, `${method} ${path}`).toMatch(CJK);
    }
  });

  it('serves the browsable API page from its own assets, nothing from a CDN', async () => {
    const page = await t.app.request('/api/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const asset of assets) expect((await t.app.request(asset)).status, asset).toBe(200);
    const init = await (await t.app.request('/api/docs/init.js')).text();
    expect(init).toContain('/api/openapi.json');
    expect(init).not.toMatch(/https?:\/\//);
  });
});
