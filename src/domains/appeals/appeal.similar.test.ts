import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { appealKit, type AppealKit } from '../../testing/appeals.ts';

let t: TestApp;
let k: AppealKit;
beforeAll(async () => {
  t = await createTestApp();
  k = appealKit(t);
});
afterAll(() => t.close());

const similar = async (user: string, q: Record<string, string>) => {
  const res = await t.call('GET', `${k.base}/appeals/similar?${new URLSearchParams(q)}`, {
    cookie: await k.cookie(user),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as {
    code: string;
    reasons: string[];
    reason: string;
    similarity: number;
    contactPhone: string | null;
  }[];
};

/** A village of the town other than `village`. */
const otherVillage = async (village: string) =>
  (
    await t.database.db
      .selectFrom('unit')
      .select('id')
      .where('town_id', '=', t.townId)
      .where('kind', '=', 'village')
      .where('id', '!=', village)
      .orderBy('name')
      .executeTakeFirstOrThrow()
  ).id;

describe('duplicate hints while typing an order', () => {
  it('finds the same caller and a near-duplicate text, not an unrelated order', async () => {
    const village = await k.village('石桥村');
    const other = await otherVillage(village);
    const samePhone = await k.intake('paidan', {
      kind: 'hotline',
      channel: 'phone',
      categoryCode: 'environment.noise',
      villageId: other,
      title: '养殖场气味',
      content: '村东头养猪场气味很大，夏天尤其严重',
      contactPhone: '139 7777 8888',
    });
    const nearText = await k.intake('paidan', {
      kind: 'hotline',
      channel: 'phone',
      categoryCode: 'utilities.water_supply',
      villageId: village,
      title: '自来水停水',
      content: '石桥村三组自来水停了两天，没有接到任何停水通知',
      contactPhone: '13600001111',
    });
    const unrelated = await k.intake('paidan', {
      kind: 'hotline',
      channel: 'phone',
      categoryCode: 'education.enrolment',
      villageId: other,
      title: '孩子入学',
      content: '外来务工人员子女入学手续咨询',
      contactPhone: '13500002222',
    });

    const items = await similar('paidan', {
      phone: '13977778888',
      text: '石桥村三组停水两天了，也没有停水通知，请尽快恢复',
    });
    const codes = items.map((i) => i.code);
    expect(codes[0]).toBe(samePhone.code); // the same caller ranks first
    expect(items[0]!.reasons).toContain('同一来电号码');
    expect(items[0]!.contactPhone).toBe('139****8888');
    const text = items.find((i) => i.code === nearText.code);
    expect(text?.reasons).toEqual(['内容相似']);
    expect(text!.similarity).toBeGreaterThanOrEqual(0.1);
    expect(items.findIndex((i) => i.code === nearText.code)).toBe(1); // the closest text after the same caller
    expect(codes).not.toContain(unrelated.code);
  });

  it('labels orders of the same village and category, and answers nothing for an empty query', async () => {
    const village = await k.village('石桥村');
    const a = await k.intake('paidan', {
      kind: 'hotline',
      channel: 'phone',
      categoryCode: 'rural.subsidy',
      villageId: village,
      title: '补贴未到账',
      content: '今年耕地地力保护补贴还没有发放',
    });
    const items = await similar('paidan', { villageId: village, categoryCode: 'rural.subsidy' });
    expect(items.find((i) => i.code === a.code)?.reason).toBe('同村同类');
    expect(await similar('paidan', {})).toEqual([]);
  });

  it('compares text with orders of the chosen village or category root only, once the form has them', async () => {
    const village = await k.village('石桥村');
    const elsewhere = await k.intake('paidan', {
      kind: 'hotline',
      channel: 'phone',
      categoryCode: 'utilities.water_supply',
      villageId: village,
      title: '路灯不亮',
      content: '桥头那一排路灯晚上全都不亮，走夜路看不清',
    });
    const text = '桥头那排路灯晚上都不亮了，走夜路很危险';
    const anywhere = await similar('paidan', { text });
    expect(anywhere.find((i) => i.code === elsewhere.code)?.reasons).toEqual(['内容相似']);
    // Another village and another kind of problem: the same words are not the same matter.
    const other = await otherVillage(village);
    const apart = await similar('paidan', {
      text,
      villageId: other,
      categoryCode: 'education.enrolment',
    });
    expect(apart.map((i) => i.code)).not.toContain(elsewhere.code);
    // Either the same village or the same category root brings it back.
    const sameVillage = await similar('paidan', {
      text,
      villageId: village,
      categoryCode: 'education.enrolment',
    });
    expect(sameVillage.find((i) => i.code === elsewhere.code)?.reasons).toContain('内容相似');
    const sameRoot = await similar('paidan', {
      text,
      villageId: other,
      categoryCode: 'utilities.water_supply',
    });
    expect(sameRoot.find((i) => i.code === elsewhere.code)?.reasons).toContain('内容相似');
  });

  it('never hints at an order outside the caller’s scope', async () => {
    const village = await k.village('石桥村');
    const other = await otherVillage(village);
    const elsewhere = await k.intake('paidan', {
      kind: 'hotline',
      channel: 'phone',
      categoryCode: 'urban.roads',
      villageId: other,
      title: '桥面裂缝',
      content: '村口老桥桥面出现裂缝',
      contactPhone: '13344445555',
    });
    const inVillage = await k.intake('paidan', {
      kind: 'hotline',
      channel: 'phone',
      categoryCode: 'urban.roads',
      villageId: village,
      title: '桥面裂缝',
      content: '石桥村老桥桥面出现裂缝',
      contactPhone: '13344445555',
    });
    // The village cadre of 石桥村 sees the hint in their own village, never the other village's order.
    const cadre = (
      await similar('cunganbu', { phone: '13344445555', text: '村口老桥桥面出现裂缝' })
    ).map((i) => i.code);
    expect(cadre).toContain(inVillage.code);
    expect(cadre).not.toContain(elsewhere.code);
    expect((await similar('paidan', { phone: '13344445555' })).map((i) => i.code)).toEqual(
      expect.arrayContaining([inVillage.code, elsewhere.code]),
    );
  });
});

// The phone match told a village cadre whether a guessed number was a resident's masked contact
// (issue 10.2): only the desk and leaders match by phone, audited, and a limited number per user.
describe('matching by phone', () => {
  const orderWithPhone = async (phone: string) => {
    const village = await k.village('石桥村');
    return k.intake('paidan', {
      kind: 'hotline',
      channel: 'phone',
      categoryCode: 'utilities.power',
      villageId: village,
      title: '电压不稳',
      content: '晚上电压不稳，家电无法使用',
      contactPhone: phone,
    });
  };
  const audits = () =>
    t.database.db
      .selectFrom('audit_entry')
      .select(['actor_name', 'after'])
      .where('town_id', '=', t.townId)
      .where('action', '=', 'appeal.similar_phone')
      .execute();

  it('is not offered to a village cadre: a guessed number finds nothing, a right guess neither', async () => {
    const order = await orderWithPhone('13912348765');
    const before = (await audits()).length;
    expect(await similar('cunganbu', { phone: '13912348765' })).toEqual([]);
    expect(await similar('cunganbu', { phone: '13912340000' })).toEqual([]);
    // Village, category and text still match for them.
    const byPlace = await similar('cunganbu', {
      phone: '13912348765',
      villageId: await k.village('石桥村'),
      categoryCode: 'utilities.power',
    });
    const found = byPlace.find((i) => i.code === order.code);
    expect(found?.reasons).toEqual(['同村同类']);
    expect((await audits()).length).toBe(before);
  });

  it('is audited once per number for the desk, with the number masked and the orders it matched', async () => {
    const order = await orderWithPhone('13712340001');
    const before = (await audits()).length;
    for (const text of ['电压', '电压不稳', '电压不稳家电'])
      expect((await similar('paidan', { phone: '137 1234 0001', text }))[0]!.code).toBe(order.code);
    const entries = (await audits()).slice(before);
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries[0]!.after)).toContain('137****0001');
    expect(JSON.stringify(entries[0]!.after)).toContain(order.code);
    expect(JSON.stringify(entries)).not.toContain('13712340001');
  });

  it('refuses a user’s 31st new number in 10 minutes with a Chinese 429, still answering known ones', async () => {
    const cookie = await k.cookie('shuji');
    const ask = (phone: string) =>
      t.call('GET', `${k.base}/appeals/similar?phone=${phone}`, { cookie });
    for (let i = 0; i < 30; i++)
      expect((await ask(`1580000${String(i).padStart(4, '0')}`)).status).toBe(200);
    const refused = await ask('15800009999');
    expect(refused.status).toBe(429);
    expect(refused.body.detail).toMatch(/10 分钟内最多查询 30 个不同号码/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await ask('15800000003')).status).toBe(200);
    // Others are not held up by one user's limit.
    expect(
      (
        await t.call('GET', `${k.base}/appeals/similar?phone=15800009999`, {
          cookie: await k.cookie('paidan'),
        })
      ).status,
    ).toBe(200);
  });
});
