/**
 * The demo moves with the clock (issue 11) and reads like a real town of ~30,000 (issue 13): for a
 * pinned `today` it covers the two previous calendar years complete and this year up to today,
 * nothing later; the year's volumes follow the season; ledgers do not share round figures.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/database.ts';
import { demoClock, lastDayOf } from './demo-clock.ts';
import { createDemoTown, type DemoResult } from './demo-town.ts';
import { TOWN_POPULATION } from './demo-places.ts';

const TODAY = '2027-03-15';
let database: TestDatabase;
let demo: DemoResult;

beforeAll(async () => {
  database = await createTestDatabase();
  demo = await createDemoTown(database.db, 'Demo-clock-test-2027', { today: TODAY });
}, 300_000);
afterAll(() => database?.close());

const months = async (table: 'ledger_record' | 'appeal') => {
  const column = table === 'appeal' ? sql`received_on` : sql`occurred_on`;
  return (
    await sql<{ month: string; n: number }>`
      select to_char(${column}, 'YYYY-MM') as month, count(*)::int as n
      from ${sql.table(table)} where town_id = ${demo.townId} group by 1 order by 1`.execute(
      database.db,
    )
  ).rows;
};

describe('the demo for a pinned today', () => {
  it('derives its years from today and rejects a malformed date', () => {
    expect(demoClock(TODAY)).toEqual({
      today: TODAY,
      years: [2025, 2026, 2027],
      start: '2025-01-01',
    });
    expect(lastDayOf(demoClock(TODAY), 2026)).toBe('2026-12-31');
    expect(lastDayOf(demoClock(TODAY), 2027)).toBe(TODAY);
    expect(() => demoClock('15.03.2027')).toThrow(RangeError);
  });

  it('covers two past years month by month and this year up to today, never later', async () => {
    expect(demo.clock.years).toEqual([2025, 2026, 2027]);
    for (const table of ['ledger_record', 'appeal'] as const) {
      const rows = await months(table);
      const seen = rows.map((r) => r.month);
      console.log(table, rows.map((r) => `${r.month}:${r.n}`).join(' '));
      for (const y of [2025, 2026])
        for (let m = 1; m <= 12; m++)
          expect(seen, `${table} ${y}-${m}`).toContain(`${y}-${String(m).padStart(2, '0')}`);
      expect(seen, table).toContain('2027-03');
      expect(seen.at(-1)! <= '2027-03', table).toBe(true);
      expect(seen[0], table).toBe('2025-01');
    }
    const latest = (
      await sql<{ d: string }>`
        select greatest((select max(occurred_on) from ledger_record where town_id = ${demo.townId}),
                        (select max(received_on) from appeal where town_id = ${demo.townId}))::text as d`.execute(
        database.db,
      )
    ).rows[0]!.d;
    expect(latest <= TODAY).toBe(true);
  });

  it('has volumes of a town of ~30,000 that follow the season and share no round figure', async () => {
    expect(TOWN_POPULATION).toBeGreaterThan(28_000);
    expect(TOWN_POPULATION).toBeLessThan(32_000);
    const perLedger = (
      await sql<{ type: string; n: number }>`
        select type_code as type, count(*)::int as n from ledger_record
        where town_id = ${demo.townId} and occurred_on between '2026-01-01' and '2026-12-31'
        group by 1 order by 2 desc`.execute(database.db)
    ).rows;
    console.log('2026 records per ledger:', perLedger.map((r) => `${r.type} ${r.n}`).join(', '));
    // A round count (a multiple of 10 from 20 up) met in two ledgers reads as generated.
    const round = perLedger.filter((r) => r.n >= 20 && r.n % 10 === 0).map((r) => r.n);
    expect(new Set(round).size, JSON.stringify(perLedger)).toBe(round.length);
    // Spring Festival is quiet: February holds fewer appeals than April.
    const appeals = new Map((await months('appeal')).map((r) => [r.month, r.n]));
    expect(appeals.get('2026-02')!).toBeLessThan(appeals.get('2026-04')!);
    const yearOf = (y: string) =>
      [...appeals].filter(([m]) => m.startsWith(y)).reduce((n, [, v]) => n + v, 0);
    console.log('appeals per year:', yearOf('2025'), yearOf('2026'), yearOf('2027'));
    expect(yearOf('2026')).toBeGreaterThan(500);
    expect(yearOf('2027')).toBeLessThan(yearOf('2026') / 2);
  });
});
