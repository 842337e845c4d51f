import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appealKit, type AppealKit } from '../../testing/appeals.ts';
import { analysisTown, YEAR, YEAR_QUERY, type AnalysisTown } from '../../testing/analysis.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';

// The town of testing/analysis.ts: 垃圾 in 西村 (four orders) waits to be detected; the cadre
// works in 东村; 菜市场工地's September order is proposed as an extension of its problem.
let t: TestApp;
let k: AppealKit;
let a: AnalysisTown;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  k = appealKit(t);
  a = await analysisTown(t);
});
afterAll(() => t.close());

async function detect(user = 'dispatcher') {
  const res = await t.call('GET', `${k.base}/appeal-problems/proposals?${YEAR_QUERY}`, {
    cookie: await k.cookie(user),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as any[];
}
const ids = (p: { orders: { id: string }[] }) => p.orders.map((o) => o.id).sort();
const wasteOf = (items: any[]) =>
  items.find((p) => p.kind === 'new' && p.suggestedTitle.includes('西村桥头垃圾'));

describe('忽略 a proposal', () => {
  // Not proposed again until new orders join, then only the new ones, with the earlier dismissal.
  it('remembers the dismissed group', async () => {
    const waste = wasteOf(await detect());
    expect(waste.orders).toHaveLength(4);
    expect(waste.dismissed).toBeNull();
    const res = await t.call('POST', `${k.base}/appeal-problems/dismissals`, {
      cookie: await k.cookie('dispatcher'),
      body: {
        appealIds: ids(waste),
        title: waste.suggestedTitle,
        reason: '已纳入村级保洁日常管理，不单列问题',
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      reason: '已纳入村级保洁日常管理，不单列问题',
      title: waste.suggestedTitle,
    });
    expect(res.body.orders.map((o: any) => o.id).sort()).toEqual(ids(waste));
    const audit = await t.database.db
      .selectFrom('audit_entry')
      .select(['action', 'actor_name'])
      .where('entity_id', '=', res.body.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['dismiss']);

    const after = await detect();
    const dismissedIds = new Set(ids(waste));
    expect(after.filter((p) => p.orders.some((o: any) => dismissedIds.has(o.id)))).toEqual([]);
    // Someone else in the town runs detection: the dismissal holds for the town, not only for its author.
    expect(wasteOf(await detect('leader'))).toBeUndefined();

    // The same bridge's rubbish is reported again in November: the group comes back with that order only.
    const fresh = await k.intake('dispatcher', {
      kind: 'hotline',
      channel: 'hotline_12345',
      categoryCode: 'environment.waste',
      villageId: a.otherVillage,
      title: '西村桥头垃圾池又没人清运',
      content: '西村桥头垃圾池垃圾没人清运，又堆满了，天热发臭。',
      contactPhone: '13900001111',
      receivedAt: `${YEAR}-11-05T02:00:00Z`,
      payload: { hotlineNo: 'RX-DISMISS-1' },
    });
    const back = (await detect()).find((p) => p.orders.some((o: any) => o.id === fresh.id));
    expect(back, 'the new order is proposed').toBeTruthy();
    expect(ids(back)).toEqual([fresh.id]);
    expect(back.dismissed).toMatchObject({
      id: res.body.id,
      reason: '已纳入村级保洁日常管理，不单列问题',
      orderCount: 4,
    });
  });

  // After the undo the whole group is proposed again.
  it('lists dismissals in the caller’s scope and undoes one', async () => {
    const list = await t.call('GET', `${k.base}/appeal-problems/dismissals`, {
      cookie: await k.cookie('leader'),
    });
    expect(list.status).toBe(200);
    const d = list.body.items.find((x: any) => x.title.includes('西村桥头垃圾'));
    expect(d.dismissedByName).toBeTruthy();
    // A village cadre of another village does not see it, and cannot undo it.
    const cadreVillage = await t.database.db
      .selectFrom('user_role as r')
      .innerJoin('app_user as u', (j) => j.onRef('u.id', '=', 'r.user_id'))
      .innerJoin('unit', (j) => j.onRef('unit.id', '=', 'r.scope_unit_id'))
      .select('unit.name')
      .where('u.username', '=', 'cadre')
      .where('r.role', '=', 'village_cadre')
      .executeTakeFirst();
    expect(cadreVillage?.name).not.toBe('西村');
    const cadre = await t.call('GET', `${k.base}/appeal-problems/dismissals`, {
      cookie: await k.cookie('cadre'),
    });
    expect(cadre.body.items.some((x: any) => x.id === d.id)).toBe(false);
    expect(
      (
        await t.call('POST', `${k.base}/appeal-problems/dismissals/${d.id}/revoke`, {
          cookie: await k.cookie('cadre'),
        })
      ).status,
    ).toBe(404);

    const undo = await t.call('POST', `${k.base}/appeal-problems/dismissals/${d.id}/revoke`, {
      cookie: await k.cookie('leader'),
    });
    expect(undo.status, JSON.stringify(undo.body)).toBe(200);
    expect(
      (
        await t.call('GET', `${k.base}/appeal-problems/dismissals`, {
          cookie: await k.cookie('leader'),
        })
      ).body.items.some((x: any) => x.id === d.id),
    ).toBe(false);
    // Proposed again as a whole: the earlier orders (those tight with the November one) together with it.
    const earlier = new Set(d.orders.map((o: any) => o.id));
    const waste = (await detect()).find(
      (p) => p.kind === 'new' && p.orders.filter((o: any) => earlier.has(o.id)).length >= 3,
    );
    expect(waste.orders.length).toBeGreaterThanOrEqual(4);
    expect(waste.orders.some((o: any) => !earlier.has(o.id))).toBe(true);
    expect(waste.dismissed).toBeNull();
    const audit = await t.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('entity_id', '=', d.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['dismiss', 'revoke']);
    expect(
      (
        await t.call('POST', `${k.base}/appeal-problems/dismissals/${d.id}/revoke`, {
          cookie: await k.cookie('leader'),
        })
      ).status,
    ).toBe(404);
  });

  it('dismisses an extension proposal for that problem only', async () => {
    const ext = (await detect('leader')).find(
      (p) => p.kind === 'extend' && p.problemTitle.includes('菜市场'),
    );
    const res = await t.call('POST', `${k.base}/appeal-problems/dismissals`, {
      cookie: await k.cookie('leader'),
      body: {
        appealIds: ids(ext),
        problemId: ext.problemId,
        title: ext.suggestedTitle,
        reason: '9月的施工为另一家工地',
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await detect('leader')).some((p) => p.problemId === ext.problemId)).toBe(false);
    const bad = await t.call('POST', `${k.base}/appeal-problems/dismissals`, {
      cookie: await k.cookie('leader'),
      body: { appealIds: ids(ext), title: 'x', reason: '' },
    });
    expect(bad.status).toBe(422);
  });
});
