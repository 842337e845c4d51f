import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { addOtherTown } from '../../testing/scope/matrix.ts';
import { appealKit, type AppealKit } from '../../testing/appeals.ts';
import { DEMO_OPEN311_KEY, hashApiKey } from './open311.keys.ts';

let t: TestApp;
let k: AppealKit;
beforeAll(async () => {
  t = await createTestApp();
  k = appealKit(t);
});
afterAll(() => t.close());

const J = 'jurisdiction_id=qingshi';
const form = (p: Record<string, string>) => new URLSearchParams(p).toString();
const post = (fmt: 'json' | 'xml', p: Record<string, string>) =>
  t.call('POST', `/open311/v2/requests.${fmt}`, {
    body: form(p),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
const valid = {
  api_key: DEMO_OPEN311_KEY,
  jurisdiction_id: 'qingshi',
  service_code: 'environment.noise',
  lat: '30.12',
  long: '120.34',
  description: '工地夜间施工噪音，电话 13900001111',
  first_name: '小红',
  last_name: '李',
};
/** Text of every `<tag>` in an XML string (enough for these flat documents, no parser needed). */
const tags = (xml: string, tag: string) =>
  [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]);

describe('Open311 GeoReport v2 services', () => {
  it('lists services in JSON and XML with the spec fields', async () => {
    const json = await t.call('GET', `/open311/v2/services.json?${J}`);
    expect(json.status).toBe(200);
    expect(json.body.find((s: any) => s.service_code === 'urban.roads')).toEqual({
      service_code: 'urban.roads',
      service_name: '道路设施',
      description: expect.stringContaining('城乡建设'),
      metadata: true,
      type: 'realtime',
      keywords: '城乡建设,道路设施',
      group: '城乡建设',
    });
    const xml = await t.call('GET', `/open311/v2/services.xml?${J}`);
    expect(xml.headers.get('content-type')).toContain('text/xml');
    expect(xml.body).toMatch(/^<\?xml[^>]*\?><services><service><service_code>/);
    expect(tags(xml.body, 'service_code')).toHaveLength(json.body.length);
  });

  it('describes a service with its attributes, and 404s an unknown one in the spec error format', async () => {
    const def = await t.call('GET', `/open311/v2/services/urban.roads.json?${J}`);
    expect(def.body.service_code).toBe('urban.roads');
    expect(def.body.attributes[0]).toMatchObject({
      code: 'village',
      datatype: 'singlevaluelist',
      required: false,
      order: 1,
    });
    expect(def.body.attributes[0].values.map((v: any) => v.name)).toContain('石桥村');
    const xml = await t.call('GET', `/open311/v2/services/urban.roads.xml?${J}`);
    expect(xml.body).toContain(
      '<service_definition><service_code>urban.roads</service_code><attributes><attribute><variable>true</variable>',
    );
    expect(xml.body).toContain('<values><value><key>');
    const missing = await t.call('GET', `/open311/v2/services/nope.json?${J}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual([
      { code: 404, description: expect.stringMatching(/服务代码「nope」不存在/) },
    ]);
    const missingXml = await t.call('GET', `/open311/v2/services/nope.xml?${J}`);
    expect(missingXml.body).toMatch(/<errors><error><code>404<\/code><description>服务代码/);
  });

  it('asks for jurisdiction_id once more than one town is served', async () => {
    await addOtherTown(t.database.db);
    const res = await t.call('GET', '/open311/v2/services.json');
    expect(res.status).toBe(400);
    expect(res.body[0].description).toMatch(/jurisdiction_id/);
    expect((await t.call('GET', '/open311/v2/services.json?jurisdiction_id=atlantis')).status).toBe(
      404,
    );
  });
});

describe('Open311 GeoReport v2 requests', () => {
  it('refuses a POST without or with a bad api_key with 403 in the spec format', async () => {
    const { api_key: _, ...noKey } = valid;
    const none = await post('json', noKey);
    expect(none.status).toBe(403);
    expect(none.body).toEqual([{ code: 403, description: expect.stringMatching(/缺少 api_key/) }]);
    const bad = await post('xml', { ...valid, api_key: 'wrong' });
    expect(bad.status).toBe(403);
    expect(bad.body).toMatch(/<errors><error><code>403<\/code><description>api_key 无效/);
  });

  it('needs a location: lat and long, or address_string', async () => {
    const { lat: _a, long: _b, ...noPlace } = valid;
    const res = await post('json', noPlace);
    expect(res.status).toBe(400);
    expect(res.body[0].description).toMatch(/缺少位置/);
    expect((await post('json', { ...noPlace, address_string: '青石镇新街 12 号' })).status).toBe(
      201,
    );
    expect((await post('json', { ...valid, service_code: 'nope' })).status).toBe(404);
  });

  it('files an order, resolves its token and returns it by id in JSON and XML', async () => {
    const res = await post('json', valid);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [posted] = res.body;
    expect(posted).toEqual({
      service_request_id: expect.stringMatching(/^\d{2}-\d{5}$/),
      service_notice: expect.stringContaining('查询码'),
      account_id: null,
    });
    const row = await t.database.db
      .selectFrom('appeal')
      .selectAll()
      .where('code', '=', posted.service_request_id)
      .executeTakeFirstOrThrow();
    // The token is not returned with an id (the spec: one or the other) but still resolves.
    const { token } = await t.database.db
      .selectFrom('public_request')
      .select('token')
      .where('appeal_id', '=', row.id)
      .executeTakeFirstOrThrow();
    const created = { ...posted, token };
    expect(row).toMatchObject({
      channel: 'open311',
      kind: 'hotline',
      state: 'registered',
      contact_name: '李小红',
      lat: 30.12,
      lng: 120.34,
      category_code: 'environment.noise',
    });
    const byToken = await t.call('GET', `/open311/v2/tokens/${created.token}.json?${J}`);
    expect(byToken.body).toEqual([
      { service_request_id: created.service_request_id, token: created.token },
    ]);
    const tokenXml = await t.call('GET', `/open311/v2/tokens/${created.token}.xml?${J}`);
    expect(tags(tokenXml.body, 'service_request_id')).toEqual([created.service_request_id]);
    expect(
      (await t.call('GET', `/open311/v2/tokens/01900000-0000-7000-8000-000000000009.json?${J}`))
        .status,
    ).toBe(404);
    const one = await t.call('GET', `/open311/v2/requests/${created.service_request_id}.json?${J}`);
    expect(one.body[0]).toMatchObject({
      service_request_id: created.service_request_id,
      status: 'open',
      status_notes: '待派单',
      service_name: '噪声污染',
      service_code: 'environment.noise',
      agency_responsible: '青石镇（待派单）',
      // The public projection: no point, no resident text until a handler publishes some.
      address: '青石镇',
      lat: null,
      long: null,
      description: null,
    });
    for (const secret of ['李小红', '13900001111', '施工噪音', '30.12', '120.34'])
      expect(JSON.stringify(one.body)).not.toContain(secret);
    const xml = await t.call('GET', `/open311/v2/requests/${created.service_request_id}.xml?${J}`);
    expect(xml.body).toMatch(
      new RegExp(
        '<service_requests><request><service_request_id>\\d{2}-\\d{5}</service_request_id>' +
          '<status>open</status><status_notes>待派单</status_notes>',
      ),
    );
    expect((await t.call('GET', `/open311/v2/requests/99-99999.json?${J}`)).status).toBe(404);
  });

  // Filters by status, service and ids; defaults to the last 90 days.
  it('maps workflow states to open/closed and filters', async () => {
    const [closedOne] = (await post('json', valid)).body;
    const [openOne] = (await post('json', { ...valid, service_code: 'urban.roads' })).body;
    // Walk one order to 办结 through the workflow, and age another beyond the default window.
    let a = await t.database.db
      .selectFrom('appeal')
      .select(['id', 'version'])
      .where('code', '=', closedOne.service_request_id)
      .executeTakeFirstOrThrow();
    a = await k.act('paidan', a, 'dispatch', { unitId: await k.unit('office_propaganda') });
    a = await k.act('zhuangan', a, 'claim');
    a = await k.act('zhuangan', a, 'reply', { replyText: '已处理', contacted: true });
    a = await k.act('paidan', a, 'follow_up', { satisfaction: '满意', solved: true });
    await k.act('paidan', a, 'close');
    const [old] = (await post('json', valid)).body;
    await t.database.db
      .updateTable('appeal')
      .set({ received_at: new Date(Date.now() - 120 * 86_400_000) })
      .where('code', '=', old.service_request_id)
      .execute();

    const ids = (r: any) => r.body.map((x: any) => x.service_request_id);
    const all = await t.call('GET', `/open311/v2/requests.json?${J}`);
    expect(ids(all)).toEqual(
      expect.arrayContaining([closedOne.service_request_id, openOne.service_request_id]),
    );
    expect(ids(all)).not.toContain(old.service_request_id);
    const closed = await t.call('GET', `/open311/v2/requests.json?${J}&status=closed`);
    expect(
      closed.body.find((x: any) => x.service_request_id === closedOne.service_request_id),
    ).toMatchObject({
      status: 'closed',
      status_notes: '已办结',
      agency_responsible: '宣传统战办公室',
    });
    expect(ids(closed)).not.toContain(openOne.service_request_id);
    const open = await t.call(
      'GET',
      `/open311/v2/requests.xml?${J}&status=open&service_code=urban.roads`,
    );
    expect(tags(open.body, 'status').every((s) => s === 'open')).toBe(true);
    expect(tags(open.body, 'service_request_id')).toContain(openOne.service_request_id);
    expect(tags(open.body, 'service_code').every((s) => s === 'urban.roads')).toBe(true);
    const byId = await t.call(
      'GET',
      `/open311/v2/requests.json?${J}&status=open` +
        `&service_request_id=${old.service_request_id},${closedOne.service_request_id}`,
    );
    // Ids override the other filters.
    expect(ids(byId).sort()).toEqual([old.service_request_id, closedOne.service_request_id].sort());
    const start = new Date(Date.now() - 130 * 86_400_000).toISOString();
    const window = await t.call(
      'GET',
      `/open311/v2/requests.json?${J}&start_date=${encodeURIComponent(start)}`,
    );
    expect(ids(window)).toEqual([old.service_request_id]);
    const tooWide = await t.call(
      'GET',
      `/open311/v2/requests.json?${J}&start_date=2025-01-01T00:00:00Z&end_date=2025-06-01T00:00:00Z`,
    );
    expect(tooWide.status).toBe(400);
    expect(tooWide.body[0].description).toMatch(/90 天/);
    expect((await t.call('GET', `/open311/v2/requests.json?${J}&status=pending`)).status).toBe(400);
    expect(
      (await t.call('GET', `/open311/v2/requests.json?${J}&start_date=yesterday`)).status,
    ).toBe(400);
  });

  it('stores a media_url sent with a POST and returns it in JSON and XML; refuses one that is not a URL', async () => {
    const url = 'https://img.example.cn/photos/2025/noise-1.jpg?size=large&v=2';
    const [created] = (await post('json', { ...valid, media_url: url })).body;
    const one = await t.call('GET', `/open311/v2/requests/${created.service_request_id}.json?${J}`);
    expect(one.body[0].media_url).toBe(url);
    const xml = await t.call(
      'GET',
      `/open311/v2/requests.xml?${J}&service_request_id=${created.service_request_id}`,
    );
    expect(tags(xml.body, 'media_url')).toEqual([url.replace(/&/g, '&amp;')]);
    for (const bad of ['javascript:alert(1)', 'not a url', `https://x.cn/${'a'.repeat(1000)}`]) {
      const res = await post('json', { ...valid, media_url: bad });
      expect(res.status, bad).toBe(400);
      expect(res.body[0].description).toMatch(/media_url/);
    }
  });

  // ...under an unguessable address.
  it('publishes a staff photo of a public order as its media_url only once marked 公开给群众', async () => {
    const [created] = (await post('json', valid)).body;
    const order = await t.database.db
      .selectFrom('appeal')
      .select('id')
      .where('code', '=', created.service_request_id)
      .executeTakeFirstOrThrow();
    const jpeg = new Uint8Array([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9,
    ]);
    const form = new FormData();
    form.append('file', new File([jpeg], '现场.jpg'));
    const up = await t.app.request(`${k.base}/appeals/${order.id}/attachments`, {
      method: 'POST',
      headers: { cookie: await k.cookie('paidan') },
      body: form,
    });
    expect(up.status).toBe(201);
    const uploaded = (await up.json()) as { id: string };
    // A handler's site photo may show a resident's home: private until someone decides otherwise.
    expect(
      (await t.call('GET', `/open311/v2/requests/${created.service_request_id}.json?${J}`)).body[0]
        .media_url,
    ).toBeNull();
    const marked = await t.call(
      'PUT',
      `${k.base}/appeals/${order.id}/attachments/${uploaded.id}/visibility`,
      { cookie: await k.cookie('paidan'), body: { public: true } },
    );
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    const [request] = (
      await t.call('GET', `/open311/v2/requests/${created.service_request_id}.json?${J}`)
    ).body;
    expect(request.media_url).toMatch(/^http:\/\/localhost\/open311\/v2\/media\/[0-9a-f-]{36}$/);
    const photo = await t.app.request(new URL(request.media_url).pathname);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await photo.arrayBuffer())).toEqual(jpeg);
    expect(
      (await t.call('GET', '/open311/v2/media/01900000-0000-7000-8000-000000000009')).status,
    ).toBe(404);
    expect((await t.call('GET', '/open311/v2/media/guess')).status).toBe(404);
  });

  it('answers unknown Open311 paths in the spec error format, not with the web app', async () => {
    const res = await t.call('GET', '/open311/v2/discovery.xml');
    expect(res.status).toBe(404);
    expect(res.body).toMatch(/<errors><error><code>404<\/code>/);
  });
});

describe('Open311 api_key administration', () => {
  it('lets the town admin issue a key that works once and stops working when revoked', async () => {
    const admin = await k.cookie('admin');
    const issued = await t.call('POST', `${k.base}/open311/keys`, {
      cookie: admin,
      body: { label: '县平台' },
    });
    expect(issued.status).toBe(201);
    expect((await post('json', { ...valid, api_key: issued.body.key })).status).toBe(201);
    const listed = await t.call('GET', `${k.base}/open311/keys`, { cookie: admin });
    expect(JSON.stringify(listed.body)).not.toContain(issued.body.key);
    expect(
      (await t.call('POST', `${k.base}/open311/keys/${issued.body.id}/revoke`, { cookie: admin }))
        .status,
    ).toBe(204);
    expect((await post('json', { ...valid, api_key: issued.body.key })).status).toBe(403);
    expect(
      (
        await t.call('POST', `${k.base}/open311/keys`, {
          cookie: await k.cookie('paidan'),
          body: { label: '县平台' },
        })
      ).status,
    ).toBe(403);
  });
});

// Open311 POST was unthrottled (issue 10.13): wrong keys are counted per address, and each key
// has a ceiling per 10 minutes; refusals are 429 in the spec's error format with Retry-After.
describe('Open311 POST throttling', () => {
  const from = (ip: string) => ({
    'content-type': 'application/x-www-form-urlencoded',
    'x-forwarded-for': ip,
  });
  beforeAll(() => {
    process.env.LVZHI_TRUST_PROXY = '1';
  });
  afterAll(() => {
    delete process.env.LVZHI_TRUST_PROXY;
  });

  it('refuses an address after 20 missing or wrong keys, even with a good key, and no other address', async () => {
    for (let i = 0; i < 20; i++) {
      const res = await t.call('POST', '/open311/v2/requests.json', {
        body: form({ ...valid, api_key: i % 2 ? `guess-${i}` : '' }),
        headers: from('10.31.1.1'),
      });
      expect(res.status).toBe(403);
    }
    const refused = await t.call('POST', '/open311/v2/requests.xml', {
      body: form(valid),
      headers: from('10.31.1.1'),
    });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatch(
      /<errors><error><code>429<\/code><description>api_key 错误次数过多/,
    );
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const elsewhere = await t.call('POST', '/open311/v2/requests.json', {
      body: form(valid),
      headers: from('10.31.1.2'),
    });
    expect(elsewhere.status).toBe(201);
  });

  it('refuses a key’s 121st request in 10 minutes in the spec format', async () => {
    const key = await t.database.db
      .selectFrom('open311_api_key')
      .select('id')
      .where('key_hash', '=', hashApiKey(DEMO_OPEN311_KEY))
      .executeTakeFirstOrThrow();
    // 120 requests in this window already (set directly: posting 120 orders adds nothing to the test).
    await t.database.db
      .insertInto('rate_limit')
      .values({ key: `open311_post:${key.id}`, window_started_at: new Date(), hits: 119 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({ hits: 119, window_started_at: new Date() }),
      )
      .execute();
    expect(
      (
        await t.call('POST', '/open311/v2/requests.json', {
          body: form(valid),
          headers: from('10.31.2.1'),
        })
      ).status,
    ).toBe(201);
    const refused = await t.call('POST', '/open311/v2/requests.json', {
      body: form(valid),
      headers: from('10.31.2.1'),
    });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual([
      { code: 429, description: expect.stringMatching(/每个接入密钥 10 分钟内最多提交 120 件/) },
    ]);
    await t.database.db
      .deleteFrom('rate_limit')
      .where('key', '=', `open311_post:${key.id}`)
      .execute();
  });
});
