/**
 * Queries of the work calendar (工作日历): a global reference table of special dates plus the
 * years whose State Council notice has been entered. The calendar is national, not per town.
 */
import { sql, type Kysely } from 'kysely';
import type { CalendarRow } from '../../core/calendar/index.ts';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB>;

export async function listRows(db: Db, year?: number): Promise<CalendarRow[]> {
  let q = db.selectFrom('work_calendar_day').select(['date', 'kind', 'name']).orderBy('date');
  if (year !== undefined)
    q = q.where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`);
  const rows = await q.execute();
  return rows.map((r) => ({ date: r.date, kind: r.kind, ...(r.name ? { name: r.name } : {}) }));
}

export async function listYears(
  db: Db,
): Promise<{ year: number; source: string; updatedAt: Date }[]> {
  const rows = await db
    .selectFrom('work_calendar_year')
    .select(['year', 'source', 'updated_at'])
    .orderBy('year')
    .execute();
  return rows.map((r) => ({ year: r.year, source: r.source, updatedAt: new Date(r.updated_at) }));
}

/** A cheap fingerprint that changes whenever any calendar row or year changes. */
export async function calendarStamp(db: Db): Promise<string> {
  const r = await sql<{ stamp: string }>`
    select concat(
      (select count(*) from work_calendar_day), '/', (select max(updated_at) from work_calendar_day), '/',
      (select count(*) from work_calendar_year), '/', (select max(updated_at) from work_calendar_year)
    ) as stamp`.execute(db);
  return r.rows[0]?.stamp ?? '';
}

/** Replaces one year's special dates and marks the year as entered. */
export async function replaceYear(
  db: Db,
  year: number,
  rows: CalendarRow[],
  source: string,
): Promise<void> {
  await db
    .deleteFrom('work_calendar_day')
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .execute();
  if (rows.length) {
    await db
      .insertInto('work_calendar_day')
      .values(
        rows.map((r) => ({
          date: r.date,
          kind: r.kind,
          name: r.name ?? null,
          source,
          updated_at: new Date(),
        })),
      )
      .execute();
  }
  await db
    .insertInto('work_calendar_year')
    .values({ year, source, updated_at: new Date() })
    .onConflict((oc) => oc.column('year').doUpdateSet({ source, updated_at: new Date() }))
    .execute();
}
