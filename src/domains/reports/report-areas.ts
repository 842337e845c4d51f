/**
 * The figures of a portfolio grouped by area of work (one ledger type each): per type the heads
 * (plain counts first) with the parts and joined figures their phrase declares, counted over the
 * report's scope for the year, last year's value beside each comparable head, and what that
 * yields for 不足 — areas with nothing recorded and the figures that fell most below last year.
 */
import type { Kysely } from 'kysely';
import { catalogueMetrics, findLedgerType } from '../../core/ledger/catalogue/index.ts';
import { deedProblems, type LedgerDeed } from '../../core/ledger/deed.ts';
import type { LedgerType } from '../../core/ledger/type.ts';
import type { MetricDeclaration } from '../../core/metrics/declaration.ts';
import type { MetricPhrase } from '../../core/metrics/phrase.ts';
import type { AreaFacts, Decline, MetricResult } from '../../core/report/compose.ts';
import type { DB } from '../../db/schema.ts';
import { evaluateMetrics, type MetricContext } from '../metrics/metrics.service.ts';
import { engineActor, type ChipParams } from './report-engine.ts';

type Db = Kysely<DB>;

/**
 * Ledgers of cadres' own records: they feed 学习、廉洁、法治, and, counted over the whole town, the
 * work of the office keeping them (干部培训, 学法考试, 廉政档案); a village or office holds none.
 */
export const PERSONAL_TYPES = new Set(['cadre_study', 'law_study', 'integrity_file']);

/**
 * Types a draft does not write up as an area of work: the 发展党员 ledger, whose records became
 * the pipeline's history (the pipeline's stage entries are cited instead), missing meetings,
 * a shortcoming rather than work done, and the people at each stage on a date, a standing count
 * rather than the year's work (an author cites these through 插入数据).
 */
const NOT_AN_AREA = new Set(['member_development', 'party_meeting_gap', 'party_development_stay']);

/** At most this many head figures (each with its parts) per area. */
const HEADS_PER_AREA = 3;
/** A figure counts as fallen when it is at least this much below last year (and by 2 or more). */
const DECLINE = 0.1;

const CATALOGUE_PHRASES = new Map(
  catalogueMetrics()
    .filter((m) => m.phrase)
    .map((m) => [m.id, m.phrase!]),
);

/**
 * A metric's phrase: the shipped catalogue's for a catalogue metric (a town's stored copy of the
 * type may predate later wording), the town's own declaration for a metric it defined.
 */
export function phraseFor(m: MetricDeclaration): MetricPhrase | undefined {
  return CATALOGUE_PHRASES.get(m.id) ?? m.phrase;
}

/** A type's deed declaration: its own, else the catalogue's when its fields still fit. */
export function deedFor(t: LedgerType): LedgerDeed | undefined {
  if (t.deed) return t.deed;
  const shipped = findLedgerType(t.code)?.deed;
  return shipped && deedProblems(shipped, t).length === 0 ? shipped : undefined;
}

/** Plain counts read best and show whether the ledger is kept; then sums, then the rest. */
function order(m: MetricDeclaration): number {
  if (m.aggregation.fn === 'count' && m.filters.length === 0) return 0;
  if (m.aggregation.fn === 'sum') return 1;
  if (m.aggregation.fn === 'count' || m.aggregation.fn === 'count_distinct') return 2;
  return 3;
}

interface AreaPlan {
  type: LedgerType;
  heads: MetricDeclaration[];
  subs: Map<string, MetricDeclaration>;
}

function planArea(ctx: MetricContext, type: LedgerType, single: boolean): AreaPlan | null {
  // Counted over one village or office, a count of branches or villages says nothing.
  // A rate over one village's handful of records is noise, not a result.
  const citable = type.metrics.filter(
    (m) =>
      !m.groupBy &&
      ctx.has(m.id) &&
      !(single && (phraseFor(m)?.acrossUnits || m.aggregation.fn === 'rate')),
  );
  const subIds = new Set(
    citable.flatMap((m) => [...(phraseFor(m)?.parts ?? []), ...(phraseFor(m)?.joins ?? [])]),
  );
  const heads = citable
    .filter((m) => !subIds.has(m.id))
    .sort((a, b) => order(a) - order(b))
    .slice(0, HEADS_PER_AREA);
  if (heads.length === 0) return null;
  return {
    type,
    heads,
    subs: new Map(citable.filter((m) => subIds.has(m.id)).map((m) => [m.id, m])),
  };
}

/** The types of a portfolio a draft cites, in the order of the catalogue. */
export function areaPlans(ctx: MetricContext, portfolio: string, single: boolean): AreaPlan[] {
  return ctx.types
    .filter(
      (t) =>
        t.portfolio === portfolio &&
        !NOT_AN_AREA.has(t.code) &&
        !(single && PERSONAL_TYPES.has(t.code)),
    )
    .map((t) => planArea(ctx, t, single))
    .filter((p): p is AreaPlan => p !== null);
}

/** Values of many metrics over one period and scope (display values: 万元 already divided). */
export async function valuesOf(
  db: Db,
  ctx: MetricContext,
  ids: readonly string[],
  params: ChipParams,
): Promise<Map<string, number | null>> {
  if (ids.length === 0) return new Map();
  const got = await evaluateMetrics(db, engineActor(ctx.townId), ctx.townId, ids, params, ctx);
  return new Map(ids.map((id) => [id, got.get(id)?.display ?? null]));
}

export function resultOf(m: MetricDeclaration, value: number | null, params: object): MetricResult {
  const phrase = phraseFor(m);
  return {
    metricId: m.id,
    label: m.label,
    unit: m.unit,
    value,
    params: { ...params },
    ...(phrase ? { phrase } : {}),
  };
}

const isTrend = (m: MetricDeclaration) =>
  m.aggregation.fn !== 'rate' && phraseFor(m)?.trend !== false;

export interface PortfolioAreas {
  areas: AreaFacts[];
  empty: string[];
  /** Ledger types the portfolio has (0: no books at all). */
  types: number;
  /** Heads of each area that had a value this year, for last year's comparison. */
  comparable: MetricResult[];
}

/** Areas of several portfolios at once: this year's values in one batch. */
export async function gatherAreas(
  db: Db,
  ctx: MetricContext,
  portfolios: string[],
  params: ChipParams,
): Promise<Map<string, PortfolioAreas>> {
  const single = params.unitId !== undefined;
  const plans = new Map(portfolios.map((p) => [p, areaPlans(ctx, p, single)]));
  const ids = [...plans.values()]
    .flat()
    .flatMap((a) => [...a.heads, ...a.subs.values()].map((m) => m.id));
  const values = await valuesOf(db, ctx, [...new Set(ids)], params);
  const out = new Map<string, PortfolioAreas>();
  for (const [portfolio, list] of plans) {
    const entry: PortfolioAreas = { areas: [], empty: [], types: list.length, comparable: [] };
    for (const a of list) {
      const sub = (id: string) => {
        const m = a.subs.get(id);
        return m ? resultOf(m, values.get(id) ?? null, params) : null;
      };
      const figures = a.heads.map((m) => {
        const r = resultOf(m, values.get(m.id) ?? null, params);
        const p = phraseFor(m);
        r.parts = (p?.parts ?? []).map(sub).filter((x): x is MetricResult => x !== null);
        r.joins = (p?.joins ?? []).map(sub).filter((x): x is MetricResult => x !== null);
        if (r.value && isTrend(m)) entry.comparable.push(r);
        return r;
      });
      const plain = figures.find((f, i) => order(a.heads[i]!) === 0);
      if (plain && plain.value === 0 && !PERSONAL_TYPES.has(a.type.code))
        entry.empty.push(a.type.name);
      if (figures.some((f) => f.value))
        entry.areas.push({ code: a.type.code, name: a.type.name, figures, deeds: [] });
    }
    out.set(portfolio, entry);
  }
  return out;
}

/**
 * Last year's value beside every comparable head (one batch); returns the figures that fell
 * most below last year, largest fall first.
 */
export async function compareWithLastYear(
  db: Db,
  ctx: MetricContext,
  byPortfolio: Map<string, PortfolioAreas>,
  lastYear: ChipParams,
): Promise<Decline[]> {
  const heads = [...byPortfolio.values()].flatMap((p) => p.comparable);
  const previous = await valuesOf(db, ctx, [...new Set(heads.map((h) => h.metricId))], lastYear);
  const declines: Array<Decline & { fall: number }> = [];
  for (const [portfolio, entry] of byPortfolio)
    for (const area of entry.areas)
      for (const f of area.figures) {
        if (!entry.comparable.includes(f)) continue;
        const value = previous.get(f.metricId) ?? null;
        f.previous = { ...f, value, params: { ...lastYear }, parts: [], joins: [], previous: null };
        if (value === null || f.value === null || value <= 0) continue;
        const fall = (value - f.value) / value;
        if (fall >= DECLINE && value - f.value >= 2)
          declines.push({ current: f, previous: f.previous, portfolio, area: area.code, fall });
      }
  // Largest falls first, one per area: two falls of one ledger are one shortcoming.
  const areas = new Set<string>();
  return declines
    .sort((a, b) => b.fall - a.fall)
    .filter((d) => !areas.has(d.area!) && !!areas.add(d.area!))
    .map(({ fall: _f, ...d }) => d);
}
