/**
 * The scheduler's SQL (scheduler.ts decides when it runs): the advisory lock one app server
 * holds for a tick, the 提醒 and 督办 rows raised across towns, and the last tick's time.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { heldOnSql } from '../domains/org/holdings.service.ts';

type Db = Kysely<DB>;

/** Arbitrary constant naming our lock among the cluster's advisory locks. */
const LOCK_KEY = 7_150_001;

/** True when this transaction now holds the tick's lock (released when it ends). */
export async function tryTickLock(trx: Db): Promise<boolean> {
  const lock = await sql<{
    locked: boolean;
  }>`select pg_try_advisory_xact_lock(${LOCK_KEY}) as locked`.execute(trx);
  return Boolean(lock.rows[0]?.locked);
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

/**
 * 提醒 to the handler of every open order due in (now, soon]; `year` is the current year, left
 * out of deadlines in messages as formatDue (core/calendar/display.ts) writes them. Returns how
 * many were raised. Raw SQL: insert … select with on conflict, across towns.
 */
export async function raiseReminders(db: Db, now: Date, soon: Date, year: number) {
  const r = await sql`
    insert into appeal_reminder (town_id, id, appeal_id, clock, due_at, kind, target_person_id, message)
    select a.town_id, gen_random_uuid(), a.id, a.next_due_clock, a.next_due_at, 'reminder',
           a.handler_person_id,
           '工单 ' || a.code || '「' || a.title || '」即将到期（' ||
           to_char(a.next_due_at at time zone 'UTC' + interval '8 hours',
             case when extract(year from a.next_due_at at time zone 'UTC' + interval '8 hours') = ${year}
             then 'MM-DD HH24:MI' else 'YYYY-MM-DD HH24:MI' end) || '），请抓紧办理'
    from appeal a
    where a.next_due_at > ${now} and a.next_due_at <= ${soon} and a.closed_at is null and a.merged_into is null
    on conflict (town_id, appeal_id, clock, due_at, kind) do nothing`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/**
 * 督办 to the leader in charge of every open order past its deadline at `now`; `today` is the
 * towns' local date. Raw SQL: insert … select with a correlated leader lookup and on conflict.
 */
export async function raiseSupervisions(db: Db, now: Date, today: string, year: number) {
  const r = await sql`
    insert into appeal_reminder (town_id, id, appeal_id, clock, due_at, kind, target_person_id, message)
    select a.town_id, gen_random_uuid(), a.id, a.next_due_clock, a.next_due_at, 'supervision',
           ${leaderInCharge(today)},
           '督办：工单 ' || a.code || '「' || a.title || '」已超过期限（' ||
           to_char(a.next_due_at at time zone 'UTC' + interval '8 hours',
             case when extract(year from a.next_due_at at time zone 'UTC' + interval '8 hours') = ${year}
             then 'MM-DD HH24:MI' else 'YYYY-MM-DD HH24:MI' end) || '），请督促承办单位办理'
    from appeal a
    where a.next_due_at <= ${now} and a.closed_at is null and a.merged_into is null
    on conflict (town_id, appeal_id, clock, due_at, kind) do nothing`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

export async function recordTick(db: Db, job: string, at: Date): Promise<void> {
  await db
    .insertInto('scheduler_state')
    .values({ job, last_tick_at: at, updated_at: new Date() })
    .onConflict((oc) => oc.column('job').doUpdateSet({ last_tick_at: at, updated_at: new Date() }))
    .execute();
}

/** Longer than any rate-limit window in use (the longest is 10 minutes). */
const RATE_WINDOW_KEEP = sql`interval '1 day'`;

/** Housekeeping (housekeeping.ts): sessions past their expiry. */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const r = await db.deleteFrom('session').where('expires_at', '<', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Housekeeping: rate-limit windows older than any window in use. */
export async function deleteOldRateWindows(db: Db, now: Date): Promise<number> {
  const r = await db
    .deleteFrom('rate_limit')
    .where('window_started_at', '<', sql<Date>`${now}::timestamptz - ${RATE_WINDOW_KEEP}`)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
