import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../errors.ts';
import { localInstant } from './local-time.ts';
import {
  createWorkCalendar,
  defaultWorkCalendar,
  uncoveredYearWarning,
  workCalendarWithRows,
} from './work-calendar.ts';

describe('WorkCalendar', () => {
  const calendar = defaultWorkCalendar();

  it('treats the 2025 National Day and Mid-Autumn break as holidays and its Sundays/Saturdays as worked', () => {
    for (let d = 1; d <= 8; d++) expect(calendar.isWorkingDay(`2025-10-0${d}`)).toBe(false);
    expect(calendar.dayInfo('2025-10-01')).toMatchObject({
      kind: 'holiday',
      name: '国庆节、中秋节',
      covered: true,
    });
    expect(calendar.isWorkingDay('2025-09-28')).toBe(true); // Sunday
    expect(calendar.isWorkingDay('2025-10-11')).toBe(true); // Saturday
    expect(calendar.isWorkingDay('2025-10-12')).toBe(false); // ordinary Sunday
  });

  it('knows the 2025 and 2026 Spring Festival', () => {
    expect(calendar.isWorkingDay('2025-01-27')).toBe(true);
    expect(calendar.isWorkingDay('2025-01-28')).toBe(false);
    expect(calendar.isWorkingDay('2025-02-04')).toBe(false);
    expect(calendar.isWorkingDay('2025-02-08')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-23')).toBe(false);
    expect(calendar.isWorkingDay('2026-02-24')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true);
  });

  it('accepts instants and reads them in Beijing time', () => {
    // 2025-09-30 16:30Z is 2025-10-01 00:30 in Beijing: a holiday, though a Tuesday in UTC.
    expect(calendar.isWorkingDay(new Date('2025-09-30T16:30:00Z'))).toBe(false);
    expect(calendar.isWorkingDay(localInstant('2025-09-30', 600))).toBe(true);
  });

  it('falls back to the weekend rule for a year not entered and says so', () => {
    expect(calendar.covers(2027)).toBe(false);
    expect(calendar.dayInfo('2027-01-01')).toMatchObject({
      kind: 'weekday',
      working: true,
      covered: false,
    });
    expect(uncoveredYearWarning(2027)).toBe(
      '2027年的节假日安排尚未录入，期限按普通周末规则计算，请管理员补录工作日历',
    );
  });

  it('is extended by admin rows for a later year', () => {
    const extended = workCalendarWithRows([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-02-20', kind: 'workday', name: '春节调休上班' },
    ]);
    expect(extended.coveredYears).toContain(2027);
    expect(extended.isWorkingDay('2027-01-01')).toBe(false);
    expect(extended.isWorkingDay('2027-02-20')).toBe(true);
    expect(extended.toRows().find((r) => r.date === '2027-02-20')).toEqual({
      date: '2027-02-20',
      kind: 'workday',
      name: '春节调休上班',
    });
  });

  it('lets the admin state the covered years when rows spill over a year boundary', () => {
    const c = createWorkCalendar({
      rows: [{ date: '2027-12-31', kind: 'holiday', name: '元旦' }],
      rowYears: [2028],
    });
    expect(c.coveredYears).toEqual([2028]);
  });

  it('rejects malformed or contradictory rows with InvalidInput in Chinese', () => {
    expect(() => createWorkCalendar({ rows: [{ date: '2027-02-30', kind: 'holiday' }] })).toThrow(
      InvalidInput,
    );
    try {
      createWorkCalendar({ rows: [{ date: '2027-02-30', kind: 'holiday' }] });
    } catch (e) {
      expect((e as InvalidInput).errors[0]?.message).toBe('日期格式应为 YYYY-MM-DD');
    }
    expect(() =>
      createWorkCalendar({
        rows: [
          { date: '2027-01-02', kind: 'holiday' },
          { date: '2027-01-02', kind: 'workday' },
        ],
      }),
    ).toThrow(/互相矛盾/);
  });
});
