/**
 * Deadline arithmetic (期限计算) in town-local time: adds a limit in clock hours, working hours,
 * working days or calendar days to a start instant against a `WorkCalendar`, and measures the
 * working time between two instants (remaining time, overrun). Semantics are documented per unit.
 */
import dayjs from 'dayjs';
import { z } from 'zod';
import { InvalidInput } from '../errors.ts';
import {
  addDays,
  endOfLocalDay,
  localDateOf,
  localInstant,
  localMinuteOf,
  yearOf,
  type DateKey,
} from './local-time.ts';
import {
  DEFAULT_OFFICE_HOURS,
  endOfOfficeDay,
  officeSpans,
  type OfficeHours,
} from './office-hours.ts';
import { uncoveredYearWarning, type WorkCalendar } from './work-calendar.ts';

export const DEADLINE_UNITS = [
  'clock_hours',
  'working_hours',
  'working_days',
  'calendar_days',
  'calendar_months',
] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

export const DEADLINE_UNIT_LABELS: Record<DeadlineUnit, string> = {
  clock_hours: '小时',
  working_hours: '工作小时',
  working_days: '个工作日',
  calendar_days: '日',
  calendar_months: '个月',
};

/** A time limit: hours may be fractional (0.5 = 30 minutes); days are whole. */
export const deadlineRuleSchema = z
  .object({ amount: z.number().positive().max(100_000), unit: z.enum(DEADLINE_UNITS) })
  .refine((r) => r.unit.endsWith('_hours') || Number.isInteger(r.amount), {
    message: '按日计算的期限须为整数天',
    path: ['amount'],
  });
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;

export interface DueAt {
  dueAt: Date;
  /** Chinese warnings, e.g. a year whose holidays are not entered yet. */
  warnings: string[];
}

/** Safety bound: no limit we model runs longer than this many days of scanning. */
const MAX_SCAN_DAYS = 366 * 30;

/** Collects one warning per uncovered year a computation looked at. */
class CoverageWatch {
  private readonly years = new Set<number>();
  constructor(private readonly calendar: WorkCalendar) {}
  isWorkingDay(day: DateKey): boolean {
    const year = yearOf(day);
    if (!this.calendar.covers(year)) this.years.add(year);
    return this.calendar.isWorkingDay(day);
  }
  get warnings(): string[] {
    return [...this.years].sort((a, b) => a - b).map(uncoveredYearWarning);
  }
}

function addMonths(day: DateKey, months: number): DateKey {
  return dayjs(day).add(months, 'month').format('YYYY-MM-DD');
}

export function describeRule(rule: DeadlineRule): string {
  return `${rule.amount}${DEADLINE_UNIT_LABELS[rule.unit]}`;
}

/**
 * When a limit that starts at `start` falls due:
 * - clock_hours: plain elapsed time (start + amount hours), holidays irrelevant.
 * - working_hours: only office-hour time on working days counts; a limit that is used up exactly
 *   at the end of a period falls due then (12:00, 17:30), not at the next period's start.
 * - working_days: the start day is not counted (as 期间开始的日不计算在内); due at the end of the
 *   office day (17:30) of the Nth working day after the start day, whatever the start time.
 * - calendar_days (信访工作条例 limits): the start day is not counted; due at 23:59:59.999 local of
 *   the Nth day after it. A last day that falls on a holiday is NOT extended.
 * - calendar_months (党章's one-year 预备期, as 12): the same day N months on (a missing day, e.g.
 *   29 February, clamps to the month's end), due at its end; holidays irrelevant.
 */
export function computeDueAt(
  start: Date,
  rule: DeadlineRule,
  calendar: WorkCalendar,
  officeHours: OfficeHours = DEFAULT_OFFICE_HOURS,
): DueAt {
  const parsed = deadlineRuleSchema.safeParse(rule);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: i.path.join('.'),
      label: '期限',
      message: i.message,
    }));
    throw new InvalidInput(`期限规则有误：${issues.map((i) => i.message).join('；')}`, issues);
  }
  switch (rule.unit) {
    case 'clock_hours':
      return {
        dueAt: new Date(start.getTime() + Math.round(rule.amount * 3_600_000)),
        warnings: [],
      };
    case 'calendar_days':
      return { dueAt: endOfLocalDay(addDays(localDateOf(start), rule.amount)), warnings: [] };
    case 'calendar_months':
      return { dueAt: endOfLocalDay(addMonths(localDateOf(start), rule.amount)), warnings: [] };
    case 'working_days':
      return addWorkingDays(start, rule.amount, calendar, officeHours);
    case 'working_hours':
      return addWorkingHours(start, rule.amount, calendar, officeHours);
  }
}

function addWorkingDays(
  start: Date,
  days: number,
  calendar: WorkCalendar,
  officeHours: OfficeHours,
): DueAt {
  const watch = new CoverageWatch(calendar);
  let day = localDateOf(start);
  for (let counted = 0, scanned = 0; counted < days; scanned++) {
    if (scanned > MAX_SCAN_DAYS) throw new InvalidInput('期限过长，无法计算');
    day = addDays(day, 1);
    if (watch.isWorkingDay(day)) counted++;
  }
  return {
    dueAt: localInstant(day, endOfOfficeDay(officeSpans(officeHours))),
    warnings: watch.warnings,
  };
}

function addWorkingHours(
  start: Date,
  hours: number,
  calendar: WorkCalendar,
  officeHours: OfficeHours,
): DueAt {
  const spans = officeSpans(officeHours);
  const watch = new CoverageWatch(calendar);
  let remaining = Math.round(hours * 60 * 60_000) / 60_000; // minutes, millisecond precision
  let day = localDateOf(start);
  let fromMinute = localMinuteOf(start);
  for (let scanned = 0; scanned <= MAX_SCAN_DAYS; scanned++) {
    if (watch.isWorkingDay(day)) {
      for (const span of spans) {
        const from = Math.max(span.start, fromMinute);
        if (from >= span.end) continue;
        if (remaining <= span.end - from)
          return { dueAt: localInstant(day, from + remaining), warnings: watch.warnings };
        remaining -= span.end - from;
      }
    }
    day = addDays(day, 1);
    fromMinute = 0;
  }
  throw new InvalidInput('期限过长，无法计算');
}

export interface WorkingTime {
  /** Office-hour milliseconds on working days from `from` to `to`; negative when `to` is earlier. */
  ms: number;
  warnings: string[];
}

/** Working (office-hour) time between two instants: for "剩余 3.5 工作小时" or overrun. */
export function workingTimeBetween(
  from: Date,
  to: Date,
  calendar: WorkCalendar,
  officeHours: OfficeHours = DEFAULT_OFFICE_HOURS,
): WorkingTime {
  if (to < from) {
    const reversed = workingTimeBetween(to, from, calendar, officeHours);
    return { ms: -reversed.ms, warnings: reversed.warnings };
  }
  const spans = officeSpans(officeHours);
  const watch = new CoverageWatch(calendar);
  const lastDay = localDateOf(to);
  let ms = 0;
  for (let day = localDateOf(from); day <= lastDay; day = addDays(day, 1)) {
    if (!watch.isWorkingDay(day)) continue;
    for (const span of spans) {
      const a = Math.max(localInstant(day, span.start).getTime(), from.getTime());
      const b = Math.min(localInstant(day, span.end).getTime(), to.getTime());
      if (b > a) ms += b - a;
    }
  }
  return { ms, warnings: watch.warnings };
}

/** Working days strictly after `from`'s day up to and including `to`'s day (0 when `to` ≤ `from`). */
export function workingDaysBetween(
  from: Date,
  to: Date,
  calendar: WorkCalendar,
): { days: number; warnings: string[] } {
  const watch = new CoverageWatch(calendar);
  const lastDay = localDateOf(to);
  let days = 0;
  for (let day = addDays(localDateOf(from), 1); day <= lastDay; day = addDays(day, 1)) {
    if (watch.isWorkingDay(day)) days++;
  }
  return { days, warnings: watch.warnings };
}
