/**
 * GeoReport v2 conformance (issue 10.14), checked against the spec's own rules: the POST answer
 * carries service_request_id or token (not both); description is optional up to 4,000 characters;
 * address_id alone is a location; an unknown service_code is a 404; errors come in the format of
 * the call, also for a body over the size limit; phone is free text; updated_datetime is never
 * before requested_datetime; every request has the fields and types the spec's schema requires.
 * Then the round trip a FixMyStreet-style client makes: POST requests.xml as a form, read the
 * id (or resolve the token), read the request back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { DEMO_OPEN311_KEY } from './open311.keys.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const J = 'jurisdiction_id=qingshi';
const base = {
  api_key: DEMO_OPEN311_KEY,
  jurisdiction_id: 'qingshi',
  service_code: 'urban.roads',
  lat: '30.12',
  long: '120.34',
};
const post = (fmt: 'json' | 'xml', p: Record<string, string>) =>
  t.call('POST', `/open311/v2/requests.${fmt}`, {
    body: new URLSearchParams(p).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
/** Text of the first `<tag>` of a flat XML document. */
const tag = (xml: string, name: string) =>
  new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1] ?? null;

/** The GeoReport v2 request schema's rules (required fields, types, enum, description length). */
function assertSpecRequest(r: Record<string, unknown>) {
  for (const field of ['service_request_id', 'status', 'service_code', 'requested_datetime'])
    expect(typeof r[field], field).toBe('string');
  expect(['open', 'closed']).toContain(r.status);
  const text = ['status_notes', 'service_name', 'description', 'agency_responsible'];
  for (const field of [...text, 'service_notice', 'address', 'address_id', 'zipcode', 'media_url'])
    expect(r[field] === null || typeof r[field] === 'string', field).toBe(true);
  for (const field of ['lat', 'long'])
    expect(r[field] === null || typeof r[field] === 'number', field).toBe(true);
  for (const field of ['requested_datetime', 'updated_datetime', 'expected_datetime'])
    if (r[field] !== null) expect(Number.isNaN(Date.parse(String(r[field]))), field).toBe(false);
  if (typeof r.description === 'string') expect(r.description.length).toBeLessThanOrEqual(4000);
}

describe('Open311 GeoReport v2 conformance', () => {
  it('answers a POST with service_request_id and no token', async () => {
    const res = await post('json', { ...base, description: '路面坑洼' });
    expect(res.status).toBe(201);
    expect(res.body).toHaveLength(1);
    expect(res.body[0]).toHaveProperty('service_request_id');
    expect(res.body[0]).not.toHaveProperty('token');
  });

  it('takes a request without a description, and one of 4,000 characters; refuses 4,001', async () => {
    const none = await post('json', base);
    expect(none.status, JSON.stringify(none.body)).toBe(201);
    const long = await post('json', { ...base, description: '路'.repeat(4000) });
    expect(long.status, JSON.stringify(long.body)).toBe(201);
    const row = await t.database.db
      .selectFrom('appeal')
      .select(['title', 'content'])
      .where('code', '=', none.body[0].service_request_id)
      .executeTakeFirstOrThrow();
    expect(row.title).toBe('道路设施');
    expect(row.content).toMatch(/未附描述/);
    const over = await post('json', { ...base, description: '路'.repeat(4001) });
    expect(over.status).toBe(400);
    expect(over.body[0].description).toMatch(/4000/);
  });

  it('takes address_id alone as the location and keeps it for the desk', async () => {
    const { lat: _a, long: _b, ...noPoint } = base;
    const res = await post('json', { ...noPoint, address_id: 'QS-000123', description: '井盖' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const row = await t.database.db
      .selectFrom('appeal')
      .select('address')
      .where('code', '=', res.body[0].service_request_id)
      .executeTakeFirstOrThrow();
    expect(row.address).toBe('地址编号 QS-000123');
  });

  it('answers an unknown service_code with 404 in the format of the call', async () => {
    const json = await post('json', { ...base, service_code: 'no.such' });
    expect(json.status).toBe(404);
    expect(json.body[0]).toMatchObject({ code: 404 });
    const xml = await post('xml', { ...base, service_code: 'no.such' });
    expect(xml.status).toBe(404);
    expect(xml.body).toMatch(/<errors><error><code>404<\/code>/);
  });

  it('answers a body over 64 KB sent to requests.xml with <errors>, and to requests.json with JSON', async () => {
    const huge = new URLSearchParams({ ...base, description: 'x'.repeat(70_000) }).toString();
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const xml = await t.call('POST', '/open311/v2/requests.xml', { body: huge, headers });
    expect(xml.status).toBe(413);
    expect(xml.headers.get('content-type')).toContain('text/xml');
    expect(xml.body).toMatch(
      /^<\?xml[^>]*\?><errors><error><code>413<\/code><description>[^<]*64 KB/,
    );
    const json = await t.call('POST', '/open311/v2/requests.json', { body: huge, headers });
    expect(json.status).toBe(413);
    expect(json.body).toEqual([{ code: 413, description: expect.stringMatching(/64 KB/) }]);
  });

  it('takes phone as free text, as the spec defines it', async () => {
    for (const phone of ['+44 20 7946 0958', '(0571) 8888-1234 转 8', '138 1234 5678']) {
      const res = await post('json', { ...base, phone, description: '噪音' });
      expect(res.status, `${phone}: ${JSON.stringify(res.body)}`).toBe(201);
    }
    expect((await post('json', { ...base, phone: '1'.repeat(41) })).status).toBe(400);
  });

  it('returns requests that meet the spec schema, never updated before requested', async () => {
    await post('json', { ...base, description: '路灯' });
    const list = await t.call('GET', `/open311/v2/requests.json?${J}`);
    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThan(0);
    for (const r of list.body) {
      assertSpecRequest(r);
      expect(Date.parse(r.updated_datetime)).toBeGreaterThanOrEqual(
        Date.parse(r.requested_datetime),
      );
    }
  });

  it('works end to end for a FixMyStreet-style client: form POST to requests.xml, id, read back', async () => {
    // What FixMyStreet's Open311 client sends (perllib/Open311.pm send_service_request).
    const res = await post('xml', {
      ...base,
      email: 'reporter@example.org',
      description: 'title: 路灯不亮\n\ndetail: 村口路灯不亮\n\nurl: https://fms.example/report/1',
      first_name: 'Xiao',
      last_name: 'Li',
      phone: '07700 900123',
      media_url: 'https://fms.example/photo/1.jpeg',
      'attribute[title]': '路灯不亮',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toContain('text/xml');
    // The client takes <request><service_request_id>, else resolves <token> at tokens/{token}.xml.
    let id = tag(res.body, 'service_request_id');
    const token = tag(res.body, 'token');
    if (!id && token)
      id = tag(
        (await t.call('GET', `/open311/v2/tokens/${token}.xml?${J}`)).body,
        'service_request_id',
      );
    expect(id).toMatch(/^\d{2}-\d{5}$/);
    const back = await t.call('GET', `/open311/v2/requests.xml?${J}&service_request_id=${id}`);
    expect(back.status).toBe(200);
    expect(tag(back.body, 'service_request_id')).toBe(id);
    expect(tag(back.body, 'status')).toBe('open');
    expect(tag(back.body, 'media_url')).toBe('https://fms.example/photo/1.jpeg');
  });
});
