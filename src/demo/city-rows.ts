/**
 * Rows of a city-sized data set (`lvzhi demo --scale city`, DESIGN 11: 200 towns, 1,000,000
 * appeals and 5,000,000 ledger records a year), generated deterministically from a seed with
 * distributions shaped like a real city's: towns of log-normal size (the largest several times
 * the smallest), a summer peak and quiet weekends in the hotline, a few categories taking most
 * orders (Zipf), most orders answered and closed on time, most residents satisfied. No I/O:
 * the loader (city.repository.ts) writes these rows with COPY.
 */
import type { LedgerField, LedgerType } from '../core/ledger/type.ts';

export interface CityScale {
  towns: number;
  appeals: number;
  records: number;
  year: number;
}

export const CITY: Omit<CityScale, 'year'> = { towns: 200, appeals: 1_000_000, records: 5_000_000 };

/** mulberry32: a small, fast, seedable generator (the same seed gives the same city). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Town sizes: log-normal weights (σ 0.6), normalised to shares summing to 1. */
export function townShares(n: number, rnd: () => number): number[] {
  const w = Array.from({ length: n }, () => {
    const z = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
    return Math.exp(0.6 * z);
  });
  const sum = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / sum);
}

/** Splits `total` over `shares` (largest remainders), so the parts add up exactly. */
export function apportion(total: number, shares: number[]): number[] {
  const raw = shares.map((s) => s * total);
  const parts = raw.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    parts[i]!++;
  }
  return parts;
}

/** Zipf weights (s = 1.1) over n items, as a cumulative table for `pick`. */
export function zipf(n: number, s = 1.1): number[] {
  const w = Array.from({ length: n }, (_, i) => 1 / (i + 1) ** s);
  const sum = w.reduce((a, b) => a + b, 0);
  let acc = 0;
  return w.map((x) => (acc += x / sum));
}

export function pick(cumulative: number[], r: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Hotline volume by month (summer storms, heat and water; quiet around the Spring Festival). */
const MONTH_WEIGHT = [0.75, 0.65, 0.9, 1.0, 1.1, 1.25, 1.35, 1.3, 1.1, 1.0, 0.9, 0.8];

/** A day of `year` with the monthly and weekday shape (weekends at 40 %), as [y, m, d]. */
export function seasonalDay(year: number, rnd: () => number): Date {
  for (;;) {
    const day = new Date(Date.UTC(year, 0, 1 + Math.floor(rnd() * 365)));
    const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
    const keep = (MONTH_WEIGHT[day.getUTCMonth()]! / 1.35) * (weekend ? 0.4 : 1);
    if (rnd() < keep) return day;
  }
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const HOUR = 3600_000;

export interface Category {
  code: string;
  root: string;
}

/**
 * One hotline order of a town as COPY values (columns: APPEAL_COLUMNS), with the workflow snapshot
 * the engine reads: the handling unit is one of the town's units, so open orders show in queues.
 */
export function appealRow(
  town: { id: string; units: string[] },
  id: string,
  code: string,
  year: number,
  categories: Category[],
  categoryCdf: number[],
  rnd: () => number,
): unknown[] {
  const day = seasonalDay(year, rnd);
  // Calls between 08:00 and 20:00 Beijing time, busiest mid-morning.
  const hourBj = 8 + Math.min(11.99, Math.abs(rnd() + rnd() - 1) * 12);
  const at = new Date(day.getTime() + (hourBj - 8) * HOUR);
  const cat = categories[pick(categoryCdf, rnd())]!;
  const respondedIn = Math.exp(Math.log(3) + 0.9 * (rnd() + rnd() + rnd() - 1.5)) * HOUR;
  const open = rnd() < 0.06;
  const closedIn = Math.exp(Math.log(60) + 0.8 * (rnd() + rnd() + rnd() - 1.5)) * HOUR;
  const rated = !open && rnd() < 0.8;
  const s = rnd();
  const satisfaction = rated ? (s < 0.7 ? '满意' : s < 0.9 ? '基本满意' : '不满意') : null;
  const closedAt = open ? null : new Date(at.getTime() + closedIn);
  const state = open ? 'dispatched' : 'archived';
  const urgency = rnd() < 0.05 ? 'urgent' : 'general';
  const unit = town.units[Math.floor(rnd() * town.units.length)]!;
  const snapshot = {
    ...{ state, version: 5, urgency, category: cat.code, counters: {}, deadlines: {} },
    ...{ assignment: { unit }, fields: {} },
  };
  return [
    town.id,
    id,
    code,
    'hotline',
    state,
    5,
    'hotline_12345',
    cat.code,
    cat.root,
    urgency,
    `市民来电反映${cat.code.split('.').at(-1)}问题`,
    '群众来电反映的问题，已记录并转办。',
    '市民',
    '13800000000',
    at.toISOString(),
    iso(new Date(at.getTime() + 8 * HOUR)),
    new Date(at.getTime() + 24 * HOUR).toISOString(),
    new Date(at.getTime() + 5 * 24 * HOUR).toISOString(),
    new Date(at.getTime() + respondedIn).toISOString(),
    respondedIn <= 24 * HOUR,
    closedAt?.toISOString() ?? null,
    closedAt ? closedIn <= 5 * 24 * HOUR : null,
    satisfaction,
    rated ? satisfaction !== '不满意' || rnd() < 0.3 : null,
    null,
    JSON.stringify(snapshot),
  ];
}

export const APPEAL_COLUMNS = [
  ...['town_id', 'id', 'code', 'kind', 'state', 'version', 'channel', 'category_code'],
  ...['category_root', 'urgency', 'title', 'content', 'contact_name', 'contact_phone'],
  ...['received_at', 'received_on', 'response_due_at', 'complete_due_at', 'first_response_at'],
  ...['responded_on_time', 'closed_at', 'closed_on_time', 'satisfaction', 'solved'],
  ...['merged_into', 'snapshot'],
] as const;

export const RECORD_COLUMNS = [
  ...['town_id', 'id', 'type_code', 'type_version', 'unit_id', 'person_id', 'occurred_on', 'data'],
] as const;

/** A value for a ledger field (attachments left empty). */
function fieldValue(f: LedgerField, ctx: RecordCtx, rnd: () => number): unknown {
  switch (f.type) {
    case 'text':
      return `记录${Math.floor(rnd() * 1000)}`;
    case 'long_text':
      return '按要求开展，情况良好。';
    case 'enum':
      return f.options[Math.floor(rnd() ** 2 * f.options.length)]!.code;
    case 'date':
      return ctx.date;
    case 'person':
      return ctx.people[Math.floor(rnd() * ctx.people.length)];
    case 'unit':
      return ctx.units[Math.floor(rnd() * ctx.units.length)];
    case 'number':
      return Math.floor(rnd() * Math.max(2, Math.min(50, (f.max ?? 20) + 1)));
    case 'money':
      return Math.round(rnd() * 100_000) / 100;
    case 'boolean':
      return rnd() < 0.7;
    default:
      return undefined;
  }
}

interface RecordCtx {
  date: string;
  people: string[];
  units: string[];
}

/** One ledger record of a town (columns: RECORD_COLUMNS), its fields filled by their types. */
export function recordRow(
  townId: string,
  id: string,
  type: LedgerType,
  org: { people: string[]; units: string[] },
  year: number,
  rnd: () => number,
): unknown[] {
  const date = iso(seasonalDay(year, rnd));
  const ctx = { date, ...org };
  const data: Record<string, unknown> = {};
  for (const f of type.fields) {
    if (f.removed) continue;
    const v = fieldValue(f, ctx, rnd);
    if (v !== undefined) data[f.key] = v;
  }
  const unit = type.unitField ? ((data[type.unitField] as string) ?? null) : null;
  const person = type.personField ? ((data[type.personField] as string) ?? null) : null;
  return [townId, id, type.code, type.version, unit, person, date, JSON.stringify(data)];
}
