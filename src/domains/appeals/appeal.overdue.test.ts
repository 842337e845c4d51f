/**
 * The overdue list (超期工单) is capped; a count shown from it (工作台, board) must say when more
 * overdue orders exist than it holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { appealCast, appealKit, type AppealCast, type AppealKit } from '../../testing/appeals.ts';
import { actorFromCookie } from '../auth/session.service.ts';
import { overdueList } from './appeal-read.service.ts';
import * as service from './appeal.service.ts';

let t: TestApp;
let k: AppealKit;
let cast: AppealCast;
const overdue: string[] = [];

/** A hotline order dispatched to 宣传办 `daysAgo` days ago and never claimed. */
async function dispatched(title: string, daysAgo: number) {
  const actor = (await actorFromCookie(
    t.database.db,
    cast.users.dispatcher.cookie.split('=')[1]!,
    24,
  ))!;
  const ctx = { actor, townId: t.townId, ip: null };
  const at = new Date(Date.now() - daysAgo * 86_400_000);
  return t.database.db.transaction().execute(async (trx) => {
    const { row } = await service.intake(
      trx,
      ctx,
      {
        kind: 'hotline',
        channel: 'phone',
        categoryCode: 'urban.roads',
        title,
        content: title,
        payload: {},
      },
      { at },
    );
    const payload = { unitId: cast.propagandaOffice };
    await service.fire(trx, ctx, row.id, { action: 'dispatch', version: 1, payload }, { at });
    return row.id;
  });
}

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  k = appealKit(t);
  cast = await appealCast(t);
  for (const title of ['路灯不亮', '井盖缺失', '路面塌陷'])
    overdue.push(await dispatched(title, 30));
  await dispatched('今天刚派单', 0);
});
afterAll(() => t.close());

describe('the overdue list', () => {
  it('holds every overdue open order of the town for a leader, and says when the cap cuts it', async () => {
    const res = await t.call('GET', `${k.base}/appeals/overdue`, {
      cookie: cast.users.leader.cookie,
    });
    expect(res.status).toBe(200);
    expect(res.body.items.map((a: any) => a.id).sort()).toEqual([...overdue].sort());
    expect(res.body.truncated).toBe(false);

    const cookie = cast.users.leader.cookie;
    const actor = (await actorFromCookie(
      t.database.db,
      cookie.slice(cookie.indexOf('=') + 1),
      24,
    ))!;
    const capped = await overdueList(t.database.db, actor, t.townId, 2);
    expect(capped.items).toHaveLength(2);
    expect(capped.truncated).toBe(true);
    expect((await overdueList(t.database.db, actor, t.townId, 3)).truncated).toBe(false);
  });
});
