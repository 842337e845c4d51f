/** Queries of `lvzhi doctor` (doctor.ts): what the database says about itself. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export async function serverVersion(db: Kysely<DB>): Promise<string> {
  const r = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db);
  return r.rows[0]?.v ?? '?';
}

/** Names of the migrations applied, or null when the migration table does not exist yet. */
export async function appliedMigrations(db: Kysely<DB>): Promise<string[] | null> {
  const exists = await sql<{
    t: string | null;
  }>`select to_regclass('kysely_migration')::text as t`.execute(db);
  if (!exists.rows[0]?.t) return null;
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
    db,
  );
  return rows.rows.map((r) => r.name);
}

export async function calendarYears(db: Kysely<DB>): Promise<number[]> {
  const rows = await db.selectFrom('work_calendar_year').select('year').orderBy('year').execute();
  return rows.map((r) => Number(r.year));
}

export async function lastTick(db: Kysely<DB>): Promise<Date | null> {
  const row = await db
    .selectFrom('scheduler_state')
    .select(sql<Date>`max(last_tick_at)`.as('at'))
    .executeTakeFirst();
  return row?.at ? new Date(row.at) : null;
}
