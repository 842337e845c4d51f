/**
 * Hostile input, generated from the live OpenAPI document and route table, so a new route is
 * covered the day it is added. For every write route: bodies that break its schema, bodies that
 * are not JSON, well-formed bodies naming records that do not exist; DELETEs with a missing, bad
 * or stale `version` and absent ids; uploads without a usable file; actions on absent records;
 * Open311 POSTs with bad parameters. For every GET with query parameters: values its schema must
 * reject. Each answer is a problem+json (or Open311's own error) in Chinese — `detail`, and each
 * error's `message` and `label` — with a 4xx status: never a 500.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  absentId,
  assertChineseProblem,
  assertSuccessOrProblem,
  CJK,
  fuzzKit,
  type Answer,
  type FuzzKit,
  type OpenApiDoc,
  type Operation,
  type Parameter,
} from '../testing/openapi-fuzz.ts';
import { registeredRoutes } from '../http/route.ts';
import { createUser } from '../domains/auth/user.service.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../testing/app.ts';

let t: TestApp;
let admin: string;
let operator: string;
let doc: OpenApiDoc;
let kit: FuzzKit;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  // The national work calendar is written by the system operator only (issue 10 item 7).
  await t.database.db.transaction().execute((trx) =>
    createUser(
      trx,
      { actor: null, townId: t.townId, ip: null },
      {
        username: 'operator',
        displayName: '系统运维员',
        roles: [{ role: 'system_operator' }],
        password: TEST_PASSWORD,
      },
    ),
  );
  operator = await t.login('operator');
  doc = (await t.call('GET', '/api/openapi.json')).body;
  kit = fuzzKit(doc);
});
afterAll(() => t.close());

const WRITE = ['POST', 'PUT', 'PATCH', 'DELETE'];
/** Who may write to a route: the system operator for the work calendar, the town admin elsewhere. */
const writerOf = (path: string, townWriter = admin) =>
  path.startsWith('/api/v1/work-calendar') ? operator : townWriter;
const pathParams = (op: Operation) =>
  new Map((op.parameters ?? []).filter((p) => p.in === 'path').map((p) => [p.name, p]));
const queryParams = (op: Operation) => (op.parameters ?? []).filter((p) => p.in === 'query');
const jsonSchemaOf = (op: Operation) => op.requestBody?.content?.['application/json']?.schema;
const isUpload = (op: Operation) => !!op.requestBody?.content?.['multipart/form-data'];

/**
 * Path with {townId} the demo town and every other parameter a record that does not exist — the
 * town too when it is the record itself (`DELETE /towns/{townId}`), whose absent id then draws a 403.
 */
function absentPath(template: string, op: Operation, town: 'real' | 'absent' = 'absent'): string {
  const params = pathParams(op);
  return template.replace(/\{([A-Za-z]+)\}/g, (whole: string, name: string) =>
    name === 'townId' && (town === 'real' || !template.endsWith(whole))
      ? t.townId
      : encodeURIComponent(kit.absentParam(params.get(name))),
  );
}
/** Whether the path names a record by id (not, say, a calendar year that any PUT may create). */
const namesRecord = (template: string, op: Operation) =>
  [...pathParams(op).values()].some(
    (p) =>
      kit.resolve(p.schema).format === 'uuid' &&
      (p.name !== 'townId' || template.endsWith('{townId}')),
  );
/** Statuses for a request to an absent record: 404, or 403 when the absent record is a town. */
const absentStatuses = (template: string) => (template.endsWith('{townId}') ? [403, 404] : [404]);

const discovered = new Map<string, string | undefined>();
/**
 * Path with real records where they can be found: each parameter's value is taken from the last
 * item the list at the path before it returns (`…/appeals` for `…/appeals/{id}`), or from the
 * parameter's documented example; otherwise a record that does not exist.
 */
async function realPath(template: string, op: Operation): Promise<string> {
  return (await findRealPath(template, op)).path;
}

/** `complete` when every parameter named a real record. */
async function findRealPath(
  template: string,
  op: Operation,
): Promise<{ path: string; complete: boolean }> {
  const params = pathParams(op);
  let path = '';
  let complete = true;
  for (const part of template.split('/').slice(1)) {
    const name = /^\{([A-Za-z]+)\}$/.exec(part)?.[1];
    if (!name) {
      path += `/${part}`;
      continue;
    }
    if (name === 'townId') {
      path += `/${t.townId}`;
      continue;
    }
    if (!discovered.has(`${path} ${name}`)) {
      const res = await t.call('GET', path, { cookie: admin });
      const items: any[] | undefined =
        res.status === 200 ? (Array.isArray(res.body) ? res.body : res.body?.items) : undefined;
      // The last item, not the first: lists of accounts start with the admin running these tests.
      const first = items?.at(-1);
      const example = params.get(name)?.schema.example;
      const value =
        first?.[name] ??
        (name === 'code' ? first?.code : first?.id) ??
        (example !== undefined ? String(example) : undefined);
      discovered.set(`${path} ${name}`, value === undefined ? undefined : String(value));
    }
    const found = discovered.get(`${path} ${name}`);
    if (found === undefined) complete = false;
    path += `/${encodeURIComponent(found ?? kit.absentParam(params.get(name)))}`;
  }
  return { path, complete };
}

/** A request through the app with any body (FormData, text), answered as status + parsed body. */
async function send(
  method: string,
  path: string,
  init: { body?: BodyInit; headers?: Record<string, string>; cookie?: string | null } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.cookie !== null) headers.cookie = init.cookie ?? admin;
  const res = await t.app.request(path, { method, headers, body: init.body });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, headers: res.headers };
}

function documentedOps(filter: (method: string, op: Operation, path: string) => boolean) {
  return kit.operations().filter(([method, path, op]) => filter(method, op, path));
}
const jsonWriteOps = () => documentedOps((m, op) => WRITE.includes(m) && !!jsonSchemaOf(op));
const deleteOps = () => documentedOps((m) => m === 'DELETE');
const uploadOps = () => documentedOps((m, op) => WRITE.includes(m) && isUpload(op));
/** Write routes that take no body at all (revoke, logout): the path is the whole request. */
const actionOps = () =>
  documentedOps((m, op) => (m === 'POST' || m === 'PUT' || m === 'PATCH') && !op.requestBody);
const queryOps = () => documentedOps((m, op) => m === 'GET' && queryParams(op).length > 0);
const open311Posts = () =>
  registeredRoutes().filter((r) => r.method === 'POST' && r.path.startsWith('/open311/'));

describe('the fuzz covers every write route', () => {
  it('finds a generator for every write route in the route table', () => {
    const documented = new Set(
      [...jsonWriteOps(), ...deleteOps(), ...uploadOps(), ...actionOps()].map(
        ([m, p]) => `${m} ${p}`,
      ),
    );
    const open311 = new Set(open311Posts().map((r) => `${r.method} ${r.path}`));
    const writes = registeredRoutes()
      .filter((r) => WRITE.includes(r.method))
      .map((r) => `${r.method} ${r.path}`);
    expect(writes.filter((w) => !documented.has(w) && !open311.has(w))).toEqual([]);
    expect(writes.length).toBeGreaterThanOrEqual(60);
    expect(deleteOps().length).toBeGreaterThanOrEqual(5);
    expect(uploadOps().length).toBeGreaterThanOrEqual(5);
    expect(open311Posts().length).toBeGreaterThanOrEqual(2);
    expect(queryOps().length).toBeGreaterThanOrEqual(20);
  });
});

describe('schema-breaking bodies to every JSON write route', () => {
  it('answers them with 400/422 problem+json in Chinese, labels included', async () => {
    for (const [method, template, op] of jsonWriteOps()) {
      const path = absentPath(template, op, 'real');
      await fc.assert(
        fc.asyncProperty(kit.invalidBodies(jsonSchemaOf(op)!), async (body) => {
          const res = await t.call(method, path, {
            cookie: writerOf(path),
            body: JSON.stringify(body),
          });
          assertChineseProblem(
            res,
            [400, 422],
            `${method} ${template} ${JSON.stringify(body).slice(0, 200)}`,
          );
        }),
        { numRuns: 25, seed: 20251001 },
      );
    }
  });

  it('answers bodies that are not JSON with 400 in Chinese', async () => {
    for (const [method, template, op] of jsonWriteOps()) {
      const path = absentPath(template, op, 'real');
      await fc.assert(
        fc.asyncProperty(
          fc.string({ minLength: 1, maxLength: 40 }).filter((s) => {
            try {
              JSON.parse(s);
              return false;
            } catch {
              return true;
            }
          }),
          async (text) => {
            const res = await t.call(method, path, { cookie: writerOf(path), body: text });
            assertChineseProblem(res, [400, 422], `${method} ${template} ${text}`);
          },
        ),
        { numRuns: 5, seed: 7 },
      );
    }
  });

  it('labels optional and nullable fields in Chinese (people: birth date, unit)', async () => {
    const res = await t.call('POST', `/api/v1/towns/${t.townId}/people`, {
      cookie: admin,
      body: { name: '张三', birthDate: 'x', unitId: 'y' },
    });
    assertChineseProblem(res, [422], 'POST people');
    expect(res.body.errors.map((e: any) => [e.path, e.label])).toEqual([
      ['birthDate', '出生日期'],
      ['unitId', '所在单位'],
    ]);
  });

  it('refuses an oversized body with 413 in Chinese', async () => {
    const res = await t.call('POST', `/api/v1/towns/${t.townId}/units`, {
      cookie: admin,
      body: JSON.stringify({ name: 'x'.repeat(3 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(res.body.detail).toMatch(CJK);
  });
});

describe('DELETE routes', () => {
  const badVersions = fc.constantFrom(
    '',
    'abc',
    '-1',
    '0',
    '1.5',
    '1e3',
    '99999999999999999999',
    '１',
    '1;drop',
    'null',
  );

  it('answer a missing or invalid version and absent records with 400/404/422', async () => {
    for (const [, template, op] of deleteOps()) {
      const path = absentPath(template, op);
      const absent = absentStatuses(template);
      assertChineseProblem(
        await send('DELETE', path),
        [400, 422, ...absent],
        `DELETE ${template} without version`,
      );
      assertChineseProblem(
        await send('DELETE', `${path}?version=1`),
        absent,
        `DELETE ${template}?version=1 of an absent record`,
      );
      await fc.assert(
        fc.asyncProperty(badVersions, async (version) => {
          assertChineseProblem(
            await send('DELETE', `${path}?version=${encodeURIComponent(version)}`),
            [400, 422, ...absent],
            `DELETE ${template}?version=${version}`,
          );
        }),
        { numRuns: 10, seed: 31 },
      );
    }
  });

  it('answer a bad or stale version of a real record with 400/409/422, deleting nothing', async () => {
    for (const [, template, op] of deleteOps()) {
      if (!queryParams(op).some((p) => p.name === 'version')) continue;
      const { path, complete } = await findRealPath(template, op);
      if (!complete) continue;
      assertChineseProblem(
        await send('DELETE', path),
        [400, 404, 422],
        `DELETE ${path} without version`,
      );
      assertChineseProblem(
        await send('DELETE', `${path}?version=abc`),
        [400, 404, 422],
        `DELETE ${path}?version=abc`,
      );
      assertChineseProblem(
        await send('DELETE', `${path}?version=999999`),
        [404, 409],
        `DELETE ${path}?version=999999`,
      );
    }
  });
});

/** Query values the parameter's schema must reject, or null when any string is acceptable. */
function invalidQueryValues(p: Parameter): fc.Arbitrary<string> | null {
  const s = kit.resolve(p.schema);
  if (p.name === 'cursor')
    return fc.oneof(
      fc.string({ minLength: 1, maxLength: 30 }),
      fc.constantFrom(
        '!!!',
        'eyJ4IjoxfQ',
        Buffer.from('["x",1,null]').toString('base64url'),
        Buffer.from('[]').toString('base64url'),
      ),
    );
  if (s.enum)
    return fc
      .string({ minLength: 1, maxLength: 8 })
      .filter((v) => !s.enum!.includes(v))
      .map((v) => `无效${v}`);
  const type = kit.typeOf(s);
  if (type === 'integer' || type === 'number') {
    const out = [
      'abc',
      '-99999999',
      '99999999999999999999',
      '1e400',
      'NaN',
      ...(type === 'integer' ? ['1.5'] : []),
    ];
    if (s.maximum !== undefined) out.push(String(s.maximum + 1));
    if (s.minimum !== undefined) out.push(String(s.minimum - 1));
    return fc.constantFrom(...out);
  }
  if (type === 'boolean') return fc.constantFrom('maybe', '2', '是');
  if (s.format === 'date')
    return fc.constantFrom('2025-13-45', '2025-02-30', '20250101', 'x', '9999999-01-01');
  if (s.format === 'date-time') return fc.constantFrom('yesterday', '2025-13-01T00:00:00Z', '1');
  if (s.format === 'uuid')
    return fc.constantFrom('nope', '123', '01900000-0000-7000-8000-00000000000g');
  if (s.pattern)
    return fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((v) => !new RegExp(s.pattern!).test(v));
  if (s.maxLength !== undefined) return fc.constant('长'.repeat(s.maxLength + 1));
  return null;
}

describe('query parameters of GET routes', () => {
  /** Valid values for the required parameters, so only the one under test is wrong. */
  function baseline(op: Operation): Record<string, string> {
    const required = queryParams(op).filter((p) => p.required);
    const values = Object.fromEntries(
      required.map((p) => [
        p.name,
        String(fc.sample(kit.validValue(p.schema), { numRuns: 1, seed: 5 })[0]),
      ]),
    );
    if (values.from && values.to && values.from > values.to)
      [values.from, values.to] = [values.to, values.from];
    return values;
  }
  const withQuery = (path: string, query: Record<string, string>) =>
    `${path}?${new URLSearchParams(query).toString()}`;

  it('answers values the schema rejects (wrong enum, bad date, bad cursor, huge limit) with 400/422', async () => {
    for (const [, template, op] of queryOps()) {
      const { path, complete } = await findRealPath(template, op);
      // A path naming a record that could not be found may answer 404 once the query is valid.
      const allowed = complete ? [400, 422] : [400, 404, 422];
      for (const p of queryParams(op)) {
        const invalid = invalidQueryValues(p);
        if (!invalid) continue;
        await fc.assert(
          fc.asyncProperty(invalid, async (value) => {
            const url = withQuery(path, { ...baseline(op), [p.name]: value });
            assertChineseProblem(await send('GET', url), allowed, `GET ${url}`);
          }),
          { numRuns: 6, seed: 41 },
        );
      }
    }
  });

  it('answers free text of any kind (quotes, %, _, backslashes, NUL) without a 500', async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 20, unit: 'grapheme' }),
      fc.constantFrom("'", '%', '_', '\\', '%_\\', '\u0000', '你好\u0000', '[]', '{"a":', ' '),
    );
    for (const [, template, op] of queryOps()) {
      const path = await realPath(template, op);
      for (const p of queryParams(op).filter(
        (q) => !invalidQueryValues(q) && kit.typeOf(q.schema) === 'string',
      )) {
        await fc.assert(
          fc.asyncProperty(text, async (value) => {
            const url = withQuery(path, { ...baseline(op), [p.name]: value });
            assertSuccessOrProblem(await send('GET', url), [400, 404, 422], `GET ${url}`);
          }),
          { numRuns: 6, seed: 43 },
        );
      }
    }
  });
});

describe('uploads', () => {
  const file = (bytes: Uint8Array<ArrayBuffer>, name: string, type = 'application/octet-stream') =>
    new File([bytes], name, { type });
  const forms: Record<string, () => FormData> = {
    'no fields': () => new FormData(),
    'file as text': () => {
      const f = new FormData();
      f.set('file', '不是文件');
      return f;
    },
    'file under another field': () => {
      const f = new FormData();
      f.set('upload', file(new Uint8Array([1, 2, 3]), 'a.pdf'));
      return f;
    },
    'empty file': () => {
      const f = new FormData();
      f.set('file', file(new Uint8Array(), 'empty.pdf', 'application/pdf'));
      return f;
    },
    'file of unknown content': () => {
      const f = new FormData();
      f.set('file', file(new Uint8Array(64).fill(7), 'x.docx'));
      return f;
    },
    'junk fields beside the file': () => {
      const f = new FormData();
      f.set('file', file(new Uint8Array(), ''));
      f.set('personId', 'nope');
      f.set('year', 'abc');
      return f;
    },
  };

  // 404 when the record is absent.
  it('answer no file, an empty file or a wrong field with 400/413/415/422', async () => {
    for (const [method, template, op] of uploadOps()) {
      for (const path of [await realPath(template, op), absentPath(template, op)]) {
        for (const [name, form] of Object.entries(forms)) {
          assertChineseProblem(
            await send(method, path, { body: form() }),
            [400, 404, 413, 415, 422],
            `${method} ${path} (${name})`,
          );
        }
        assertChineseProblem(
          await send(method, path, { body: '{}', headers: { 'content-type': 'application/json' } }),
          [400, 404, 415, 422],
          `${method} ${path} (JSON instead of a file)`,
        );
        assertChineseProblem(
          await send(method, path, {
            body: '--x\r\nbroken',
            headers: { 'content-type': 'multipart/form-data; boundary=x' },
          }),
          [400, 404, 415, 422],
          `${method} ${path} (broken multipart)`,
        );
      }
    }
  });
});

describe('actions without a body', () => {
  it('answer absent records with 404, never a 500', async () => {
    // A session of its own: logging out here must not end the one the other tests use.
    const cookie = await t.login('admin');
    const ownSessionLast = actionOps().sort(
      ([, a], [, b]) =>
        Number(a.startsWith('/api/v1/auth/')) - Number(b.startsWith('/api/v1/auth/')),
    );
    for (const [method, template, op] of ownSessionLast) {
      const path = absentPath(template, op);
      assertSuccessOrProblem(
        await send(method, path, { cookie }),
        [400, 404, 409, 422],
        `${method} ${template}`,
      );
      if (/\{(?!townId)[A-Za-z]+\}/.test(template))
        assertChineseProblem(
          await send(method, path, { cookie }),
          [404, 422],
          `${method} ${template} on an absent record`,
        );
    }
  });
});

describe('Open311 POST requests', () => {
  /** The spec's error shape: JSON `[{code, description}]` or XML `<errors><error>…`, described in Chinese. */
  function assertOpen311Error(res: Answer, allowed: number[], where: string) {
    const said = `${where} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
    expect(allowed, said).toContain(res.status);
    if (typeof res.body === 'string') {
      expect(res.body, said).toMatch(
        /<errors><error><code>\d+<\/code><description>[^<]*[\u4e00-\u9fff]/,
      );
    } else {
      expect(res.body[0].code, said).toBe(res.status);
      expect(res.body[0].description, said).toMatch(CJK);
    }
  }

  it('answer bad keys and parameters in the spec’s error format in Chinese, never a 500', async () => {
    const key = (
      await t.call('POST', `/api/v1/towns/${t.townId}/open311/keys`, {
        cookie: admin,
        body: { label: '模糊测试' },
      })
    ).body.key as string;
    const services = (await t.call('GET', '/open311/v2/services.json')).body as {
      service_code: string;
    }[];
    const serviceCode = services[0]!.service_code;
    const valid = {
      api_key: key,
      service_code: serviceCode,
      lat: '30.1',
      long: '120.2',
      description: '模糊测试诉求',
    };
    const bad: [Record<string, string>, number[]][] = [
      [{ service_code: serviceCode }, [403]],
      [{ ...valid, api_key: 'not-a-key' }, [403]],
      [{ ...valid, jurisdiction_id: 'no-such-town' }, [403, 404]],
      [{ api_key: key }, [400]],
      [{ ...valid, service_code: 'no.such.service' }, [404]],
      [{ ...valid, lat: 'abc' }, [400]],
      [{ ...valid, lat: '91' }, [400]],
      [{ ...valid, long: undefined as unknown as string }, [400]],
      [{ api_key: key, service_code: serviceCode, description: 'x' }, [400]],
      [{ ...valid, media_url: 'javascript:alert(1)' }, [400]],
      [{ ...valid, description: '长'.repeat(20000) }, [400, 413]],
    ];
    for (const r of open311Posts()) {
      for (const [params, allowed] of bad) {
        const body = new URLSearchParams(
          Object.entries(params).filter(([, v]) => v !== undefined),
        ).toString();
        assertOpen311Error(
          await send('POST', r.path, {
            cookie: null,
            body,
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          }),
          allowed,
          `POST ${r.path} ${body.slice(0, 200)}`,
        );
      }
      assertOpen311Error(
        await send('POST', r.path, {
          cookie: null,
          body: 'not json',
          headers: { 'content-type': 'application/json' },
        }),
        [400, 403],
        `POST ${r.path} broken JSON`,
      );
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(
            fc.constantFrom(
              'lat',
              'long',
              'address_string',
              'address_id',
              'email',
              'device_id',
              'account_id',
              'first_name',
              'last_name',
              'phone',
              'description',
              'media_url',
              'attribute[village]',
              'jurisdiction_id',
              'service_code',
            ),
            fc.string({ maxLength: 30 }),
            { maxKeys: 5 },
          ),
          async (extra) => {
            const body = new URLSearchParams({ ...valid, ...extra }).toString();
            const res = await send('POST', r.path, {
              cookie: null,
              body,
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
            });
            if (res.status !== 201)
              assertOpen311Error(
                res,
                [400, 403, 404, 409, 413, 429],
                `POST ${r.path} ${body.slice(0, 300)}`,
              );
          },
        ),
        { numRuns: 15, seed: 61 },
      );
    }
  });
});

describe('well-formed bodies naming records that do not exist', () => {
  // The minimal valid body (required fields, plus every field holding an id, filled with fresh
  // UUIDv7s) goes to an absent record's path and to a real one's. Wherever an id is in the body
  // the answer is a 404/409/422; a body without ids may succeed (a PUT of a calendar year).
  it('answer 404/409/422, never a 500', async () => {
    // A session of its own, as these writes touch real accounts (a password reset ends their sessions).
    const writer = await t.login('admin');
    for (const [method, template, op] of jsonWriteOps()) {
      // The caller's own login and password: not a reference to anything.
      if (template.startsWith('/api/v1/auth/')) continue;
      const schema = jsonSchemaOf(op)!;
      const absent = absentPath(template, op);
      const paths: [string, boolean][] = [
        [absent, namesRecord(template, op)],
        [await realPath(template, op), false],
      ];
      for (const [path, pathIsAbsent] of paths) {
        await fc.assert(
          fc.asyncProperty(kit.minimalBody(schema), async (body) => {
            const res = await t.call(method, path, {
              cookie: writerOf(path, writer),
              body,
            });
            const where = `${method} ${path} ${JSON.stringify(body).slice(0, 300)}`;
            if (pathIsAbsent)
              assertChineseProblem(res, [409, 422, ...absentStatuses(template)], where);
            else if (kit.holdsId(schema)) assertChineseProblem(res, [404, 409, 422], where);
            else assertSuccessOrProblem(res, [404, 409, 422], where);
          }),
          { numRuns: 4, seed: 53 },
        );
      }
    }
  });
});

it('uses fresh UUIDv7 ids for absent records', () => {
  expect(absentId()).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  );
});
