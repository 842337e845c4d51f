import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  endOfLocalDay,
  isDateKey,
  localDateOf,
  localInstant,
  localMinuteOf,
  parseClock,
  weekdayOf,
} from './local-time.ts';

describe('local time (UTC+8)', () => {
  it('puts an instant shortly after UTC midnight-8h on the next local day', () => {
    const instant = new Date('2025-09-30T16:30:00Z'); // 2025-10-01 00:30 in Beijing
    expect(localDateOf(instant)).toBe('2025-10-01');
    expect(localMinuteOf(instant)).toBe(30);
  });

  it('round-trips a local date and minute to an instant', () => {
    const at = localInstant('2025-10-09', 8 * 60 + 30);
    expect(at.toISOString()).toBe('2025-10-09T00:30:00.000Z');
    expect(localDateOf(at)).toBe('2025-10-09');
  });

  it('ends a local day at 23:59:59.999 Beijing time', () => {
    expect(endOfLocalDay('2025-01-31').toISOString()).toBe('2025-01-31T15:59:59.999Z');
  });

  it('does day arithmetic across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
  });

  it('knows weekdays', () => {
    expect(weekdayOf('2025-09-28')).toBe(0); // Sunday
    expect(weekdayOf('2025-10-11')).toBe(6); // Saturday
    expect(weekdayOf('1970-01-01')).toBe(4);
  });

  it('validates date keys and clock times', () => {
    expect(isDateKey('2025-02-29')).toBe(false);
    expect(isDateKey('2024-02-29')).toBe(true);
    expect(isDateKey('2024-2-9')).toBe(false);
    expect(parseClock('17:30')).toBe(1050);
    expect(() => parseClock('25:00')).toThrow();
  });
});
