import { isWorkday } from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { HOLIDAY_ARRANGEMENTS_2020_2026 } from './holidays-2020-2026.ts';
import { addDays } from './local-time.ts';
import { defaultWorkCalendar, yearArrangementSchema } from './work-calendar.ts';

describe('statutory holiday table 2020–2026', () => {
  it('is valid against the arrangement schema', () => {
    for (const a of HOLIDAY_ARRANGEMENTS_2020_2026)
      expect(yearArrangementSchema.safeParse(a).success).toBe(true);
  });

  it('agrees with the chinese-days package on every date from 2020-01-01 to 2026-12-31', () => {
    const calendar = defaultWorkCalendar();
    const mismatches: string[] = [];
    for (let d = '2020-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      if (calendar.isWorkingDay(d) !== isWorkday(d)) mismatches.push(d);
    }
    expect(mismatches).toEqual([]);
  });

  it('makes every listed make-up working day a weekend day that is worked', () => {
    const calendar = defaultWorkCalendar();
    for (const a of HOLIDAY_ARRANGEMENTS_2020_2026) {
      for (const w of a.workdays)
        expect(calendar.dayInfo(w.date)).toMatchObject({ kind: 'workday', working: true });
    }
  });

  it('covers exactly 2020 to 2026', () => {
    expect(defaultWorkCalendar().coveredYears).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });
});
