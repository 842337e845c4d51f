/**
 * Missing meetings have one rule (issue 12): the default frequencies live in one table, which the
 * metric rows (`party_meeting_gap`) and the quarter overview of core/party/meetings.ts both read,
 * so changing a default changes both alike. An empty town with one branch that held nothing.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { townFixture } from '../../testing/town.ts';

let t: TestApp;
let zuzhi: string;
let townBase: string;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const town = townFixture(t);
  townBase = town.base;
  zuzhi = (await town.persona('zuzhi', 'portfolio_leader', { portfolios: ['organization'] }))
    .cookie;
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
});
