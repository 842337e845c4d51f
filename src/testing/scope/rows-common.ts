/**
 * What the row-level scope matrix's checks share (rows.ts, rows-appeals.ts, rows-ledgers.ts): the
 * callers, the checked ledger types and metrics, and the comparison of what a caller got with
 * what reach.ts says they must and may see.
 */
import type { Reach, TownFacts } from './reach.ts';
import type { Caller } from './matrix.ts';
import type { TestApp } from '../app.ts';

export type TownCaller = Exclude<Caller, 'anonymous' | 'other_town_admin' | 'system_operator'>;
export const TOWN_CALLERS: TownCaller[] = [
  'admin',
  'leader',
  'portfolio_leader',
  'staff',
  'village_cadre',
  'dispatcher',
  'county_supervisor',
];

export interface RowViolation {
  caller: TownCaller;
  resource: string;
  kind: 'leak' | 'missing' | 'unmasked' | 'status' | 'server_error' | 'value';
  detail: string;
}

/** Ledger types checked row by row: a portfolio's, the villages' party books, a civil-affairs and a safety book. */
export const LEDGER_TYPES = [
  'propaganda_item',
  'branch_meeting',
  'relief_payment',
  'safety_hazard',
] as const;
/** Ledger metrics checked as value + drill-down (plain counts, so the value is the number of rows behind it). */
export const LEDGER_METRICS = [
  ['ledger.propaganda_item.count', 'propaganda_item'],
  ['ledger.branch_meeting.held', 'branch_meeting'],
] as const;
export const YEAR = { from: '2025-01-01', to: '2025-12-31' };
/** A village none of the scoped demo users holds: metrics asked for it must stay inside each caller's scope. */
export const PROBE_VILLAGE = '青松村';
export interface Ctx {
  t: TestApp;
  facts: TownFacts;
  base: string;
  out: RowViolation[];
  /** Rows seen per `caller resource`, so a check that saw nothing is visible in the report. */
  seen: Map<string, number>;
}

export type Get = (path: string) => Promise<{ status: number; body: any }>;

/** Compares the ids a caller got with the spec: none outside, every `must` row inside. */
export function compare<T extends { id: string }>(
  c: Ctx,
  caller: TownCaller,
  resource: string,
  got: string[],
  rows: T[],
  reach: (r: T) => Reach,
) {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const seen = new Set(got);
  const leaks = got.filter((id) => !byId.has(id) || reach(byId.get(id)!) === 'none');
  const missing = rows.filter((r) => reach(r) === 'must' && !seen.has(r.id)).map((r) => r.id);
  if (leaks.length)
    c.out.push({
      caller,
      resource,
      kind: 'leak',
      detail: `${leaks.length} row(s) outside scope, e.g. ${leaks.slice(0, 3).join(', ')}`,
    });
  if (missing.length)
    c.out.push({
      caller,
      resource,
      kind: 'missing',
      detail: `${missing.length} row(s) in scope not shown, e.g. ${missing.slice(0, 3).join(', ')}`,
    });
  c.seen.set(`${caller} ${resource}`, got.length);
}

/** Every page of a cursor-paged list; null when the caller is refused (401/403/404). */
export async function collect(
  c: Ctx,
  caller: TownCaller,
  resource: string,
  get: Get,
  path: string,
): Promise<any[] | null> {
  const items: any[] = [];
  for (let cursor: string | null = null, page = 0; page < 100; page++) {
    const sep = path.includes('?') ? '&' : '?';
    const res = await get(`${path}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (!ok(c, caller, resource, res)) return null;
    items.push(...res.body.items);
    cursor = res.body.nextCursor ?? null;
    if (!cursor) return items;
  }
  throw new Error(`${resource}: more than 100 pages`);
}

/**
 * True on 200; a refusal (401/403/404) leaves the rows unseen, which `compare` judges; any other
 * status is a violation of its own (5xx are recorded by the caller's `get`).
 */
export function ok(
  c: Ctx,
  caller: TownCaller,
  resource: string,
  res: { status: number; body: any },
): boolean {
  if (res.status === 200) return true;
  if (res.status < 500 && ![401, 403, 404].includes(res.status))
    c.out.push({
      caller,
      resource,
      kind: 'status',
      detail: `${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
    });
  return false;
}
