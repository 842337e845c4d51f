/**
 * Hostile input, generated: for every write route in the OpenAPI document, fast-check builds
 * bodies that break the route's own schema (a field of the wrong type, an unknown enum value,
 * an over-long string, a missing required field, not an object at all, not JSON at all). Each
 * must get 400/422 problem+json with Chinese in `detail` and in every error `message` — never
 * a 500, never a 2xx.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './testing.ts';

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; enum?: unknown[]; format?: string; maxLength?: number; minLength?: number; items?: Schema; $ref?: string; anyOf?: Schema[]; minimum?: number; maximum?: number };

let t: TestApp;
let admin: string;
let doc: { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema: Schema }> } }>>; components?: { schemas?: Record<string, Schema> } };
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  doc = (await t.call('GET', '/api/openapi.json')).body;
});
afterAll(() => t.close());

const CJK = /[\u4e00-\u9fff]/;
const SAMPLE_ID = '01900000-0000-7000-8000-000000000001';

function resolve(schema: Schema): Schema {
  if (schema.$ref) return resolve(doc.components!.schemas![schema.$ref.split('/').pop()!]!);
  if (schema.anyOf) return resolve(schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0]!);
  return schema;
}

function typeOf(schema: Schema): string {
  const s = resolve(schema);
  const types = Array.isArray(s.type) ? s.type.filter((x) => x !== 'null') : [s.type];
  return types[0] ?? (s.enum ? 'enum' : 'unknown');
}

/** A value that the property schema must reject. */
function wrongValue(schema: Schema): fc.Arbitrary<unknown> | null {
  const s = resolve(schema);
  if (s.enum) return fc.string({ minLength: 1, maxLength: 8 }).filter((v) => !s.enum!.includes(v)).map((v) => `无效-${v}`);
  switch (typeOf(s)) {
    case 'string':
      return fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.integer(), { maxLength: 2 }), ...(s.maxLength !== undefined ? [fc.constant('长'.repeat(s.maxLength + 1))] : []), ...(s.format === 'uuid' || s.format === 'date' ? [fc.constant('not-a-valid-value')] : []));
    case 'number':
    case 'integer':
      return fc.oneof(fc.string({ maxLength: 5 }).map((v) => `x${v}`), fc.boolean(), fc.constant({}));
    case 'boolean':
      return fc.oneof(fc.constant('是的'), fc.integer(), fc.constant([]));
    case 'array':
      return fc.oneof(fc.constant('不是数组'), fc.integer(), fc.constant({ a: 1 }));
    case 'object':
      return fc.oneof(fc.integer(), fc.constant('不是对象'));
    default:
      return null;
  }
}

function invalidBodies(schema: Schema): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  const props = Object.entries(s.properties ?? {});
  const strategies: fc.Arbitrary<unknown>[] = [fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }))];
  const wrongOnes = props.map(([key, p]) => [key, wrongValue(p)] as const).filter((x): x is readonly [string, fc.Arbitrary<unknown>] => x[1] !== null);
  if (wrongOnes.length) {
    strategies.push(fc.constantFrom(...wrongOnes).chain(([key, arb]) => arb.map((v) => ({ [key]: v }))));
  }
  if (s.required?.length) strategies.push(fc.constant({}));
  return fc.oneof(...strategies);
}

function writeRoutes() {
  const routes: { method: string; path: string; schema: Schema }[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const schema = op.requestBody?.content?.['application/json']?.schema;
      if (schema && ['post', 'patch', 'put'].includes(method)) routes.push({ method: method.toUpperCase(), path: path.replace('{townId}', t.townId).replace(/\{[A-Za-z]+\}/g, SAMPLE_ID), schema });
    }
  }
  return routes;
}

function assertChineseProblem(res: { status: number; body: any; headers: Headers }, where: string) {
  expect([400, 422], `${where} → ${res.status} ${JSON.stringify(res.body)}`).toContain(res.status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.body.detail, where).toMatch(CJK);
  for (const e of res.body.errors ?? []) expect(e.message, `${where}: ${JSON.stringify(e)}`).toMatch(CJK);
}

describe('invalid input to every write route', () => {
  it('covers a meaningful number of write routes', () => {
    expect(writeRoutes().length).toBeGreaterThanOrEqual(10);
  });

  it('answers schema-breaking bodies with 400/422 problem+json in Chinese', async () => {
    for (const route of writeRoutes()) {
      await fc.assert(
        fc.asyncProperty(invalidBodies(route.schema), async (body) => {
          const res = await t.call(route.method, route.path, { cookie: admin, body: JSON.stringify(body) });
          assertChineseProblem(res, `${route.method} ${route.path} ${JSON.stringify(body).slice(0, 200)}`);
        }),
        { numRuns: 25, seed: 20251001 },
      );
    }
  });

  it('answers bodies that are not JSON with 400 in Chinese', async () => {
    for (const route of writeRoutes()) {
      await fc.assert(
        fc.asyncProperty(fc.string({ minLength: 1, maxLength: 40 }).filter((s) => { try { JSON.parse(s); return false; } catch { return true; } }), async (text) => {
          const res = await t.call(route.method, route.path, { cookie: admin, body: text });
          assertChineseProblem(res, `${route.method} ${route.path} ${text}`);
        }),
        { numRuns: 5, seed: 7 },
      );
    }
  });

  it('refuses an oversized body with 413 in Chinese', async () => {
    const res = await t.call('POST', `/api/v1/towns/${t.townId}/units`, { cookie: admin, body: JSON.stringify({ name: 'x'.repeat(3 * 1024 * 1024) }) });
    expect(res.status).toBe(413);
    expect(res.body.detail).toMatch(CJK);
  });
});
