/**
 * The scheduler (DESIGN 3, 5): timed jobs for every town. One tick raises 提醒 for duty deadlines
 * falling due soon and 督办 escalations to the leader in charge for those already past. A tick runs
 * in one transaction holding a PostgreSQL advisory lock, so with many app servers only one does
 * the work; the reminder table's unique key makes a repeated tick (after a crash or restart)
 * harmless, and the last tick time is kept in the database. The tick also prunes expired
 * sessions, throttle counters and rate-limit windows (housekeeping.ts).
 */
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../db/schema.ts';
import { currentYear, localDateOf } from '../core/calendar/index.ts';
import { pruneExpiredState, type Pruned } from './housekeeping.ts';
import { heldOnSql } from '../domains/org/holdings.service.ts';
import type { SchedulerStats } from '../http/env.ts';

export type { SchedulerStats } from '../http/env.ts';

const JOB = 'appeal_deadlines';
/** Arbitrary constant naming our lock among the cluster's advisory locks. */
const LOCK_KEY = 7_150_001;
/** How long before a deadline the reminder goes out. */
export const REMINDER_LEAD_MS = 4 * 3600_000;

export interface TickResult {
  ran: boolean;
  reminders: number;
  supervisions: number;
  pruned?: Pruned;
}

/**
 * The leader in charge of an order: its case leader, else the portfolio holder of its category,
 * else the village's liaison leader — positions and liaisons as held on `today`, the towns' local
 * date (the database's current_date is UTC on PostgreSQL).
 */
const leaderInCharge = (today: string) => sql<string | null>`coalesce(
  a.case_leader_person_id,
  (select p.person_id from position p join position_portfolio pp on pp.town_id = p.town_id and pp.position_id = p.id
     join appeal_category c on c.portfolio_code = pp.portfolio_code
   where p.town_id = a.town_id and c.code = a.category_root and p.leadership and ${heldOnSql('p', today)}
   order by p.starts_on, p.id limit 1),
  (select l.person_id from village_liaison l where l.town_id = a.town_id and l.village_id = a.village_id
     and ${heldOnSql('l', today)} order by l.starts_on desc limit 1))`;

export async function runSchedulerTick(
  db: Kysely<DB>,
  now: Date = new Date(),
): Promise<TickResult> {
  return db.transaction().execute(async (trx) => {
    const lock = await sql<{
      locked: boolean;
    }>`select pg_try_advisory_xact_lock(${LOCK_KEY}) as locked`.execute(trx);
    if (!lock.rows[0]?.locked) return { ran: false, reminders: 0, supervisions: 0 };
    const soon = new Date(now.getTime() + REMINDER_LEAD_MS);
    // Deadlines in messages as formatDue (core/calendar/display.ts) writes them: the year unless it is this one.
    const year = currentYear(now);
    // Raw SQL: insert … select with a correlated leader lookup and on conflict, across towns.
    const reminders = await sql`
      insert into appeal_reminder (town_id, id, appeal_id, clock, due_at, kind, target_person_id, message)
      select a.town_id, gen_random_uuid(), a.id, a.next_due_clock, a.next_due_at, 'reminder',
             a.handler_person_id,
             '工单 ' || a.code || '「' || a.title || '」即将到期（' ||
             to_char(a.next_due_at at time zone 'UTC' + interval '8 hours',
               case when extract(year from a.next_due_at at time zone 'UTC' + interval '8 hours') = ${year}
               then 'MM-DD HH24:MI' else 'YYYY-MM-DD HH24:MI' end) || '），请抓紧办理'
      from appeal a
      where a.next_due_at > ${now} and a.next_due_at <= ${soon} and a.closed_at is null and a.merged_into is null
      on conflict (town_id, appeal_id, clock, due_at, kind) do nothing`.execute(trx);
    const supervisions = await sql`
      insert into appeal_reminder (town_id, id, appeal_id, clock, due_at, kind, target_person_id, message)
      select a.town_id, gen_random_uuid(), a.id, a.next_due_clock, a.next_due_at, 'supervision',
             ${leaderInCharge(localDateOf(now))},
             '督办：工单 ' || a.code || '「' || a.title || '」已超过期限（' ||
             to_char(a.next_due_at at time zone 'UTC' + interval '8 hours',
               case when extract(year from a.next_due_at at time zone 'UTC' + interval '8 hours') = ${year}
               then 'MM-DD HH24:MI' else 'YYYY-MM-DD HH24:MI' end) || '），请督促承办单位办理'
      from appeal a
      where a.next_due_at <= ${now} and a.closed_at is null and a.merged_into is null
      on conflict (town_id, appeal_id, clock, due_at, kind) do nothing`.execute(trx);
    const pruned = await pruneExpiredState(trx, now);
    await trx
      .insertInto('scheduler_state')
      .values({ job: JOB, last_tick_at: now, updated_at: new Date() })
      .onConflict((oc) =>
        oc.column('job').doUpdateSet({ last_tick_at: now, updated_at: new Date() }),
      )
      .execute();
    return {
      ran: true,
      reminders: Number(reminders.numAffectedRows ?? 0),
      supervisions: Number(supervisions.numAffectedRows ?? 0),
      pruned,
    };
  });
}

/** Counters of the scheduler in this process, for /metrics and the shutdown log. */
export interface RunningScheduler {
  stats: SchedulerStats;
  /** Stops ticking and resolves once a tick that is running has finished (committed or rolled back). */
  stop(): Promise<void>;
}

/** Starts ticking every `intervalMs`. Errors are logged, never thrown. */
export function startScheduler(
  db: Kysely<DB>,
  logger: Logger,
  intervalMs = 60_000,
): RunningScheduler {
  const stats: SchedulerStats = { ticks: 0, skipped: 0, failures: 0, lastTickMs: null };
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = async () => {
    const started = performance.now();
    try {
      const r = await runSchedulerTick(db);
      if (r.ran) stats.ticks++;
      else stats.skipped++;
      if (r.reminders || r.supervisions || (r.pruned && Object.values(r.pruned).some(Boolean)))
        logger.info(r, 'scheduler tick');
    } catch (err) {
      stats.failures++;
      logger.error({ err }, 'scheduler tick failed');
    } finally {
      stats.lastTickMs = Math.round(performance.now() - started);
      running = null;
    }
  };
  const fire = () => {
    if (running || stopped) return;
    running = tick();
  };
  const timer = setInterval(fire, intervalMs);
  timer.unref();
  fire();
  return {
    stats,
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (running) await running;
    },
  };
}
