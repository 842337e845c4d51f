import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OFFICE_HOURS,
  endOfOfficeDay,
  officeHoursSchema,
  officeSpans,
} from './office-hours.ts';

describe('office hours', () => {
  it('default to 08:30–12:00 and 14:00–17:30', () => {
    expect(officeSpans(DEFAULT_OFFICE_HOURS)).toEqual([
      { start: 510, end: 720 },
      { start: 840, end: 1050 },
    ]);
    expect(endOfOfficeDay(officeSpans(DEFAULT_OFFICE_HOURS))).toBe(1050);
  });

  it('reject overlapping, unordered or empty periods', () => {
    const bad = {
      periods: [
        { start: '14:00', end: '17:30' },
        { start: '08:30', end: '12:00' },
      ],
    };
    expect(officeHoursSchema.safeParse(bad).success).toBe(false);
    expect(
      officeHoursSchema.safeParse({ periods: [{ start: '12:00', end: '08:00' }] }).success,
    ).toBe(false);
    expect(officeHoursSchema.safeParse({ periods: [] }).success).toBe(false);
  });
});
