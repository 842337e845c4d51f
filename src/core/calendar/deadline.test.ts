import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../errors.ts';
import {
  computeDueAt,
  describeRule,
  workingDaysBetween,
  workingTimeBetween,
  type DeadlineRule,
} from './deadline.ts';
import { localDateOf, localMinuteOf } from './local-time.ts';
import { defaultWorkCalendar } from './work-calendar.ts';

const calendar = defaultWorkCalendar();
/** An instant written in Beijing time. */
const bj = (s: string) => new Date(`${s}+08:00`);
const due = (start: string, amount: number, unit: DeadlineRule['unit']) =>
  computeDueAt(bj(start), { amount, unit }, calendar);

describe('computeDueAt', () => {
  it('adds clock hours as plain elapsed time, even on holidays', () => {
    expect(due('2025-10-01T10:00:00', 2, 'clock_hours')).toEqual({
      dueAt: bj('2025-10-01T12:00:00'),
      warnings: [],
    });
    expect(due('2025-10-01T23:00:00', 24, 'clock_hours').dueAt).toEqual(bj('2025-10-02T23:00:00'));
  });

  it('ends calendar-day limits at the end of the Nth day after the start day (信访工作条例)', () => {
    expect(due('2025-10-01T10:00:00', 15, 'calendar_days').dueAt).toEqual(
      bj('2025-10-16T23:59:59.999'),
    );
    expect(due('2025-12-20T00:00:00', 60, 'calendar_days').dueAt).toEqual(
      bj('2026-02-18T23:59:59.999'),
    );
  });

  it('skips the 2025 National Day and Mid-Autumn holiday and counts its make-up Saturday', () => {
    expect(due('2025-09-30T16:00:00', 1, 'working_days').dueAt).toEqual(bj('2025-10-09T17:30:00'));
    expect(due('2025-09-30T16:00:00', 2, 'working_days').dueAt).toEqual(bj('2025-10-10T17:30:00'));
    expect(due('2025-09-30T16:00:00', 3, 'working_days').dueAt).toEqual(bj('2025-10-11T17:30:00'));
    // Saturday 27 September + 1 working day is the make-up Sunday 28 September.
    expect(due('2025-09-27T10:00:00', 1, 'working_days').dueAt).toEqual(bj('2025-09-28T17:30:00'));
  });

  it('skips the 2025 and 2026 Spring Festival', () => {
    expect(due('2025-01-27T09:00:00', 1, 'working_days').dueAt).toEqual(bj('2025-02-05T17:30:00'));
    expect(due('2025-01-24T09:00:00', 1, 'working_days').dueAt).toEqual(bj('2025-01-26T17:30:00')); // make-up Sunday
    expect(due('2026-02-13T09:00:00', 1, 'working_days').dueAt).toEqual(bj('2026-02-14T17:30:00')); // make-up Saturday
    expect(due('2026-02-13T09:00:00', 2, 'working_days').dueAt).toEqual(bj('2026-02-24T17:30:00'));
  });

  it('counts working hours only inside office hours, across lunch, nights, weekends and holidays', () => {
    expect(due('2025-03-03T11:00:00', 2, 'working_hours').dueAt).toEqual(bj('2025-03-03T15:00:00')); // lunch
    expect(due('2025-03-03T11:00:00', 1, 'working_hours').dueAt).toEqual(bj('2025-03-03T12:00:00')); // exact end
    expect(due('2025-03-03T12:30:00', 0.5, 'working_hours').dueAt).toEqual(
      bj('2025-03-03T14:30:00'),
    );
    expect(due('2025-03-04T22:00:00', 1, 'working_hours').dueAt).toEqual(bj('2025-03-05T09:30:00')); // night
    expect(due('2025-03-07T17:00:00', 1, 'working_hours').dueAt).toEqual(bj('2025-03-10T09:00:00')); // weekend
    expect(due('2025-03-08T12:00:00', 7, 'working_hours').dueAt).toEqual(bj('2025-03-10T17:30:00'));
    expect(due('2025-09-30T17:00:00', 1, 'working_hours').dueAt).toEqual(bj('2025-10-09T09:00:00')); // holiday
  });

  it('honours configured office hours', () => {
    const hours = { periods: [{ start: '09:00', end: '17:00' }] };
    expect(
      computeDueAt(bj('2025-03-03T16:00:00'), { amount: 2, unit: 'working_hours' }, calendar, hours)
        .dueAt,
    ).toEqual(bj('2025-03-04T10:00:00'));
    expect(
      computeDueAt(bj('2025-03-03T16:00:00'), { amount: 1, unit: 'working_days' }, calendar, hours)
        .dueAt,
    ).toEqual(bj('2025-03-04T17:00:00'));
  });

  it('warns, rather than fails, when the limit runs into a year not entered', () => {
    const result = due('2026-12-30T09:00:00', 3, 'working_days');
    expect(result.dueAt).toEqual(bj('2027-01-04T17:30:00')); // ordinary weekend rule for 2027
    expect(result.warnings).toEqual([
      '2027年的节假日安排尚未录入，期限按普通周末规则计算，请管理员补录工作日历',
    ]);
    expect(due('2026-12-30T09:00:00', 1, 'working_days').warnings).toEqual([]);
    expect(due('2027-06-01T09:00:00', 48, 'clock_hours').warnings).toEqual([]);
  });

  it('rejects nonsensical rules', () => {
    expect(() => due('2025-03-03T09:00:00', 0, 'working_days')).toThrow(InvalidInput);
    expect(() => due('2025-03-03T09:00:00', 1.5, 'calendar_days')).toThrow(/整数天/);
  });

  it('describes rules in Chinese', () => {
    expect(describeRule({ amount: 7, unit: 'calendar_days' })).toBe('7日');
    expect(describeRule({ amount: 16, unit: 'working_hours' })).toBe('16工作小时');
  });
});

describe('workingTimeBetween / workingDaysBetween', () => {
  it('measures office time only, signed', () => {
    const ms = workingTimeBetween(
      bj('2025-03-03T08:00:00'),
      bj('2025-03-04T10:00:00'),
      calendar,
    ).ms;
    expect(ms / 3_600_000).toBe(8.5);
    expect(
      workingTimeBetween(bj('2025-03-04T10:00:00'), bj('2025-03-03T08:00:00'), calendar).ms /
        3_600_000,
    ).toBe(-8.5);
    expect(
      workingTimeBetween(bj('2025-10-01T08:00:00'), bj('2025-10-08T20:00:00'), calendar).ms,
    ).toBe(0);
  });

  it('counts working days after the start day', () => {
    expect(
      workingDaysBetween(bj('2025-09-30T09:00:00'), bj('2025-10-11T09:00:00'), calendar).days,
    ).toBe(3);
  });
});

describe('deadline properties', () => {
  const start = fc.date({
    min: new Date('2020-01-01T00:00:00+08:00'),
    max: new Date('2026-10-31T00:00:00+08:00'),
    noInvalidDate: true,
  });
  const days = fc.integer({ min: 1, max: 30 });
  const minutes = fc.integer({ min: 1, max: 60 * 60 });
  const unit = fc.constantFrom(
    'clock_hours',
    'working_hours',
    'working_days',
    'calendar_days' as const,
  );

  it('never falls due before it starts', () => {
    fc.assert(
      fc.property(
        start,
        days,
        unit,
        (s, n, u) => computeDueAt(s, { amount: n, unit: u }, calendar).dueAt > s,
      ),
    );
  });

  it('puts working-day deadlines at the end of office hours on a working day', () => {
    fc.assert(
      fc.property(start, days, (s, n) => {
        const { dueAt } = computeDueAt(s, { amount: n, unit: 'working_days' }, calendar);
        return calendar.isWorkingDay(localDateOf(dueAt)) && localMinuteOf(dueAt) === 17 * 60 + 30;
      }),
    );
  });

  it('adding n then m working days or hours equals adding n + m', () => {
    fc.assert(
      fc.property(
        start,
        days,
        days,
        fc.constantFrom('working_days', 'calendar_days' as const),
        (s, n, m, u) => {
          const first = computeDueAt(s, { amount: n, unit: u }, calendar).dueAt;
          const twice = computeDueAt(first, { amount: m, unit: u }, calendar).dueAt;
          return (
            twice.getTime() ===
            computeDueAt(s, { amount: n + m, unit: u }, calendar).dueAt.getTime()
          );
        },
      ),
    );
    fc.assert(
      fc.property(start, minutes, minutes, (s, n, m) => {
        const rule = (x: number) => ({ amount: x / 60, unit: 'working_hours' as const });
        const twice = computeDueAt(
          computeDueAt(s, rule(n), calendar).dueAt,
          rule(m),
          calendar,
        ).dueAt;
        return twice.getTime() === computeDueAt(s, rule(n + m), calendar).dueAt.getTime();
      }),
    );
  });

  it('is monotone in the amount', () => {
    fc.assert(
      fc.property(start, days, days, unit, (s, a, b, u) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return (
          computeDueAt(s, { amount: lo, unit: u }, calendar).dueAt <=
          computeDueAt(s, { amount: hi, unit: u }, calendar).dueAt
        );
      }),
    );
  });

  it('spends exactly the requested working time', () => {
    fc.assert(
      fc.property(start, minutes, (s, n) => {
        const { dueAt } = computeDueAt(s, { amount: n / 60, unit: 'working_hours' }, calendar);
        return workingTimeBetween(s, dueAt, calendar).ms === n * 60_000;
      }),
    );
  });
});
