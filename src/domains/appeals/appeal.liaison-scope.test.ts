import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/actor.ts';
import { localDateOf } from '../../core/calendar/index.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { appealScope } from './appeal.policy.ts';
import { appealCast, appealKit, type AppealCast, type AppealKit } from '../../testing/appeals.ts';

// 包联 (DESIGN 2: a portfolio leader reads "their portfolios + liaison villages") holds for its
// date range only. The cast's 宣传委员 (propaganda) holds the propaganda portfolio; each village
// below has one order of that portfolio (宣传栏) and one of another (roads).
let t: TestApp;
let k: AppealKit;
let cast: AppealCast;
const day = (offset: number) => localDateOf(new Date(Date.now() + offset * 86_400_000));
const villages: Record<string, string> = {};
const orders: Record<string, { propaganda: string; roads: string }> = {};

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  k = appealKit(t);
  cast = await appealCast(t);
  const me = cast.users.propaganda.personId!;
  const liaisons: Record<string, { startsOn: string; endsOn: string | null }> = {
    甲村: { startsOn: '2020-01-01', endsOn: null }, // current
    乙村: { startsOn: '2020-01-01', endsOn: day(-1) }, // ended yesterday
    丙村: { startsOn: day(1), endsOn: null }, // begins tomorrow
    丁村: { startsOn: '2020-01-01', endsOn: day(0) }, // ends today: still theirs today
  };
  for (const [name, dates] of Object.entries(liaisons)) {
    villages[name] = await cast.town.village(name);
    await cast.town.liaison(me, villages[name]!, dates);
    const intake = (categoryCode: string, title: string) =>
      k.intake('dispatcher', {
        kind: 'hotline',
        channel: 'phone',
        categoryCode,
        villageId: villages[name],
        title,
        content: `${name}${title}`,
      });
    orders[name] = {
      propaganda: (await intake('publicity.signage', '宣传栏破损')).id,
      roads: (await intake('urban.roads', '路面坑洼')).id,
    };
  }
});
afterAll(() => t.close());

/** Ids of a village's orders as the portfolio leader lists them. */
async function seenIn(village: string): Promise<string[]> {
  const res = await t.call('GET', `${k.base}/appeals?villageId=${villages[village]}&limit=200`, {
    cookie: await k.cookie('propaganda'),
  });
  expect(res.status).toBe(200);
  return res.body.items.map((a: { id: string }) => a.id).sort();
}

describe('包联 villages in a portfolio leader’s appeal scope', () => {
  it('grants every order of a village while the liaison is current (an open one and one ending today)', async () => {
    for (const village of ['甲村', '丁村']) {
      const o = orders[village]!;
      expect(await seenIn(village)).toEqual([o.propaganda, o.roads].sort());
    }
  });

  // Only the portfolio’s own orders there remain visible.
  it('no longer grants the village once the liaison has ended, nor before it begins', async () => {
    for (const village of ['乙村', '丙村'])
      expect(await seenIn(village)).toEqual([orders[village]!.propaganda]);
    // Opened by id, such an order is unknown to them.
    const hidden = await t.call('GET', `${k.base}/appeals/${orders['乙村']!.roads}`, {
      cookie: await k.cookie('propaganda'),
    });
    expect(hidden.status).toBe(404);
  });

  it('over a past period (a report’s year) counts the villages held as 包联 during it', async () => {
    const user = cast.users.propaganda;
    const actor: Actor = {
      userId: user.userId,
      homeTownId: t.townId,
      username: user.username,
      displayName: user.username,
      personId: user.personId,
      grants: [{ role: 'portfolio_leader', townId: t.townId, unitId: null }],
      sessionId: '',
    };
    const held = async (days?: { from: string; to: string }) => {
      const scope = await appealScope(t.database.db, actor, t.townId, days);
      return scope.all ? [] : scope.villageIds;
    };
    const today = await held();
    expect(today).toContain(villages['甲村']);
    expect(today).toContain(villages['丁村']);
    expect(today).not.toContain(villages['乙村']);
    expect(today).not.toContain(villages['丙村']);
    const year2021 = await held({ from: '2021-01-01', to: '2021-12-31' });
    expect(year2021).toContain(villages['乙村']);
    expect(year2021).toContain(villages['甲村']);
    expect(year2021).not.toContain(villages['丙村']);
  });
});
