/**
 * The demo's dates move with the clock (DESIGN 10): given `today` (Beijing date), the demo covers
 * the two previous calendar years complete and the current year up to today, so a newcomer on
 * any date sees a live current year, a finished year to report on and the year before to compare.
 */
import { localDateOf } from '../core/calendar/index.ts';
import type { SeededRandom } from './random.ts';

export interface DemoClock {
  /** Beijing date the demo is generated for (YYYY-MM-DD). */
  today: string;
  /** [two years ago, last year, this year]. */
  years: [number, number, number];
  /** First day of the oldest year: positions and liaisons start here. */
  start: string;
}

export function demoClock(today?: string): DemoClock {
  const day = today ?? localDateOf(new Date());
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(day)) throw new RangeError(`today must be YYYY-MM-DD: ${day}`);
  const y = Number(day.slice(0, 4));
  return { today: day, years: [y - 2, y - 1, y], start: `${y - 2}-01-01` };
}

/** Last day of `year` the demo may use: Dec 31, or today in the current year. */
export function lastDayOf(clock: DemoClock, year: number): string {
  const end = `${year}-12-31`;
  return end < clock.today ? end : clock.today;
}

export const pad = (n: number) => String(n).padStart(2, '0');

export function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A day of `year` drawn with monthly `weights` (Jan…Dec), or null when it falls after `until`. */
export function dayIn(
  rng: SeededRandom,
  year: number,
  weights: readonly number[],
  until: string,
): string | null {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = rng.next() * total;
  let month = 0;
  while (month < 11 && x >= weights[month]!) x -= weights[month++]!;
  const d = `${year}-${pad(month + 1)}-${pad(rng.int(1, daysIn(year, month + 1)))}`;
  return d <= until ? d : null;
}

/** A date `days` after `iso`, capped at `cap`. */
export function shift(iso: string, days: number, cap?: string): string {
  const d = new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return cap && d > cap ? cap : d;
}
