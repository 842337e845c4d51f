/**
 * The working calendar as the app uses it: built from the database (shipped 2020–2026 notices plus
 * what admins entered for later years), cached until any row changes, and edited a year at a time.
 * After an edit the appeals domain recomputes the deadlines the change affects (calendar.routes).
 */
import type { Kysely } from 'kysely';
import {
  createWorkCalendar,
  calendarRowSchema,
  uncoveredYearWarning,
  yearOf,
  type CalendarRow,
  type WorkCalendar,
} from '../../core/calendar/index.ts';
import { InvalidInput } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import { auditWrite } from '../audit/audit.service.ts';
import * as repo from './calendar.repository.ts';
import type { WriteCtx } from '../../core/actor.ts';

type Db = Kysely<DB>;

let cached: { stamp: string; calendar: WorkCalendar } | undefined;

/** The current calendar; one tiny query checks the cache, so every app server sees edits at once. */
export async function loadWorkCalendar(db: Db): Promise<WorkCalendar> {
  const stamp = await repo.calendarStamp(db);
  if (cached?.stamp === stamp) return cached.calendar;
  const [rows, years] = await Promise.all([repo.listRows(db), repo.listYears(db)]);
  const calendar = createWorkCalendar({ rows, rowYears: years.map((y) => y.year) });
  cached = { stamp, calendar };
  return calendar;
}

export interface YearView {
  year: number;
  covered: boolean;
  days: CalendarRow[];
  /** Loud Chinese warning when the year's notice has not been entered. */
  warnings: string[];
}

export async function getYear(db: Db, year: number): Promise<YearView> {
  const calendar = await loadWorkCalendar(db);
  const covered = calendar.covers(year);
  return {
    year,
    covered,
    days: await repo.listRows(db, year),
    warnings: covered ? [] : [uncoveredYearWarning(year)],
  };
}

/** Enters (or corrects) one year's notice: every special date of the year, replacing what was there. */
export async function setYear(
  db: Db,
  ctx: WriteCtx,
  year: number,
  days: unknown[],
): Promise<YearView> {
  const rows: CalendarRow[] = [];
  const issues: { path: string; label: string; message: string }[] = [];
  days.forEach((d, i) => {
    const parsed = calendarRowSchema.safeParse(d);
    if (!parsed.success)
      issues.push({
        path: `days.${i}`,
        label: '日期',
        message: parsed.error.issues[0]?.message ?? '有误',
      });
    else if (yearOf(parsed.data.date) !== year)
      issues.push({
        path: `days.${i}.date`,
        label: '日期',
        message: `${parsed.data.date}不在${year}年内`,
      });
    else rows.push(parsed.data);
  });
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    if (seen.has(r.date))
      issues.push({ path: `days.${i}.date`, label: '日期', message: `${r.date}重复出现` });
    seen.add(r.date);
  });
  if (issues.length) throw new InvalidInput(`工作日历有误：${issues[0]!.message}`, issues);
  const before = await repo.listRows(db, year);
  await repo.replaceYear(db, year, rows, 'admin');
  await auditWrite(db, ctx, 'update', 'work_calendar', String(year), before, rows);
  cached = undefined;
  return getYear(db, year);
}
