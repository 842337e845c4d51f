/**
 * Helpers for the tests that read the demo town on purpose (a whole catalogue of records, every
 * role's duty report): they take the demo's year and figures from its records, never from the
 * demo generator's constants, so the demo can move with the clock or change its numbers.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface DemoYear {
  year: number;
  /** `${year}-01-01` */
  from: string;
  /** `${year}-12-31` */
  to: string;
  /** `from=…&to=…` */
  query: string;
  /** A date of that year, `${year}-MM-DD`. */
  on(monthDay: string): string;
}

/** The calendar year holding most of the demo's ledger records and orders. */
export async function demoYear(db: Kysely<DB>, townId: string): Promise<DemoYear> {
  const row = (
    await sql<{ year: number }>`
      select y as year from (
        select extract(year from occurred_on)::int as y from ledger_record where town_id = ${townId}
        union all
        select extract(year from received_on)::int from appeal where town_id = ${townId}) d
      group by y order by count(*) desc, y desc limit 1`.execute(db)
  ).rows[0];
  if (!row) throw new Error('the demo town holds no records');
  const year = Number(row.year);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  return { year, from, to, query: `from=${from}&to=${to}`, on: (md) => `${year}-${md}` };
}
