import { afterAll, describe, expect, it } from 'vitest';
import {
  chineseDate,
  currentYear,
  formatDate,
  formatDateTime,
  formatDateTimeShort,
  formatDue,
  todayKey,
} from './display.ts';

// Node re-reads process.env.TZ when it is assigned, so one process can play a PC in New York, a
// server on UTC and one in Beijing. Each run first proves the zone really changed the JS clock.
const ZONES = [
  { tz: 'America/New_York', offsetOn20251216: 300 },
  { tz: 'UTC', offsetOn20251216: 0 },
  { tz: 'Asia/Shanghai', offsetOn20251216: -480 },
];
const saved = process.env.TZ;
afterAll(() => {
  if (saved === undefined) delete process.env.TZ;
  else process.env.TZ = saved;
});

describe.each(ZONES)('town clock under TZ=$tz', ({ tz, offsetOn20251216 }) => {
  it('runs in that zone', () => {
    process.env.TZ = tz;
    expect(new Date('2025-12-16T07:59:00Z').getTimezoneOffset()).toBe(offsetOn20251216);
  });

  it('shows an instant in Beijing time, minutes, one format', () => {
    process.env.TZ = tz;
    expect(formatDateTime('2025-12-16T07:59:30.000Z')).toBe('2025-12-16 15:59');
    expect(formatDateTime(new Date('2025-01-31T03:31:00.000Z'))).toBe('2025-01-31 11:31');
    // 16:30 UTC is already the next day in Beijing (and still the previous day in New York).
    expect(formatDateTime('2025-09-30T16:30:00Z')).toBe('2025-10-01 00:30');
    expect(formatDateTime(Date.parse('2025-12-31T16:00:00Z'))).toBe('2026-01-01 00:00');
    // PostgreSQL's text form of timestamptz.
    expect(formatDateTime('2025-06-01 02:05:00+00')).toBe('2025-06-01 10:05');
  });

  it('shows dates as YYYY-MM-DD, the town date of an instant', () => {
    process.env.TZ = tz;
    expect(formatDate('2025-12-16')).toBe('2025-12-16');
    expect(formatDate('2025-09-30T16:30:00Z')).toBe('2025-10-01');
    expect(formatDate('2025-09-30T15:59:59Z')).toBe('2025-09-30');
    expect(formatDateTime('2025-12-16')).toBe('2025-12-16');
  });

  it('drops the year only within the current year; deadlines of other years keep it', () => {
    process.env.TZ = tz;
    const now = new Date('2026-12-07T02:00:00Z');
    expect(formatDateTimeShort('2026-03-05T01:00:00Z', now)).toBe('03-05 09:00');
    expect(formatDue('2025-12-16T07:59:00Z', now)).toBe('2025-12-16 15:59');
    expect(formatDue('2027-01-02T07:59:00Z', now)).toBe('2027-01-02 15:59');
    // New Year's Eve 20:00 UTC is New Year's Day in Beijing: this year is already 2026 there.
    const newYear = new Date('2025-12-31T20:00:00Z');
    expect(currentYear(newYear)).toBe(2026);
    expect(todayKey(newYear)).toBe('2026-01-01');
    expect(formatDue('2025-12-31T15:00:00Z', newYear)).toBe('2025-12-31 23:00');
    expect(formatDue('2026-01-01T00:00:00Z', newYear)).toBe('01-01 08:00');
  });

  it('says so when there is no time, and names dates as documents do', () => {
    process.env.TZ = tz;
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime(undefined, '')).toBe('');
    expect(formatDue(null)).toBe('—');
    expect(formatDate('', '')).toBe('');
    expect(chineseDate('2025-12-31')).toBe('2025年12月31日');
    expect(chineseDate('2025-12-31T16:30:00Z')).toBe('2026年1月1日');
  });
});
