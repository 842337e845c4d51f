/**
 * How every time is shown to a person — on the pages, in Excel and in Word: the town's clock
 * (Asia/Shanghai, UTC+8) whatever the zone of the PC or the server, in one format.
 *
 * - an instant: `2025-12-16 15:59`; `12-16 15:59` only where space is short and the instant falls in
 *   the current year (`formatDateTimeShort`, `formatDue`: a deadline always shows its year when it is
 *   not this year's);
 * - a date: `2025-12-16`; in an official document's prose `2025年12月16日` (`chineseDate`).
 *
 * Plain arithmetic on the instant (see local-time.ts), so the result never depends on the
 * runtime's `TZ` or on Intl time-zone data.
 */
import { isDateKey, localDateOf, localMinuteOf, type DateKey } from './local-time.ts';

/** The zone every township we serve keeps (no daylight saving since 1991). */
export const TOWN_TIME_ZONE = 'Asia/Shanghai';

/** An instant as the API and the database give it: ISO text, a `Date` or epoch milliseconds. */
export type Instant = Date | string | number;

/** What is shown for a missing time unless the caller says otherwise (Excel cells pass ''). */
export const NO_TIME = '—';

const pad = (n: number) => String(n).padStart(2, '0');

function toDate(at: Instant): Date | null {
  const d = at instanceof Date ? at : new Date(at);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** `HH:mm` of an instant on the town's clock. */
function clockOf(d: Date): string {
  const minute = Math.floor(localMinuteOf(d));
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

/** Today's date on the town's clock (`YYYY-MM-DD`). */
export function todayKey(now: Date = new Date()): DateKey {
  return localDateOf(now);
}

/** This year on the town's clock. */
export function currentYear(now: Date = new Date()): number {
  return Number(localDateOf(now).slice(0, 4));
}

/**
 * `2025-12-16 15:59`. A bare date (`2025-12-16`) is shown as the date: it has no clock time to
 * convert. Unparseable text is shown as given rather than hidden.
 */
export function formatDateTime(at: Instant | null | undefined, empty = NO_TIME): string {
  if (at === null || at === undefined || at === '') return empty;
  if (typeof at === 'string' && isDateKey(at)) return at;
  const d = toDate(at);
  if (!d) return String(at);
  return `${localDateOf(d)} ${clockOf(d)}`;
}

/** `2025-12-16`: the town's date of an instant, or a date key as it is. */
export function formatDate(at: Instant | null | undefined, empty = NO_TIME): string {
  if (at === null || at === undefined || at === '') return empty;
  if (typeof at === 'string' && isDateKey(at)) return at;
  const d = toDate(at);
  return d ? localDateOf(d) : String(at);
}

/** `12-16 15:59` when the instant falls in the current year (town's clock), else the full form. */
export function formatDateTimeShort(
  at: Instant | null | undefined,
  now: Date = new Date(),
  empty = NO_TIME,
): string {
  const full = formatDateTime(at, empty);
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(full)) return full;
  return full.startsWith(`${currentYear(now)}-`) ? full.slice(5) : full;
}

/** A deadline: short within the current year, with its year otherwise (never a yearless past). */
export const formatDue = formatDateTimeShort;

/** `2025-12-31` → `2025年12月31日`, as official documents write dates (no hyphen to break at). */
export function chineseDate(at: Instant): string {
  const key = formatDate(at, '');
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}
