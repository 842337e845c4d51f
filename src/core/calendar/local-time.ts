/**
 * Town-local time: every township we serve keeps China Standard Time (UTC+8, no daylight saving),
 * so local dates and clock times are plain arithmetic on the instant, with no time-zone database.
 * Owns the `YYYY-MM-DD` date key, minutes-of-day and conversions between them and JS instants.
 */

/** China Standard Time offset: fixed at +08:00 since 1991 (no DST). */
export const LOCAL_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A local calendar date as `YYYY-MM-DD`. */
export type DateKey = string;

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date written as `YYYY-MM-DD`. */
export function isDateKey(s: string): boolean {
  const m = DATE_KEY.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function dayNumber(key: DateKey): number {
  const m = DATE_KEY.exec(key);
  if (!m) throw new RangeError(`not a date key: ${key}`);
  return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

function keyFromDayNumber(n: number): DateKey {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The local date on which `instant` falls. */
export function localDateOf(instant: Date): DateKey {
  return keyFromDayNumber(Math.floor((instant.getTime() + LOCAL_OFFSET_MS) / DAY_MS));
}

/** Minutes since local midnight (fractional: seconds and milliseconds are kept). */
export function localMinuteOf(instant: Date): number {
  const ms = (instant.getTime() + LOCAL_OFFSET_MS) % DAY_MS;
  return (ms < 0 ? ms + DAY_MS : ms) / 60_000;
}

/** The instant at `minute` minutes after local midnight of `key` (may exceed 1440). */
export function localInstant(key: DateKey, minute = 0): Date {
  return new Date(dayNumber(key) * DAY_MS - LOCAL_OFFSET_MS + Math.round(minute * 60_000));
}

/** The last millisecond of the local day: how statutory "within N days" limits end. */
export function endOfLocalDay(key: DateKey): Date {
  return new Date(localInstant(addDays(key, 1)).getTime() - 1);
}

export function addDays(key: DateKey, days: number): DateKey {
  return keyFromDayNumber(dayNumber(key) + days);
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: DateKey, b: DateKey): number {
  return dayNumber(b) - dayNumber(a);
}

/** 0 = Sunday … 6 = Saturday, as `Date#getDay`. */
export function weekdayOf(key: DateKey): number {
  return (((dayNumber(key) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function yearOf(key: DateKey): number {
  return Number(key.slice(0, 4));
}

/** Parses `HH:MM` into minutes since midnight; 24:00 is allowed as the end of the day. */
export function parseClock(hhmm: string): number {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new RangeError(`not a clock time: ${hhmm}`);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (minutes > 24 * 60) throw new RangeError(`not a clock time: ${hhmm}`);
  return minutes;
}
