/** The database figures behind /metrics (metrics.ts): queues and overdue orders, last tick. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface AppealGaugeRow {
  town: string;
  state: string;
  open: number;
  overdue: number;
}

/** Open orders (not closed, not merged) per town and state, and how many are past their deadline. */
export async function appealGauges(db: Kysely<DB>, now: Date): Promise<AppealGaugeRow[]> {
  const rows = await db
    .selectFrom('appeal as a')
    .innerJoin('town as t', 't.id', 'a.town_id')
    .select([
      't.code as town',
      'a.state',
      sql<number>`count(*)::int`.as('open'),
      sql<number>`(count(*) filter (where a.next_due_at < ${now}))::int`.as('overdue'),
    ])
    .where('a.closed_at', 'is', null)
    .where('a.merged_into', 'is', null)
    .groupBy(['t.code', 'a.state'])
    .execute();
  return rows.map((r) => ({ ...r, open: Number(r.open), overdue: Number(r.overdue) }));
}

export async function lastSchedulerTick(db: Kysely<DB>): Promise<Date | null> {
  const row = await db
    .selectFrom('scheduler_state')
    .select(sql<Date>`max(last_tick_at)`.as('at'))
    .executeTakeFirst();
  return row?.at ? new Date(row.at) : null;
}
