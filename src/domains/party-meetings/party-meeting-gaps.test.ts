/**
 * Missing meetings have one rule (issue 12): the default frequencies live in one table, which the
 * metric rows (`party_meeting_gap`) and the quarter overview of core/party/meetings.ts both read,
 * so changing a default changes both alike; and they are judged as of the day the caller gives,
 * never the database's clock. An empty town with one branch that held nothing.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quarterFigures, quarterOf } from '../../core/party/meetings.ts';
import { compileMetricValue } from '../../db/metrics/compile.ts';
import { gapDayOf } from '../../db/party-meeting-gaps.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { actorOf } from '../../testing/analysis.ts';
import { townFixture, type TestUser } from '../../testing/town.ts';
import { metricContext } from '../metrics/metric-context.ts';
import { missingMeetings } from './party-meeting-gaps.repository.ts';
import { requirementsInForce } from './party-roster.service.ts';

let t: TestApp;
let zuzhi: string;
let zuzhiUser: TestUser;
let townBase: string;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const town = townFixture(t);
  townBase = town.base;
  zuzhiUser = await town.persona('zuzhi', 'portfolio_leader', { portfolios: ['organization'] });
  zuzhi = zuzhiUser.cookie;
  const village = await town.village('南岭村');
  await town.unit('南岭村党支部', { kind: 'branch', parentId: village });
});
afterAll(() => t.close());

/** The second quarter of 2025 (ended): the metric's figure and the overview's. */
async function missingInQ2() {
  const metric = await t.call(
    'GET',
    `${townBase}/metrics/ledger.party_meeting_gap.missing?from=2025-04-01&to=2025-06-30`,
    { cookie: zuzhi },
  );
  expect(metric.status, JSON.stringify(metric.body)).toBe(200);
  const overview = await t.call('GET', `${townBase}/party/quarter-overview?year=2025&quarter=2`, {
    cookie: zuzhi,
  });
  expect(overview.status).toBe(200);
  const branches = overview.body.branches as { missing: number }[];
  return { metric: metric.body.value as number, overview: branches[0]!.missing };
}

describe('default meeting frequencies', () => {
  it('come from one table that the metric rows and the overview both follow', async () => {
    // Monthly committee, group and theme day (3 each), quarterly assembly and lecture (1 each).
    expect(await missingInQ2()).toEqual({ metric: 11, overview: 11 });
    const db = t.database.db;
    await sql`update meeting_requirement_default set times = 2 where meeting_type = 'committee'`.execute(
      db,
    );
    await sql`update meeting_requirement_default set period = 'month' where meeting_type = 'party_lecture'`.execute(
      db,
    );
    try {
      // Committee 3 → 6, party lecture 1 → 3: both figures move together.
      expect(await missingInQ2()).toEqual({ metric: 16, overview: 16 });
      const reqs = await t.call('GET', `${townBase}/party/meeting-requirements`, { cookie: zuzhi });
      expect(reqs.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ meetingType: 'committee', period: 'month', times: 2 }),
          expect.objectContaining({ meetingType: 'party_lecture', period: 'month', times: 1 }),
        ]),
      );
    } finally {
      await sql`update meeting_requirement_default set times = 1 where meeting_type = 'committee'`.execute(
        db,
      );
      await sql`update meeting_requirement_default set period = 'quarter' where meeting_type = 'party_lecture'`.execute(
        db,
      );
    }
    expect(await missingInQ2()).toEqual({ metric: 11, overview: 11 });
  });

  it('judges missing meetings as of the day the caller gives, on either side of a period end', async () => {
    const db = t.database.db;
    const q2 = quarterOf(2025, 2);
    const reqs = await requirementsInForce(db, t.townId);
    const inQ2 = async (asOf: string) =>
      (await missingMeetings(db, asOf, t.townId)).filter(
        (g) => g.periodStart >= q2.from && g.periodEnd <= q2.to,
      );
    const label = (gaps: { meetingType: string; periodEnd: string }[]) =>
      gaps.map((g) => `${g.meetingType} ${g.periodEnd}`).sort();
    // On April 30th April has not ended; on May 1st its three monthly meetings are missing.
    expect(await inQ2('2025-04-30')).toEqual([]);
    expect(label(await inQ2('2025-05-01'))).toEqual(
      ['committee', 'group', 'theme_day'].map((x) => `${x} 2025-04-30`).sort(),
    );
    // The quarter's assembly and lecture only once the quarter has ended.
    const lastDay = label(await inQ2('2025-06-30'));
    const nextDay = label(await inQ2('2025-07-01'));
    expect(lastDay).toHaveLength(6);
    expect(nextDay.filter((x) => !lastDay.includes(x))).toEqual(
      ['committee', 'group', 'member_assembly', 'party_lecture', 'theme_day']
        .map((x) => `${x} 2025-06-30`)
        .sort(),
    );
    // The core's quarter figures on the same days count the same.
    for (const day of ['2025-04-30', '2025-05-01', '2025-06-30', '2025-07-01']) {
      const gaps = await inQ2(day);
      expect(quarterFigures([], reqs, q2, day).missing, day).toBe(
        gaps.reduce((s, g) => s + g.missing, 0),
      );
    }
    // The metric takes its day from the caller (the town's today), capped by its period's end.
    const ctx = await metricContext(db, await actorOf(t, zuzhiUser), t.townId);
    const { type, metric } = ctx.find('ledger.party_meeting_gap.missing');
    const valueOn = async (asOf: string) => {
      const params = { ...(await ctx.params(type, { from: q2.from, to: q2.to })), asOf };
      const res = await db.executeQuery<{ value: number }>(
        compileMetricValue(metric, params, ctx.registry),
      );
      return Number(res.rows[0]!.value);
    };
    expect(await valueOn('2025-06-30')).toBe(6);
    expect(await valueOn('2025-07-01')).toBe(11);
    expect(await valueOn('2026-12-07')).toBe(11);
    expect(gapDayOf({ period: q2, asOf: '2026-12-07' })).toBe('2025-07-01');
    expect(gapDayOf({ period: q2 })).toBe('2025-07-01');
  });
});
