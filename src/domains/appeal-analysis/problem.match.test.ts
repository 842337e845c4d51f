/**
 * 可能与…同类 while an order is typed, on the planted town of testing/analysis.ts: 路灯 (西村),
 * 菜市场工地 (南村) and 广场舞 (北村) are problems on the list; 垃圾 (西村, July–September) and
 * 水压 (the cadre's 东村, October–November) are repeats nobody has confirmed yet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/actor.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import {
  actorOf,
  analysisTown,
  PROBLEM_TITLES,
  type AnalysisTown,
} from '../../testing/analysis.ts';
import { matchProblems, type MatchQuery } from './problem-match.service.ts';

let t: TestApp;
let a: AnalysisTown;
let dispatcher: Actor;
let cadre: Actor;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  a = await analysisTown(t);
  dispatcher = await actorOf(t, a.users.dispatcher);
  cadre = await actorOf(t, a.users.cadre);
});
afterAll(() => t.close());

const AUTUMN = new Date('2024-10-01T10:00:00+08:00');
const WINTER = new Date('2024-12-01T10:00:00+08:00');
const hints = (q: MatchQuery, actor = dispatcher, now = AUTUMN) =>
  matchProblems(t.database.db, actor, t.townId, q, now);

describe('matching a new order to the problem list', () => {
  it('names the open problem the text reads like, with why and its version', async () => {
    const found = await hints({
      text: '西村村口那个5号路灯晚上又黑了',
      villageId: a.otherVillage,
      categoryCode: 'urban.roads',
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      kind: 'problem',
      problemId: a.problems.lamp,
      title: PROBLEM_TITLES.lamp,
      statusLabel: '待认领',
      version: 1,
      orderCount: 5,
    });
    expect(found[0]!.matched).toBeGreaterThanOrEqual(2);
    expect(found[0]!.words).toEqual(expect.arrayContaining(['路灯', '村口', '损坏']));
    expect(found[0]!.orders.map((o) => o.id)).toEqual(expect.arrayContaining([a.orders.lamp[0]]));
  });

  it('keeps apart another lamp post, another village and an unrelated complaint', async () => {
    const lamp = { villageId: a.otherVillage, categoryCode: 'urban.roads' };
    expect(await hints({ ...lamp, text: '西村村口3号路灯晚上不亮' })).toEqual([]);
    expect(
      await hints({ text: '村口5号路灯不亮了', villageId: a.village, categoryCode: 'urban.roads' }),
    ).toEqual([]);
    expect(await hints({ ...lamp, text: '西村有户人家在路边私搭乱建' })).toEqual([]);
    expect(await hints({ ...lamp, text: '路灯' })).toEqual([]);
  });

  it('matches over the whole town while village and category are not chosen yet', async () => {
    const found = await hints({ text: '菜市场旁边的工地半夜还在打桩，吵得睡不着' });
    expect(found.map((h) => h.problemId)).toEqual([a.problems.noise]);
  });

  it('offers a recent repeat nobody has confirmed as a cluster, with all its orders', async () => {
    const found = await hints(
      {
        text: '东村二组的自来水水压太低，楼上一点水都没有',
        villageId: a.village,
        categoryCode: 'utilities.water_supply',
        phone: '13900000001',
      },
      dispatcher,
      WINTER,
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'cluster', problemId: null, orderCount: 3 });
    expect(found[0]!.orders.map((o) => o.id).sort()).toEqual([...a.orders.water].sort());
    // Ninety days on, the repeats are no longer recent.
    expect(
      await hints(
        {
          text: '东村二组自来水水压低',
          villageId: a.village,
          categoryCode: 'utilities.water_supply',
        },
        dispatcher,
        new Date('2025-04-01T10:00:00+08:00'),
      ),
    ).toEqual([]);
  });

  it('stays inside the caller’s scope', async () => {
    const lamp = {
      text: '西村村口5号路灯不亮',
      villageId: a.otherVillage,
      categoryCode: 'urban.roads',
    };
    expect(await hints(lamp, cadre)).toEqual([]);
    const water = {
      text: '东村二组水压低，楼上没水',
      villageId: a.village,
      categoryCode: 'utilities.water_supply',
    };
    expect((await hints(water, cadre, WINTER)).map((h) => h.kind)).toEqual(['cluster']);
  });

  it('leaves out closed problems', async () => {
    const text = { text: '北村文化广场晚上广场舞音响太吵' };
    expect((await hints(text)).map((h) => h.problemId)).toEqual([a.problems.square]);
    await t.database.db
      .updateTable('appeal_problem')
      .set({ status: 'closed' })
      .where('id', '=', a.problems.square)
      .execute();
    expect(await hints(text)).toEqual([]);
  });
});

describe('the duplicate-hint endpoint', () => {
  const base = () => `/api/v1/towns/${t.townId}`;
  const typed = {
    text: '西村村口那根5号路灯这几天晚上又不亮了',
    villageId: '',
    categoryCode: 'urban.roads',
  };

  it('answers 可能与…同类 next to the duplicate orders, and the hint links with its version', async () => {
    const cookie = a.users.dispatcher.cookie;
    const q = new URLSearchParams({ ...typed, villageId: a.otherVillage });
    const res = await t.call('GET', `${base()}/appeals/similar?${q}`, { cookie });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const hint = (res.body.problems as { problemId: string; version: number }[])[0]!;
    expect(hint).toMatchObject({ kind: 'problem', problemId: a.problems.lamp });
    // Its orders are from 2024, long past the 90 days of the duplicate list: only the problem
    // list still remembers them.
    expect(res.body.items).toEqual([]);
    q.set('problems', 'false');
    expect(
      (await t.call('GET', `${base()}/appeals/similar?${q}`, { cookie })).body.problems,
    ).toEqual([]);

    const created = await t.call('POST', `${base()}/appeals`, {
      cookie,
      body: {
        kind: 'hotline',
        channel: 'hotline_12345',
        categoryCode: 'urban.roads',
        villageId: a.otherVillage,
        title: '村口路灯又不亮',
        content: typed.text,
        payload: {},
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const linked = await t.call('POST', `${base()}/appeal-problems/${hint.problemId}/orders`, {
      cookie,
      body: { version: hint.version, appealIds: [created.body.id] },
    });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect(linked.body.orders.map((o: { id: string }) => o.id)).toContain(created.body.id);
    // The same hint again is stale: the problem moved on.
    const again = await t.call('POST', `${base()}/appeal-problems/${hint.problemId}/orders`, {
      cookie,
      body: { version: hint.version, appealIds: [created.body.id] },
    });
    expect(again.status).toBe(409);
  });
});
