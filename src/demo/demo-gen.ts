/**
 * Building blocks of the demo's record generators: a generator gets the year, the last day it may
 * use (today in the current year), the year's trend factor for its ledger, the directory and a
 * seeded random source, and returns drafts (a date and the record's data).
 */
import type { RecordData } from '../core/ledger/record.ts';
import { dayIn, pad } from './demo-clock.ts';
import { villageByPopulation, type Directory, type Village } from './demo-directory.ts';
import { personName, type SeededRandom } from './random.ts';

export interface Gen {
  rng: SeededRandom;
  dir: Directory;
  year: number;
  /** Last day records may carry. */
  until: string;
  /** The demo's today: a record of a state that does not last (a stage of 发展党员) is recent. */
  today: string;
  /** This year's volume against the base (trend and noise). */
  factor: number;
  /** Names used for residents in this ledger and year (kept distinct). */
  names: Set<string>;
}

export interface Draft {
  date: string;
  data: RecordData;
}

export type Profile = (g: Gen) => Draft[];

/** Relative activity per month (Jan…Dec): quiet at Spring Festival and in August. */
export const SEASON = [0.6, 0.4, 1.1, 1.2, 1.2, 1.1, 1.0, 0.7, 1.0, 1.2, 1.2, 1.0];

/** The year's count of something whose base (last year) is `base`. */
export const volume = (g: Gen, base: number) =>
  Math.max(0, Math.round(base * g.factor * (0.94 + g.rng.next() * 0.12)));

/** `n` dates of the year by season, dropping those after `until`. */
export function dates(g: Gen, n: number, season: readonly number[] = SEASON): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const d = dayIn(g.rng, g.year, season, g.until);
    if (d) out.push(d);
  }
  return out.sort();
}

/** A day in month `m` (1–12) of the year, or null when it is after `until`. */
export function inMonth(g: Gen, m: number, from = 3, to = 26): string | null {
  const d = `${g.year}-${pad(m)}-${pad(g.rng.int(from, to))}`;
  return d <= g.until ? d : null;
}

/** Villages drawn by population for `n` records, each with a date by season. */
export function spread(
  g: Gen,
  n: number,
  season: readonly number[] = SEASON,
): Array<{ v: Village; date: string }> {
  return dates(g, n, season).map((date) => ({
    v: villageByPopulation(g.rng, g.dir.villages),
    date,
  }));
}

export const pick = <T>(g: Gen, items: readonly T[]) => g.rng.pick(items);
export const int = (g: Gen, lo: number, hi: number) => g.rng.int(lo, hi);
export const chance = (g: Gen, p: number) => g.rng.chance(p);
export const resident = (g: Gen) => personName(g.rng, g.names).name;

/** Draws an option code by weights, e.g. [['county', 70], ['municipal', 20]]. */
export function weighted<T extends string>(
  g: Gen,
  options: ReadonlyArray<readonly [T, number]>,
): T {
  const total = options.reduce((n, [, w]) => n + w, 0);
  let x = g.rng.next() * total;
  for (const [v, w] of options) {
    x -= w;
    if (x < 0) return v;
  }
  return options.at(-1)![0];
}

/** A later date `days` after `iso`, never past `until`. */
export function after(g: Gen, iso: string, days: number): string | null {
  const d = new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return d <= g.until ? d : null;
}

/** Rounds to one decimal (hours, scores). */
export const tenth = (x: number) => Math.round(x * 10) / 10;

/** A person of the office of `code`, or of the leaders holding `portfolio`. */
export function keeper(g: Gen, office: string, portfolio?: string): string {
  const people = [
    ...(g.dir.offices.get(office)?.people ?? []),
    ...(portfolio ? (g.dir.byPortfolio.get(portfolio) ?? []) : []),
  ];
  return people.length ? pick(g, people) : g.dir.leaders[0]!.personId;
}
