import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { createApiKey } from '../open311/open311.keys.ts';
import { appealCast, appealKit, type AppealKit } from '../../testing/appeals.ts';

let t: TestApp;
let k: AppealKit;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  k = appealKit(t);
  await appealCast(t);
  await createApiKey(t.database.db, t.townId, '测试：县 12345 平台', API_KEY);
});
afterAll(() => t.close());

const API_KEY = 'test-open311-key-0123456789abcdef';
const J = 'jurisdiction_id=testtown';
const jpeg = (n: number) =>
  new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, n, 0xff, 0xd9]);
const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');

/** Files an order through Open311 (a public channel); returns its id, code and tracking code. */
async function publicOrder() {
  const body = new URLSearchParams({
    api_key: API_KEY,
    jurisdiction_id: 'testtown',
    service_code: 'urban.roads',
    address_string: '新街 3 号',
    description: '路面塌陷，车辆难以通行',
  }).toString();
  const res = await t.call('POST', '/open311/v2/requests.json', {
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const code = res.body[0].service_request_id as string;
  const row = await t.database.db
    .selectFrom('appeal as a')
    .innerJoin('public_request as pr', (j) =>
      j.onRef('pr.town_id', '=', 'a.town_id').onRef('pr.appeal_id', '=', 'a.id'),
    )
    .select(['a.id', 'pr.tracking_code'])
    .where('a.code', '=', code)
    .executeTakeFirstOrThrow();
  return { id: row.id, code, trackingCode: row.tracking_code };
}

async function staffUpload(
  user: string,
  appealId: string,
  bytes: Uint8Array<ArrayBuffer>,
  name = '现场.jpg',
) {
  const form = new FormData();
  form.append('file', new File([bytes], name));
  const res = await t.app.request(`${k.base}/appeals/${appealId}/attachments`, {
    method: 'POST',
    headers: { cookie: await k.cookie(user) },
    body: form,
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: string; public: boolean };
}

async function residentUpload(
  trackingCode: string,
  bytes: Uint8Array<ArrayBuffer>,
  name = '我拍的.jpg',
) {
  const form = new FormData();
  form.append('file', new File([bytes], name));
  const res = await t.app.request(`/api/v1/public/appeals/${trackingCode}/photos`, {
    method: 'POST',
    body: form,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const mediaUrl = async (code: string) =>
  (await t.call('GET', `/open311/v2/requests/${code}.json?${J}`)).body[0].media_url as
    string | null;
const setPublic = async (user: string, appealId: string, attachmentId: string, value: boolean) =>
  t.call('PUT', `${k.base}/appeals/${appealId}/attachments/${attachmentId}/visibility`, {
    cookie: await k.cookie(user),
    body: { public: value },
  });

describe('which photos of an order the public sees', () => {
  it('keeps a staff photo private until a handler marks it 公开给群众, and kills its address when withdrawn', async () => {
    const order = await publicOrder();
    const photo = await staffUpload('dispatcher', order.id, jpeg(1));
    expect(photo.public).toBe(false);
    expect(await mediaUrl(order.code)).toBeNull();
    expect(
      (await t.call('GET', `/api/v1/public/appeals/${order.trackingCode}`)).body.photos,
    ).toEqual([]);

    const marked = await setPublic('dispatcher', order.id, photo.id, true);
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    expect(marked.body).toMatchObject({
      public: true,
      fromResident: false,
      publishedByName: expect.any(String),
      publishedAt: expect.any(String),
    });
    const url = await mediaUrl(order.code);
    expect(url).toMatch(/\/open311\/v2\/media\/[0-9a-f-]{36}$/);
    const served = await t.app.request(new URL(url!).pathname);
    expect(served.status).toBe(200);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(jpeg(1));
    const status = (await t.call('GET', `/api/v1/public/appeals/${order.trackingCode}`)).body;
    expect(status.photos).toEqual([{ url: new URL(url!).pathname, fromResident: false }]);

    const withdrawn = await setPublic('dispatcher', order.id, photo.id, false);
    expect(withdrawn.body).toMatchObject({ public: false, publishedAt: null });
    expect((await t.app.request(new URL(url!).pathname)).status).toBe(404);
    expect(await mediaUrl(order.code)).toBeNull();
    // Publishing again issues a new address: the withdrawn one stays dead.
    await setPublic('dispatcher', order.id, photo.id, true);
    const again = await mediaUrl(order.code);
    expect(again).not.toBe(url);
    expect((await t.app.request(new URL(url!).pathname)).status).toBe(404);

    const audit = await t.database.db
      .selectFrom('audit_entry')
      .select(['action', 'after'])
      .where('entity_id', '=', order.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action).filter((a) => a.includes('publish'))).toEqual([
      'appeal.publish_attachment',
      'appeal.unpublish_attachment',
      'appeal.publish_attachment',
    ]);
    expect(audit.find((a) => a.action === 'appeal.unpublish_attachment')!.after).toMatchObject({
      attachmentId: photo.id,
      public: false,
    });
  });

  it('publishes what the resident sent with the request, at most three, photos only, a retry stored once', async () => {
    const order = await publicOrder();
    const first = await residentUpload(order.trackingCode, jpeg(2));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    // The same picture again.
    expect((await residentUpload(order.trackingCode.toLowerCase(), jpeg(2))).status).toBe(201);
    const url = await mediaUrl(order.code);
    expect(url).toMatch(/\/open311\/v2\/media\//);
    expect(
      new Uint8Array(await (await t.app.request(new URL(url!).pathname)).arrayBuffer()),
    ).toEqual(jpeg(2));
    const listed = (
      await t.call('GET', `${k.base}/appeals/${order.id}/attachments`, {
        cookie: await k.cookie('dispatcher'),
      })
    ).body.items;
    expect(listed).toEqual([
      expect.objectContaining({ public: true, fromResident: true, uploadedByName: '群众' }),
    ]);

    const pdf = await residentUpload(order.trackingCode, PDF, 'a.pdf');
    expect(pdf.status).toBe(422);
    expect(pdf.body.detail).toMatch(/照片/);
    expect((await residentUpload(order.trackingCode, jpeg(3))).status).toBe(201);
    expect((await residentUpload(order.trackingCode, jpeg(4))).status).toBe(201);
    const fourth = await residentUpload(order.trackingCode, jpeg(5));
    expect(fourth.status).toBe(409);
    expect(fourth.body.detail).toMatch(/最多上传 3 张/);
    expect((await residentUpload('25-99999-ABCDEF', jpeg(6))).status).toBe(404);
    const status = (await t.call('GET', `/api/v1/public/appeals/${order.trackingCode}`)).body;
    expect(status.photos).toHaveLength(3);
    expect(status.photos.every((p: any) => p.fromResident)).toBe(true);
    const audit = await t.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('entity_id', '=', order.id)
      .execute();
    expect(audit.filter((a) => a.action === 'appeal.resident_photo')).toHaveLength(3);
    // A handler may still withdraw a resident's photo (e.g. it shows an ID card).
    expect((await setPublic('dispatcher', order.id, listed[0].id, false)).body.public).toBe(false);
  });

  it('publishes only photos, only on orders filed through a public channel, and only in scope', async () => {
    const order = await publicOrder();
    const pdf = await staffUpload('dispatcher', order.id, PDF, '说明.pdf');
    const res = await setPublic('dispatcher', order.id, pdf.id, true);
    expect(res.status).toBe(422);
    expect(res.body.detail).toMatch(/只有照片/);
    const phone = await k.intake('dispatcher', {
      kind: 'hotline',
      channel: 'phone',
      categoryCode: 'urban.roads',
      title: '电话反映路面破损',
      content: '路面破损严重',
    });
    const internal = await staffUpload('dispatcher', phone.id, jpeg(7));
    const refused = await setPublic('dispatcher', phone.id, internal.id, true);
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toMatch(/公开渠道/);
    const photo = await staffUpload('dispatcher', order.id, jpeg(8));
    expect((await setPublic('cadre', order.id, photo.id, true)).status).toBe(404);
    expect((await setPublic('supervisor', order.id, photo.id, true)).status).toBe(403);
  });
});
