import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOtherTown } from '../../testing/scope/matrix.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import {
  analysisTown,
  PROBLEM_TITLES,
  YEAR_QUERY as YEAR,
  type AnalysisTown,
} from '../../testing/analysis.ts';

// The town of testing/analysis.ts: 路灯, 菜市场工地 (without its September order) and 广场舞 are
// confirmed problems; 垃圾 in 西村 and 水压 in the cadre's 东村 wait to be detected.
let t: TestApp;
let a: AnalysisTown;
let base: string;
const as = async (user: keyof AnalysisTown['users']) => a.users[user].cookie;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  a = await analysisTown(t);
  await addOtherTown(t.database.db);
  base = `/api/v1/towns/${t.townId}`;
});
afterAll(() => t.close());

async function detect(user: keyof AnalysisTown['users'], query = YEAR) {
  const res = await t.call('GET', `${base}/appeal-problems/proposals?${query}`, {
    cookie: await as(user),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as any[];
}
const idsOf = (p: any) => p.orders.map((o: any) => o.id).sort();

describe('问题清单: detect → confirm', () => {
  it('proposes the year’s planted near-duplicates and, once confirmed, never proposes them again', async () => {
    const first = await detect('dispatcher');
    const waste = first.find((p) => p.kind === 'new' && p.suggestedTitle.includes('西村桥头垃圾'));
    expect(waste, first.map((p) => p.suggestedTitle).join('\n')).toBeTruthy();
    expect(waste.orders).toHaveLength(4);
    expect(waste.commonWords).toEqual(expect.arrayContaining(['垃圾', '桥头', '清运不及时']));

    const res = await t.call('POST', `${base}/appeal-problems`, {
      cookie: await as('dispatcher'),
      body: { title: waste.suggestedTitle, appealIds: idsOf(waste), source: 'detect' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      status: 'unclaimed',
      statusLabel: '待认领',
      orderCount: 4,
      version: 1,
      categoryCode: 'environment.waste',
    });
    expect(res.body.orders.map((o: any) => o.id).sort()).toEqual(idsOf(waste));

    const second = await detect('dispatcher');
    const confirmed = new Set(idsOf(waste));
    expect(second.filter((p) => p.orders.some((o: any) => confirmed.has(o.id)))).toEqual([]);
    expect(second.length).toBe(first.length - 1);
    const audit = await t.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('entity_id', '=', res.body.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('refuses to put an order into two problems', async () => {
    const list = (await t.call('GET', `${base}/appeal-problems`, { cookie: await as('leader') }))
      .body.items;
    const lamp = list.find((p: any) => p.title.includes('路灯'));
    const detail = (
      await t.call('GET', `${base}/appeal-problems/${lamp.id}`, { cookie: await as('leader') })
    ).body;
    const res = await t.call('POST', `${base}/appeal-problems`, {
      cookie: await as('leader'),
      body: { title: '重复', appealIds: [detail.orders[0].id] },
    });
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain(`已属于问题「${PROBLEM_TITLES.lamp}」`);
  });

  // Adding and removing orders keep the count equal to the listed orders.
  it('offers a new order of an existing problem as an extension', async () => {
    const proposals = await detect('leader');
    const ext = proposals.find((p) => p.kind === 'extend' && p.problemTitle.includes('菜市场'));
    // The September order of the same site.
    expect(ext.orders.map((o: any) => o.title)).toContain('菜市场工地又在夜间施工');
    const before = (
      await t.call('GET', `${base}/appeal-problems/${ext.problemId}`, {
        cookie: await as('leader'),
      })
    ).body;
    expect(before.orderCount).toBe(before.orders.length);
    const added = await t.call('POST', `${base}/appeal-problems/${ext.problemId}/orders`, {
      cookie: await as('leader'),
      body: { version: before.version, appealIds: idsOf(ext) },
    });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(added.body.orderCount).toBe(before.orderCount + ext.orders.length);
    expect(added.body.orders).toHaveLength(added.body.orderCount);
    expect((await detect('leader')).some((p) => p.problemId === ext.problemId)).toBe(false);

    const removed = await t.call('POST', `${base}/appeal-problems/${ext.problemId}/orders/remove`, {
      cookie: await as('leader'),
      body: { version: added.body.version, appealIds: idsOf(ext) },
    });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body.orderCount).toBe(before.orderCount);
    expect(removed.body.orders.map((o: any) => o.id)).not.toContain(ext.orders[0].id);
    // Taken out by a person: detection respects that and does not offer them back.
    const taken = new Set(idsOf(ext));
    expect((await detect('leader')).some((p) => p.orders.some((o: any) => taken.has(o.id)))).toBe(
      false,
    );
    const listed = (
      await t.call('GET', `${base}/appeal-problems`, { cookie: await as('leader') })
    ).body.items.find((p: any) => p.id === ext.problemId);
    expect(listed.orderCount).toBe(removed.body.orders.length);
  });

  // Owner and plan first; 409 on a stale version with nothing changed.
  it('moves status with the version read', async () => {
    const list = (
      await t.call('GET', `${base}/appeal-problems?status=unclaimed`, {
        cookie: await as('leader'),
      })
    ).body.items;
    const p = list.find((x: any) => x.title.includes('广场舞'));
    const noOwner = await t.call('POST', `${base}/appeal-problems/${p.id}/status`, {
      cookie: await as('leader'),
      body: { version: p.version, status: 'rectifying', plan: '约定活动时段' },
    });
    expect(noOwner.status).toBe(422);
    expect(noOwner.body.detail).toMatch(/责任单位/);
    const edited = await t.call('PATCH', `${base}/appeal-problems/${p.id}`, {
      cookie: await as('leader'),
      body: { version: p.version, ownerUnitId: a.governanceOffice },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const stale = await t.call('POST', `${base}/appeal-problems/${p.id}/status`, {
      cookie: await as('leader'),
      body: { version: p.version, status: 'rectifying', plan: '约定活动时段' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toMatch(/已被他人修改/);
    const still = (
      await t.call('GET', `${base}/appeal-problems/${p.id}`, { cookie: await as('leader') })
    ).body;
    expect(still).toMatchObject({ status: 'unclaimed', version: edited.body.version });
    const moved = await t.call('POST', `${base}/appeal-problems/${p.id}/status`, {
      cookie: await as('leader'),
      body: {
        version: edited.body.version,
        status: 'rectifying',
        plan: '与舞队约定活动时段和音量',
      },
    });
    expect(moved.body).toMatchObject({
      status: 'rectifying',
      statusLabel: '整改中',
      plan: '与舞队约定活动时段和音量',
    });
    const wrong = await t.call('POST', `${base}/appeal-problems/${p.id}/status`, {
      cookie: await as('leader'),
      body: { version: moved.body.version, status: 'closed' },
    });
    expect(wrong.status).toBe(409);
    expect(wrong.body.detail).toMatch(/不能改为「已销号」/);
  });
});

describe('问题清单 scope', () => {
  it('shows a village cadre only their village’s problems and proposals, and lets them confirm inside it', async () => {
    const cadre = await as('cadre');
    expect((await t.call('GET', `${base}/appeal-problems`, { cookie: cadre })).body.items).toEqual(
      [],
    );
    const proposals = await detect('cadre');
    const village = a.village;
    expect(proposals.length).toBeGreaterThan(0);
    expect(proposals.every((p) => p.villageId === village)).toBe(true);
    const water = proposals.find((p) => p.suggestedTitle.includes('水压'));
    const res = await t.call('POST', `${base}/appeal-problems`, {
      cookie: cadre,
      body: { title: '东村二组自来水水压低', appealIds: idsOf(water) },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const mine = (await t.call('GET', `${base}/appeal-problems`, { cookie: cadre })).body.items;
    expect(mine.map((p: any) => p.title)).toEqual(['东村二组自来水水压低']);
    const all = (await t.call('GET', `${base}/appeal-problems`, { cookie: await as('leader') }))
      .body.items;
    expect(all.length).toBeGreaterThan(mine.length);
    const other = all.find((p: any) => p.title.includes('菜市场'));
    expect(
      (await t.call('GET', `${base}/appeal-problems/${other.id}`, { cookie: cadre })).status,
    ).toBe(404);
    const foreign = await t.call('PATCH', `${base}/appeal-problems/${other.id}`, {
      cookie: cadre,
      body: { version: other.version, title: 'x' },
    });
    expect(foreign.status).toBe(404);
    const otherOrders = (
      await t.call('GET', `${base}/appeal-problems/${other.id}`, { cookie: await as('leader') })
    ).body.orders;
    const steal = await t.call('POST', `${base}/appeal-problems`, {
      cookie: cadre,
      body: { title: 'x', appealIds: [otherOrders[0].id] },
    });
    expect(steal.status).toBe(422);
  });

  it('keeps the county supervisor read-only and another town out', async () => {
    const list = await t.call('GET', `${base}/appeal-problems`, { cookie: await as('supervisor') });
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    const write = await t.call('POST', `${base}/appeal-problems`, {
      cookie: await as('supervisor'),
      body: { title: 'x', appealIds: [list.body.items[0].id] },
    });
    expect(write.status).toBe(403);
    const stranger = await t.login('other_admin');
    expect((await t.call('GET', `${base}/appeal-problems`, { cookie: stranger })).status).toBe(403);
    expect(
      (
        await t.call('GET', `${base}/appeal-problems/${list.body.items[0].id}`, {
          cookie: stranger,
        })
      ).status,
    ).toBe(403);
    expect((await t.call('GET', `${base}/appeal-commitments`, { cookie: stranger })).status).toBe(
      403,
    );
  });
});
