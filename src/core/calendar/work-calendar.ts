/**
 * 工作日历 — which local dates are working days: statutory holidays and 调休 make-up working days
 * per year (shipped data, plus rows an admin enters for later years), falling back to the plain
 * Monday–Friday rule, with a Chinese warning, for years nobody has entered yet.
 */
import { z } from 'zod';
import { InvalidInput, type FieldIssue } from '../errors.ts';
import { HOLIDAY_ARRANGEMENTS_2020_2026 } from './holidays-2020-2026.ts';
import {
  addDays,
  daysBetween,
  isDateKey,
  localDateOf,
  weekdayOf,
  yearOf,
  type DateKey,
} from './local-time.ts';

export const dateKeySchema = z.string().refine(isDateKey, { message: '日期格式应为 YYYY-MM-DD' });

export const holidayRangeSchema = z
  .object({ name: z.string().min(1), from: dateKeySchema, to: dateKeySchema })
  .refine((r) => r.from <= r.to, { message: '放假结束日期不能早于开始日期', path: ['to'] });

/** One State Council notice: the holidays of a year and its make-up working days (周末上班). */
export const yearArrangementSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  source: z.string().optional(),
  holidays: z.array(holidayRangeSchema),
  workdays: z.array(z.object({ date: dateKeySchema, name: z.string().min(1).optional() })),
});
export type YearArrangement = z.infer<typeof yearArrangementSchema>;

/** One admin-edited calendar row: a date that is a holiday, or a weekend day that is worked. */
export const calendarRowSchema = z.object({
  date: dateKeySchema,
  kind: z.enum(['holiday', 'workday']),
  name: z.string().min(1).optional(),
});
export type CalendarRow = z.infer<typeof calendarRowSchema>;

export type DayKind = 'holiday' | 'workday' | 'weekend' | 'weekday';

export interface DayInfo {
  date: DateKey;
  working: boolean;
  /** holiday/workday: set by a notice; weekend/weekday: the ordinary rule applies. */
  kind: DayKind;
  name?: string;
  /** False when the date's year has no holiday arrangement entered. */
  covered: boolean;
}

export interface WorkCalendar {
  /** Years whose holiday arrangement has been entered, ascending. */
  readonly coveredYears: readonly number[];
  covers(year: number): boolean;
  isWorkingDay(date: DateKey | Date): boolean;
  dayInfo(date: DateKey | Date): DayInfo;
  /** The special dates as admin-editable rows, sorted by date. */
  toRows(): CalendarRow[];
}

/** The Chinese warning for a computation that needed a year nobody has entered. */
export function uncoveredYearWarning(year: number): string {
  return `${year}年的节假日安排尚未录入，期限按普通周末规则计算，请管理员补录工作日历`;
}

function issuesOf(error: z.ZodError, prefix: string): FieldIssue[] {
  return error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].join('.'),
    label: '工作日历',
    message: i.message,
  }));
}

function parseOrThrow<T>(schema: z.ZodType<T>, data: unknown, prefix: string): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new InvalidInput('工作日历数据有误', issuesOf(parsed.error, prefix));
  return parsed.data;
}

/** Expands year arrangements into one row per special date. */
export function arrangementsToRows(arrangements: YearArrangement[]): CalendarRow[] {
  const rows: CalendarRow[] = [];
  for (const a of arrangements) {
    for (const h of a.holidays) {
      const span = daysBetween(h.from, h.to);
      for (let i = 0; i <= span; i++)
        rows.push({ date: addDays(h.from, i), kind: 'holiday', name: h.name });
    }
    for (const w of a.workdays)
      rows.push({ date: w.date, kind: 'workday', ...(w.name ? { name: w.name } : {}) });
  }
  return rows;
}

function indexRows(rows: CalendarRow[]): Map<DateKey, CalendarRow> {
  const byDate = new Map<DateKey, CalendarRow>();
  const conflicts: FieldIssue[] = [];
  for (const row of rows) {
    const prior = byDate.get(row.date);
    if (prior && prior.kind !== row.kind) {
      conflicts.push({
        path: row.date,
        label: '工作日历',
        message: `${row.date}既被设为放假又被设为上班`,
      });
    }
    byDate.set(row.date, row);
  }
  if (conflicts.length > 0)
    throw new InvalidInput('工作日历数据有误：同一天的安排互相矛盾', conflicts);
  return byDate;
}

export interface WorkCalendarInput {
  /** Notices in the `YearArrangement` shape (the shipped table uses it). */
  arrangements?: unknown;
  /** Admin-edited rows, e.g. for next year's notice. */
  rows?: unknown;
  /**
   * Years the rows cover. Defaults to the years the rows' dates fall in; give it explicitly when
   * a holiday spills into the previous year (元旦 from 12-31) or a year has no special dates.
   */
  rowYears?: number[];
}

/** Builds a calendar from validated data; throws `InvalidInput` on malformed or conflicting data. */
export function createWorkCalendar(input: WorkCalendarInput): WorkCalendar {
  const arrangements = parseOrThrow(
    z.array(yearArrangementSchema),
    input.arrangements ?? [],
    'arrangements',
  );
  const extraRows = parseOrThrow(z.array(calendarRowSchema), input.rows ?? [], 'rows');
  const rowYears = parseOrThrow(z.array(z.number().int()).optional(), input.rowYears, 'rowYears');
  const byDate = indexRows([...arrangementsToRows(arrangements), ...extraRows]);
  const years = new Set<number>(arrangements.map((a) => a.year));
  for (const y of rowYears ?? extraRows.map((r) => yearOf(r.date))) years.add(y);
  const coveredYears = [...years].sort((a, b) => a - b);

  const dayInfo = (date: DateKey | Date): DayInfo => {
    const key = typeof date === 'string' ? date : localDateOf(date);
    const covered = years.has(yearOf(key));
    const row = byDate.get(key);
    if (row)
      return {
        date: key,
        working: row.kind === 'workday',
        kind: row.kind,
        covered,
        ...(row.name ? { name: row.name } : {}),
      };
    const weekend = weekdayOf(key) === 0 || weekdayOf(key) === 6;
    return { date: key, working: !weekend, kind: weekend ? 'weekend' : 'weekday', covered };
  };
  return {
    coveredYears,
    covers: (year) => years.has(year),
    isWorkingDay: (date) => dayInfo(date).working,
    dayInfo,
    toRows: () => [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)),
  };
}

let defaultCalendar: WorkCalendar | undefined;

/** The shipped 2020–2026 calendar; add admin rows with `createWorkCalendar` for later years. */
export function defaultWorkCalendar(): WorkCalendar {
  defaultCalendar ??= createWorkCalendar({ arrangements: HOLIDAY_ARRANGEMENTS_2020_2026 });
  return defaultCalendar;
}

/** The shipped calendar extended with admin rows (e.g. the 2027 notice). */
export function workCalendarWithRows(rows: unknown, rowYears?: number[]): WorkCalendar {
  return createWorkCalendar({
    arrangements: HOLIDAY_ARRANGEMENTS_2020_2026,
    rows,
    ...(rowYears ? { rowYears } : {}),
  });
}
