import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { appealKit, type AppealKit } from '../../testing/appeals.ts';

let t: TestApp;
let k: AppealKit;
let villageId: string;
let ipSeq = 0;
beforeAll(async () => {
  process.env.LVZHI_TRUST_PROXY = '1'; // each test speaks from its own address (x-forwarded-for)
  t = await createTestApp();
  k = appealKit(t);
  villageId = await k.village('石桥村');
});
afterAll(async () => {
  delete process.env.LVZHI_TRUST_PROXY;
  await t.close();
});

const url = '/api/v1/public/towns/qingshi/appeals';
const body = () => ({
  categoryCode: 'urban.roads',
  villageId,
  title: '村口路灯不亮',
  content: '石桥村村口路灯坏了一周，晚上看不见路',
  contactName: '王小明',
  contactPhone: '13812345678',
  address: '石桥村村口',
});
const from = (ip = `10.0.0.${++ipSeq}`, extra: Record<string, string> = {}) => ({
  'x-forwarded-for': ip,
  ...extra,
});

describe('resident appeal intake', () => {
  it('serves the form catalogue of categories and villages', async () => {
    const res = await t.call('GET', '/api/v1/public/towns/qingshi/catalog');
    expect(res.status).toBe(200);
    expect(res.body.town).toEqual({ code: 'qingshi', name: '青石镇' });
    expect(res.body.categories.find((c: any) => c.code === 'urban').children).toContainEqual({
      code: 'urban.roads',
      name: '道路设施',
    });
    expect(res.body.villages.map((v: any) => v.name)).toContain('石桥村');
    expect((await t.call('GET', '/api/v1/public/towns/nowhere/catalog')).status).toBe(404);
  });

  it('creates a hotline order waiting for dispatch that the dispatcher sees, with the contact masked', async () => {
    const res = await t.call('POST', url, { body: body(), headers: from() });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      status: 'open',
      state: 'registered',
      stateLabel: '待派单',
      townName: '青石镇',
    });
    expect(res.body.trackingCode).toMatch(new RegExp(`^${res.body.code}-[2-9A-Z]{6}$`));
    const list = await t.call('GET', `${k.base}/appeals?q=${encodeURIComponent(res.body.code)}`, {
      cookie: await k.cookie('paidan'),
    });
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({
      channel: 'public_page',
      state: 'registered',
      contactPhone: '138****5678',
      contactName: '王**',
    });
    const queue = await t.call('GET', `${k.base}/appeals/queue`, {
      cookie: await k.cookie('paidan'),
    });
    expect(queue.body.items.some((i: any) => i.code === res.body.code)).toBe(true);
  });

  // One order is filed; a different body under the same key is 409.
  it('returns the same receipt for a retry with the same Idempotency-Key', async () => {
    const headers = from(undefined, { 'idempotency-key': 'retry-test-0001' });
    const first = await t.call('POST', url, { body: body(), headers });
    const again = await t.call('POST', url, { body: body(), headers });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const rows = await t.database.db
      .selectFrom('public_request')
      .select('appeal_id')
      .where('idempotency_key', '=', 'retry-test-0001')
      .execute();
    expect(rows).toHaveLength(1);
    expect(
      await t.database.db
        .selectFrom('appeal')
        .select('id')
        .where('code', '=', first.body.code)
        .execute(),
    ).toHaveLength(1);
    const changed = await t.call('POST', url, { body: { ...body(), title: '另一件事' }, headers });
    expect(changed.status).toBe(409);
    expect(changed.body.detail).toMatch(/幂等键/);
  });

  it('answers 20 parallel retries with one Idempotency-Key with one order and no 429, counting one hit', async () => {
    // A phone on a bad network resends the same submission many times at once (issue 10.11).
    const ip = '10.8.8.8';
    const headers = from(ip, { 'idempotency-key': 'parallel-retry-0001' });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => t.call('POST', url, { body: body(), headers })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(results.map((r) => r.body.code)).size).toBe(1);
    expect(results.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(19);
    const rows = await t.database.db
      .selectFrom('public_request')
      .select('appeal_id')
      .where('idempotency_key', '=', 'parallel-retry-0001')
      .execute();
    expect(rows).toHaveLength(1);
    // The replays did not count: the address still has four of its five new submissions.
    for (let i = 0; i < 4; i++)
      expect(
        (await t.call('POST', url, { body: { ...body(), title: `又一件${i}` }, headers: from(ip) }))
          .status,
      ).toBe(201);
    expect((await t.call('POST', url, { body: body(), headers: from(ip) })).status).toBe(429);
  });

  it('refuses the sixth submission from one address within 10 minutes with a Chinese 429 and Retry-After', async () => {
    const headers = from('10.9.9.9');
    for (let i = 0; i < 5; i++)
      expect(
        (await t.call('POST', url, { body: { ...body(), title: `第${i}条` }, headers })).status,
      ).toBe(201);
    const res = await t.call('POST', url, { body: body(), headers });
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.detail).toMatch(/提交过于频繁.*10 分钟内最多提交 5 条/);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(500);
    expect((await t.call('POST', url, { body: body(), headers: from('10.9.9.10') })).status).toBe(
      201,
    );
  });

  it('validates the form with Chinese field labels', async () => {
    const res = await t.call('POST', url, {
      body: { ...body(), contactPhone: '12345', lat: 30 },
      headers: from(),
    });
    expect(res.status).toBe(422);
    const labels = res.body.errors.map((e: any) => e.label);
    expect(labels).toEqual(expect.arrayContaining(['联系电话', '经度']));
    const badCategory = await t.call('POST', url, {
      body: { ...body(), categoryCode: 'nope' },
      headers: from(),
    });
    expect(badCategory.status).toBe(422);
    expect(badCategory.body.detail).toMatch(/诉求类别/);
  });

  it('shows the progress by tracking code without names, phones, handlers or notes', async () => {
    const made = await t.call('POST', url, {
      body: { ...body(), content: '请回电 13812345678 王小明' },
      headers: from(),
    });
    const appeal = await t.database.db
      .selectFrom('appeal')
      .select(['id', 'version'])
      .where('code', '=', made.body.code)
      .executeTakeFirstOrThrow();
    await k.act('paidan', appeal, 'dispatch', { unitId: await k.unit('office_construction') });
    const res = await t.call('GET', `/api/v1/public/appeals/${made.body.trackingCode}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      state: 'dispatched',
      stateLabel: '待签收',
      categoryName: '道路设施',
      villageName: '石桥村',
      canRate: false,
      rating: null,
    });
    expect(res.body.timeline.map((e: any) => e.label)).toEqual(['受理', '派单']);
    const text = JSON.stringify(res.body);
    for (const secret of ['王小明', '13812345678', '138', 'actor', 'note', '规划建设办公室'])
      expect(text).not.toContain(secret);
    // The bare order code is not enough.
    expect((await t.call('GET', `/api/v1/public/appeals/${made.body.code}`)).status).toBe(404);
  });

  it('refuses a rating before the reply and validates it with Chinese labels', async () => {
    // The whole loop (proof, 回访, reopen) is in public-intake.loop.test.ts.
    const made = await t.call('POST', url, { body: body(), headers: from() });
    const rate = (b: unknown) =>
      t.call('POST', `/api/v1/public/appeals/${made.body.trackingCode}/rating`, {
        body: b,
        headers: from(),
      });
    const early = await rate({ phoneLast4: '5678', satisfaction: '满意', solved: true });
    expect(early.status).toBe(422);
    expect(early.body.detail).toMatch(/答复后、回访前才能评价/);
    const invalid = await rate({ phoneLast4: '56', satisfaction: '还行', solved: 'yes' });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors.map((e: any) => e.label)).toEqual([
      '手机号后四位',
      '满意度',
      '问题是否解决',
    ]);
  });
});

// Tracking-code look-ups were unthrottled (issue 10.13): wrong codes are counted per address.
describe('tracking code guessing', () => {
  it('answers 20 wrong codes with 404, then refuses the address (a right code too) for the window', async () => {
    const made = await t.call('POST', url, { body: body(), headers: from() });
    const guesser = from('10.13.13.13');
    for (let i = 0; i < 20; i++) {
      const res = await t.call(
        'GET',
        `/api/v1/public/appeals/${made.body.code}-ZZZZ${i % 10}${i % 7}`,
        {
          headers: guesser,
        },
      );
      expect(res.status).toBe(404);
    }
    const right = await t.call('GET', `/api/v1/public/appeals/${made.body.trackingCode}`, {
      headers: guesser,
    });
    expect(right.status).toBe(429);
    expect(right.body.detail).toMatch(/查询码输错次数过多/);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    // Rating and photos take the code too, and are held off alike.
    const rating = await t.call('POST', `/api/v1/public/appeals/${made.body.trackingCode}/rating`, {
      body: { satisfaction: '满意', solved: true },
      headers: guesser,
    });
    expect(rating.status).toBe(429);
    const elsewhere = await t.call('GET', `/api/v1/public/appeals/${made.body.trackingCode}`, {
      headers: from(),
    });
    expect(elsewhere.status).toBe(200);
  });
});
