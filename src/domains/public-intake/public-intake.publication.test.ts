import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCRUB_MARKERS } from '../../core/privacy/scrub.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { appealKit, type AppealKit } from '../../testing/appeals.ts';

// The public view of a publicly filed order shows the resident's words only as a handler publishes
// them, scrubbed (DESIGN 3): these tests walk publishing, changing, withdrawing and who may do it.
let t: TestApp;
let k: AppealKit;
let villageId: string;
let ip = 0;
beforeAll(async () => {
  process.env.LVZHI_TRUST_PROXY = '1';
  t = await createTestApp();
  k = appealKit(t);
  villageId = await k.village('石桥村');
});
afterAll(async () => {
  delete process.env.LVZHI_TRUST_PROXY;
  await t.close();
});

const J = 'jurisdiction_id=qingshi';
const CONTENT = '我叫王小明，住石桥村5组12号，电话138-1234-5678，村口路灯坏了一个月';

async function residentOrder() {
  const made = await t.call('POST', '/api/v1/public/towns/qingshi/appeals', {
    headers: { 'x-forwarded-for': `10.7.0.${++ip}` },
    body: {
      categoryCode: 'urban.roads',
      villageId,
      title: CONTENT.slice(0, 30),
      content: CONTENT,
      contactName: '王小明',
      contactPhone: '13812345678',
      address: '石桥村5组12号',
      lat: 30.123456,
      long: 120.654321,
    },
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const row = await t.database.db
    .selectFrom('appeal')
    .select(['id', 'version'])
    .where('code', '=', made.body.code)
    .executeTakeFirstOrThrow();
  return { ...row, code: made.body.code as string, trackingCode: made.body.trackingCode as string };
}

const publication = async (user: string, id: string) =>
  t.call('GET', `${k.base}/appeals/${id}/publication`, { cookie: await k.cookie(user) });

async function publish(user: string, id: string, body: Record<string, unknown>) {
  return t.call('PUT', `${k.base}/appeals/${id}/publication`, {
    cookie: await k.cookie(user),
    body,
  });
}

async function everythingPublic(order: { code: string; trackingCode: string }) {
  const bodies = await Promise.all([
    t.call('GET', `/api/v1/public/appeals/${order.trackingCode}`),
    t.call('POST', `/api/v1/public/appeals/${order.trackingCode}/proof`, {
      body: { phoneLast4: '5678' },
    }),
    t.call('GET', `/open311/v2/requests/${order.code}.json?${J}`),
    t.call('GET', `/open311/v2/requests/${order.code}.xml?${J}`),
    t.call('GET', `/open311/v2/requests.json?${J}&service_request_id=${order.code}`),
  ]);
  for (const b of bodies) expect(b.status).toBe(200);
  return bodies.map((b) => (typeof b.body === 'string' ? b.body : JSON.stringify(b.body)));
}

describe('what a publicly filed order shows the public', () => {
  it('shows no words of the resident, no address and no point until a handler publishes', async () => {
    const order = await residentOrder();
    for (const text of await everythingPublic(order))
      for (const secret of ['王小明', '5组12号', '1234', '路灯坏了', '30.12', '120.65'])
        expect(text).not.toContain(secret);
    const track = await t.call('GET', `/api/v1/public/appeals/${order.trackingCode}`);
    expect(track.body).toMatchObject({
      categoryName: '道路设施',
      villageName: '石桥村',
      description: null,
      reply: null,
    });
    expect(track.body).not.toHaveProperty('title');
    const [json] = (await t.call('GET', `/open311/v2/requests/${order.code}.json?${J}`)).body;
    expect(json).toMatchObject({
      address: '青石镇石桥村',
      lat: null,
      long: null,
      description: null,
    });
  });

  it('publishes a description and reply, scrubbed wherever shown, audited with the public text', async () => {
    const order = await residentOrder();
    const before = await publication('paidan', order.id);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ description: null, version: 0, canPublish: true });
    const res = await publish('paidan', order.id, {
      description: CONTENT,
      reply: '已联系王小明，5组12号门口路灯已更换，回电 0571-8888 1234',
      version: 0,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.description).toBe(CONTENT); // as written, for the next edit
    expect(res.body.publicDescription).toBe(
      `我叫${SCRUB_MARKERS.name}，住石桥村${SCRUB_MARKERS.house}，电话${SCRUB_MARKERS.number}，村口路灯坏了一个月`,
    );
    expect(res.body.publicReply).toBe(
      `已联系${SCRUB_MARKERS.name}，${SCRUB_MARKERS.house}门口路灯已更换，回电 ${SCRUB_MARKERS.number}`,
    );
    const track = await t.call('POST', `/api/v1/public/appeals/${order.trackingCode}/proof`, {
      body: { phoneLast4: '5678' },
    });
    expect(track.body.description).toBe(res.body.publicDescription);
    expect(track.body.reply).toBe(res.body.publicReply);
    const [json] = (await t.call('GET', `/open311/v2/requests/${order.code}.json?${J}`)).body;
    expect(json.description).toBe(res.body.publicDescription);
    expect(json.status_notes).toBe(`待派单。${res.body.publicReply}`);
    for (const text of await everythingPublic(order))
      for (const secret of ['王小明', '5组12号', '1234', '8888'])
        expect(text).not.toContain(secret);
    const audit = await t.database.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('entity_id', '=', order.id)
      .where('action', '=', 'appeal.publish_text')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).toContain(SCRUB_MARKERS.house);
    expect(JSON.stringify(audit[0])).not.toContain('王小明');
  });

  it('withdraws with both texts empty, refuses a stale version, and keeps archived orders to withdrawals', async () => {
    const order = await residentOrder();
    expect(
      (await publish('paidan', order.id, { description: '路灯坏了', reply: null, version: 0 }))
        .status,
    ).toBe(200);
    const stale = await publish('paidan', order.id, { description: '改', reply: null, version: 0 });
    expect(stale.status).toBe(409);
    const gone = await publish('paidan', order.id, { description: ' ', reply: '', version: 1 });
    expect(gone.status).toBe(200);
    expect(gone.body).toMatchObject({
      description: null,
      publicDescription: null,
      publishedAt: null,
    });
    expect(
      (
        await t.call('POST', `/api/v1/public/appeals/${order.trackingCode}/proof`, {
          body: { phoneLast4: '5678' },
        })
      ).body.description,
    ).toBeNull();
    await t.database.db
      .updateTable('appeal')
      .set({ state: 'archived' })
      .where('id', '=', order.id)
      .execute();
    expect(
      (await publish('paidan', order.id, { description: '再公开', reply: null, version: 2 }))
        .status,
    ).toBe(409);
    expect(
      (await publish('paidan', order.id, { description: null, reply: null, version: 2 })).status,
    ).toBe(200);
  });

  it('lets only who answers for the order publish, and only on publicly filed orders', async () => {
    const order = await residentOrder();
    // The village cadre reads the order (their village) but does not handle it: may read, not publish.
    const read = await publication('cunganbu', order.id);
    expect(read.status).toBe(200);
    expect(read.body.canPublish).toBe(false);
    expect(
      (await publish('cunganbu', order.id, { description: '路灯', reply: null, version: 0 }))
        .status,
    ).toBe(403);
    // The county supervisor reads everything but acts on nothing (route policy).
    expect(
      (await publish('ducha', order.id, { description: '路灯', reply: null, version: 0 })).status,
    ).toBe(403);
    const byPhone = await k.intake('paidan', {
      kind: 'hotline',
      channel: 'phone',
      categoryCode: 'urban.roads',
      title: '路灯',
      content: '新街路灯不亮',
    });
    const refused = await publish('paidan', byPhone.id, {
      description: '路灯',
      reply: null,
      version: 0,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toMatch(/公开渠道/);
  });
});
