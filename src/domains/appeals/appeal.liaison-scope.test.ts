import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../core/actor.ts';
import { localDateOf } from '../../core/calendar/index.ts';
import { newId } from '../../db/ids.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { appealScope } from './appeal.policy.ts';
import { appealKit, type AppealKit } from '../../testing/appeals.ts';

// 包联 (DESIGN 2: a portfolio leader reads "their portfolios + liaison villages") holds for its
// date range only: the demo's 宣传委员 (xuanchuan) is liaison of 东岭村 and 新街社区 from 2025-01-01.
let t: TestApp;
let k: AppealKit;
let personId: string;
const day = (offset: number) => localDateOf(new Date(Date.now() + offset * 86_400_000));

async function liaison(village: string, startsOn: string, endsOn: string | null) {
  await t.database.db
    .insertInto('village_liaison')
    .values({
      town_id: t.townId,
      id: newId(),
      village_id: await k.village(village),
      person_id: personId,
      starts_on: startsOn,
      ends_on: endsOn,
    })
    .execute();
}

/** Orders of a village as the portfolio leader lists them, and all of them as stored. */
async function ordersOf(village: string) {
  const villageId = await k.village(village);
  const res = await t.call('GET', `${k.base}/appeals?villageId=${villageId}&limit=200`, {
    cookie: await k.cookie('xuanchuan'),
  });
  expect(res.status).toBe(200);
  const all = (
    await sql<{
      id: string;
      category_root: string | null;
    }>`select id, category_root from appeal where town_id = ${t.townId} and village_id = ${villageId}`.execute(
      t.database.db,
    )
  ).rows;
  return {
    seen: res.body.items.map((a: { id: string }) => a.id).sort(),
    all: all.map((a) => a.id).sort(),
    propaganda: all
      .filter((a) => a.category_root === 'publicity')
      .map((a) => a.id)
      .sort(),
  };
}

beforeAll(async () => {
  t = await createTestApp();
  k = appealKit(t);
  personId = await k.personOf('xuanchuan');
  await liaison('青松村', '2025-01-01', day(-1)); // ended yesterday
  await liaison('柳溪村', day(1), null); // begins tomorrow
  await liaison('河湾村', '2025-01-01', day(0)); // ends today: still theirs today
});
afterAll(() => t.close());

describe('包联 villages in a portfolio leader’s appeal scope', () => {
  it('grants every order of a village while the liaison is current (the demo’s own and one ending today)', async () => {
    for (const village of ['东岭村', '河湾村']) {
      const o = await ordersOf(village);
      expect(o.all.length).toBeGreaterThan(o.propaganda.length);
      expect(o.seen).toEqual(o.all);
    }
  });

  it('no longer grants the village once the liaison has ended, nor before it begins — only the portfolio’s own orders there', async () => {
    for (const village of ['青松村', '柳溪村']) {
      const o = await ordersOf(village);
      expect(o.all.length).toBeGreaterThan(o.propaganda.length);
      expect(o.seen).toEqual(o.propaganda);
    }
    // Opened by id, such an order is unknown to them.
    const hidden = (
      await sql<{
        id: string;
      }>`select id from appeal where town_id = ${t.townId} and village_id = ${await k.village('青松村')} and category_root <> 'publicity' limit 1`.execute(
        t.database.db,
      )
    ).rows[0]!.id;
    expect(
      (await t.call('GET', `${k.base}/appeals/${hidden}`, { cookie: await k.cookie('xuanchuan') }))
        .status,
    ).toBe(404);
  });

  it('over a past period (a report’s year) counts the villages held as 包联 during it', async () => {
    const user = await t.database.db
      .selectFrom('app_user')
      .select(['id', 'display_name'])
      .where('town_id', '=', t.townId)
      .where('username', '=', 'xuanchuan')
      .executeTakeFirstOrThrow();
    const actor: Actor = {
      userId: user.id,
      homeTownId: t.townId,
      username: 'xuanchuan',
      displayName: user.display_name,
      personId,
      grants: [{ role: 'portfolio_leader', townId: t.townId, unitId: null }],
      sessionId: '',
    };
    const villages = async (days?: { from: string; to: string }) => {
      const scope = await appealScope(t.database.db, actor, t.townId, days);
      return scope.all ? [] : scope.villageIds;
    };
    const [qingsong, liuxi, dongling] = [
      await k.village('青松村'),
      await k.village('柳溪村'),
      await k.village('东岭村'),
    ];
    const today = await villages();
    expect(today).toContain(dongling);
    expect(today).not.toContain(qingsong);
    expect(today).not.toContain(liuxi);
    const year2025 = await villages({ from: '2025-01-01', to: '2025-12-31' });
    expect(year2025).toContain(qingsong);
    expect(year2025).toContain(dongling);
    expect(year2025).not.toContain(liuxi);
  });
});
