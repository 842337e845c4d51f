/**
 * The scheduler (DESIGN 3, 5): timed jobs for every town. One tick raises 提醒 for duty deadlines
 * falling due soon and 督办 escalations to the leader in charge for those already past. A tick runs
 * in one transaction holding a PostgreSQL advisory lock, so with many app servers only one does
 * the work; the reminder table's unique key makes a repeated tick (after a crash or restart)
 * harmless, and the last tick time is kept in the database. The tick also prunes expired
 * sessions, throttle counters and rate-limit windows (housekeeping.ts).
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../db/schema.ts';
import { currentYear, localDateOf } from '../core/calendar/index.ts';
import { pruneExpiredState, type Pruned } from './housekeeping.ts';
import {
  raiseReminders,
  raiseSupervisions,
  recordTick,
  tryTickLock,
} from './scheduler.repository.ts';
import type { SchedulerStats } from '../http/env.ts';

export type { SchedulerStats } from '../http/env.ts';

const JOB = 'appeal_deadlines';
/** How long before a deadline the reminder goes out. */
export const REMINDER_LEAD_MS = 4 * 3600_000;

export interface TickResult {
  ran: boolean;
  reminders: number;
  supervisions: number;
  pruned?: Pruned;
}

export async function runSchedulerTick(
  db: Kysely<DB>,
  now: Date = new Date(),
): Promise<TickResult> {
  return db.transaction().execute(async (trx) => {
    if (!(await tryTickLock(trx))) return { ran: false, reminders: 0, supervisions: 0 };
    const soon = new Date(now.getTime() + REMINDER_LEAD_MS);
    // Deadlines in messages as formatDue (core/calendar/display.ts) writes them: the year unless it is this one.
    const year = currentYear(now);
    const reminders = await raiseReminders(trx, now, soon, year);
    const supervisions = await raiseSupervisions(trx, now, localDateOf(now), year);
    const pruned = await pruneExpiredState(trx, now);
    await recordTick(trx, JOB, now);
    return { ran: true, reminders, supervisions, pruned };
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
