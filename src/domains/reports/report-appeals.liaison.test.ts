import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '../../core/calendar/index.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { appealCast, appealKit, type AppealCast, type AppealKit } from '../../testing/appeals.ts';
import { appealValues } from './report-appeals.ts';

// A portfolio leader's 述职报告 counts the orders of their portfolios and 包联 villages held during
// the report's year — not the villages they hold on the day it is drafted, and not ones ever held.
// The cast's 宣传委员 holds propaganda; 西村 and 北村 each have two road orders of 2024.
let t: TestApp;
let k: AppealKit;
let cast: AppealCast;
let north: string;
const YEAR = { from: '2024-01-01', to: '2024-12-31' };

const received = async () =>
  (
    await appealValues(t.database.db, t.townId, {
      ...YEAR,
      personId: cast.users.propaganda.personId!,
    })
  ).get('appeals.received');

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  k = appealKit(t);
  cast = await appealCast(t);
  north = await cast.town.village('北村');
  for (const [villageId, day] of [
    [cast.otherVillage, '2024-02-10'],
    [cast.otherVillage, '2024-09-10'],
    [north, '2024-05-10'],
    [north, '2024-11-10'],
  ])
    await k.intake('dispatcher', {
      kind: 'hotline',
      channel: 'phone',
      categoryCode: 'urban.roads',
      villageId,
      title: '村道坑洼',
      content: '村道坑洼，出行不便',
      receivedAt: `${day}T02:00:00Z`,
      payload: {},
    });
});
afterAll(() => t.close());

describe('appeal numbers of a portfolio leader’s report and 包联 dates', () => {
  it('counts a village whose 包联 ended during the year, and not one that begins after it', async () => {
    expect(await received()).toBe(0);
    const tomorrow = localDateOf(new Date(Date.now() + 86_400_000));
    const me = cast.users.propaganda.personId!;
    await cast.town.liaison(me, cast.otherVillage, {
      startsOn: '2024-03-01',
      endsOn: '2024-06-30',
    });
    await cast.town.liaison(me, north, { startsOn: tomorrow, endsOn: null });
    // Both of 西村's orders of the year, also the one received after the liaison ended.
    expect(await received()).toBe(2);
  });
});
