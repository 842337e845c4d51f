/**
 * The facts a draft is made of, all through the metrics service: per portfolio the catalogue
 * metrics of the ledger types it owns (counted over the subject's scope for the year), a few
 * notable records (report-highlights.ts), and the signals that ground 存在不足 (empty ledgers, metrics below last year,
 * overdue and unsatisfied appeals when an appeals source offers them). Also re-evaluates chips.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import type { GroundingSignals, HighlightRecord, MetricResult } from '../../core/report/compose.ts';
import {
  allChips,
  formatMetricValue,
  metricKey,
  type Inline,
  type MetricChip,
  type ReportDocument,
} from '../../core/report/model.ts';
import type { DB } from '../../db/schema.ts';
import {
  evaluateMetrics,
  listMetrics,
  metricContext,
  type MetricContext,
  type MetricQuery,
} from '../metrics/metrics.service.ts';
import { appealFacts, appealValues, isAppealMetric } from './report-appeals.ts';
import { highlightsFor } from './report-highlights.ts';
import { periodOf, type CountScope, type ReportSubject } from './report-subject.ts';

type Db = Kysely<DB>;
type MetricInfo = Awaited<ReturnType<typeof listMetrics>>[number];

/** At most this many numbers per portfolio paragraph: a report cites, it does not tabulate. */
const METRICS_PER_PORTFOLIO = 6;
/** 存在不足 names at most two figures that fell short of last year. */
const MAX_DROPS = 2;

/**
 * The reporting engine reads as the town: a chip's value is a fact about its own scope (the
 * report's person, office or village), the same whoever opens the report. Who may open the
 * report is decided before (reports.policy); drill-downs run as the caller.
 */
export function engineActor(townId: string): Actor {
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    homeTownId: townId,
    username: 'report-engine',
    displayName: '述职报告',
    personId: null,
    grants: [{ role: 'leader', townId, unitId: null }],
    sessionId: '',
  };
}

/** Chip params: the period and the scope; everything the metrics service needs to recount. */
export interface ChipParams {
  from: string;
  to: string;
  unitId?: string;
  personId?: string;
}

export function chipParams(year: number, scope: CountScope): ChipParams {
  const p: ChipParams = { ...periodOf(year) };
  if (scope.kind === 'unit') p.unitId = scope.unitId;
  if (scope.kind === 'person') p.personId = scope.personId;
  return p;
}

/** Reads a stored chip's params back; anything else in them is ignored. */
export function metricQueryOf(params: Record<string, unknown>): MetricQuery {
  const str = (k: string) => (typeof params[k] === 'string' ? (params[k] as string) : undefined);
  return {
    from: str('from') ?? '',
    to: str('to') ?? '',
    unitId: str('unitId'),
    personId: str('personId'),
  };
}

/**
 * Many metrics over one period and scope in one go: the metrics service evaluates each ledger
 * type's metrics in one scan per grouping (evaluateMetrics), with the caller resolved once (ctx).
 */
async function evaluateAll(
  db: Db,
  ctx: MetricContext,
  ms: readonly MetricInfo[],
  params: ChipParams,
): Promise<Map<string, MetricResult>> {
  const values = await evaluateMetrics(
    db,
    engineActor(ctx.townId),
    ctx.townId,
    ms.map((m) => m.id),
    params,
    ctx,
  );
  return new Map(
    ms.map((m) => [
      m.id,
      {
        metricId: m.id,
        label: m.label,
        unit: m.unit,
        value: values.get(m.id)?.display ?? null,
        params: { ...params },
      },
    ]),
  );
}

/** Plain counts first (they read best and show whether the ledger is kept), then the rest. */
function metricOrder(m: MetricInfo): number {
  if (m.aggregation === 'count' && m.filters.length === 0) return 0;
  if (m.aggregation === 'sum') return 1;
  if (m.aggregation === 'count' || m.aggregation === 'count_distinct') return 2;
  return 3;
}

/** Round-robin over the portfolio's ledger types, so each type is cited before any gets a second. */
function pickMetrics(metrics: MetricInfo[]): MetricInfo[] {
  const byType = new Map<string, MetricInfo[]>();
  for (const m of metrics
    .filter((x) => x.groupBy === null)
    .sort((a, b) => metricOrder(a) - metricOrder(b))) {
    byType.set(m.typeCode, [...(byType.get(m.typeCode) ?? []), m]);
  }
  const out: MetricInfo[] = [];
  for (let round = 0; out.length < METRICS_PER_PORTFOLIO * 2; round++) {
    const next = [...byType.values()]
      .map((list) => list[round])
      .filter((m): m is MetricInfo => m !== undefined);
    if (next.length === 0) break;
    out.push(...next);
  }
  return out.slice(0, METRICS_PER_PORTFOLIO * 2);
}

export interface ReportFacts {
  portfolios: Array<{ code: string; label: string }>;
  metrics: Record<string, MetricResult[]>;
  highlights: HighlightRecord[];
  signals: GroundingSignals;
}

/** Gathers every number and record the draft will cite. */
export async function gatherFacts(db: Db, subject: ReportSubject): Promise<ReportFacts> {
  const actor = engineActor(subject.townId);
  const ctx = await metricContext(db, actor, subject.townId);
  const infos = await listMetrics(db, actor, subject.townId, ctx);
  const params = chipParams(subject.year, subject.scope);
  const metrics: Record<string, MetricResult[]> = {};
  const highlights: HighlightRecord[] = [];
  const signals: GroundingSignals = {
    overdueOrders: null,
    unsatisfiedOrders: null,
    satisfactionRate: null,
    emptyLedgers: [],
    metricsBelowLastYear: [],
  };
  const portfolios: Array<{ code: string; label: string }> = [];
  const chosen = subject.portfolios
    .map((p) => ({ p, candidates: pickMetrics(infos.filter((m) => m.portfolio === p.code)) }))
    .filter(({ candidates }) => !(candidates.length === 0 && subject.overview)); // a principal's area without any books
  const current = await evaluateAll(
    db,
    ctx,
    chosen.flatMap((c) => c.candidates),
    params,
  );
  const resultsOf = (candidates: MetricInfo[]) => candidates.map((m) => current.get(m.id)!);
  const nonZeroOf = (candidates: MetricInfo[]) =>
    resultsOf(candidates).filter((r) => r.value !== null && r.value !== 0);
  const lastYear = chipParams(subject.year - 1, subject.scope);
  for (const { p, candidates } of chosen) {
    const results = resultsOf(candidates);
    for (const [i, m] of candidates.entries()) {
      const r = results[i]!;
      if (metricOrder(m) === 0 && r.value === 0 && !signals.emptyLedgers.includes(m.typeName))
        signals.emptyLedgers.push(m.typeName);
    }
    // Cite what happened; a ledger with nothing in it is named under 存在不足 instead.
    const nonZero = nonZeroOf(candidates);
    const cited = (
      nonZero.length > 0 ? nonZero : results.filter((r) => r.value !== null).slice(0, 2)
    ).slice(0, METRICS_PER_PORTFOLIO);
    metrics[p.code] = cited;
    // Year on year: the first three figures cited (not rates), until 存在不足 has its two drops —
    // last year is counted only for the figures that can still be cited.
    if (signals.metricsBelowLastYear.length < MAX_DROPS) {
      const comparable = nonZero
        .slice(0, 3)
        .map((r) => candidates.find((m) => m.id === r.metricId)!)
        .filter((m) => m.aggregation !== 'rate');
      const previousYear = comparable.length
        ? await evaluateAll(db, ctx, comparable, lastYear)
        : new Map<string, MetricResult>();
      for (const r of nonZero.slice(0, 3)) {
        if (signals.metricsBelowLastYear.length >= MAX_DROPS) break;
        const previous = previousYear.get(r.metricId);
        if (!previous) continue; // a rate: not compared year on year
        if (previous.value !== null && r.value !== null && previous.value > r.value)
          signals.metricsBelowLastYear.push({ current: r, previous });
      }
    }
    highlights.push(...(await highlightsFor(db, ctx, actor, p.code, cited, infos, params)));
    portfolios.push({ code: p.code, label: p.label });
  }
  await addAppeals(db, subject, portfolios, metrics, signals);
  return { portfolios, metrics, highlights, signals };
}

/** Portfolio subsections that appeals KPIs join, in order of preference. */
const APPEAL_HOME = ['petitions', 'politics_law', 'village_assistance'];

/**
 * 三率 of the orders the person answers for: a principal leader gets their own 诉求办理
 * subsection (town-wide); anyone else has them cited in the portfolio closest to appeals.
 */
async function addAppeals(
  db: Db,
  subject: ReportSubject,
  portfolios: ReportFacts['portfolios'],
  metrics: ReportFacts['metrics'],
  signals: GroundingSignals,
) {
  const appeals = await appealFacts(db, subject);
  signals.satisfactionRate = appeals.satisfaction;
  signals.overdueOrders = appeals.lateClosed;
  signals.unsatisfiedOrders = appeals.unsatisfied;
  if (appeals.cited.length === 0) return;
  if (subject.overview) {
    portfolios.push({ code: 'appeals', label: '接诉即办和为民服务' });
    metrics.appeals = appeals.cited;
    return;
  }
  const home = APPEAL_HOME.find((c) => portfolios.some((p) => p.code === c)) ?? portfolios[0]?.code;
  if (home) metrics[home] = [...(metrics[home] ?? []), ...appeals.cited];
}

/**
 * Current values of every distinct chip of a document, keyed by metricKey. Ledger chips sharing
 * params (period and scope) are recounted together, one scan per ledger type and grouping.
 */
export async function recomputeChips(
  db: Db,
  townId: string,
  doc: ReportDocument,
): Promise<Map<string, number | null>> {
  const values = new Map<string, number | null>();
  const actor = engineActor(townId);
  const appealScopes = new Map<string, Map<string, number | null>>();
  const ledgerChips = new Map<string, { params: Record<string, unknown>; ids: Set<string> }>();
  for (const chip of allChips(doc)) {
    const key = metricKey(chip.metricId, chip.params);
    if (values.has(key)) continue;
    values.set(key, null);
    if (!isAppealMetric(chip.metricId)) {
      const scopeKey = metricKey('ledger', chip.params);
      if (!ledgerChips.has(scopeKey))
        ledgerChips.set(scopeKey, { params: chip.params, ids: new Set() });
      ledgerChips.get(scopeKey)!.ids.add(chip.metricId);
      continue;
    }
    try {
      const scopeKey = metricKey('appeals', chip.params);
      if (!appealScopes.has(scopeKey))
        appealScopes.set(scopeKey, await appealValues(db, townId, chip.params));
      values.set(key, appealScopes.get(scopeKey)!.get(chip.metricId) ?? null);
    } catch {
      // params edited by hand: the chip shows no number
    }
  }
  if (ledgerChips.size === 0) return values;
  const ctx = await metricContext(db, actor, townId);
  for (const { params, ids } of ledgerChips.values()) {
    // A metric since removed from the catalogue keeps its chip, without a number.
    const known = [...ids].filter((id) => ctx.has(id));
    if (known.length === 0) continue;
    try {
      const got = await evaluateMetrics(db, actor, townId, known, metricQueryOf(params), ctx);
      for (const [id, v] of got) values.set(metricKey(id, params), v.display);
    } catch {
      // params edited by hand (a bad period or unit): these chips show no number
    }
  }
  return values;
}

/** The document with every chip showing `values` (live drafts; freezing snapshots the same way). */
export function withChipValues(
  doc: ReportDocument,
  values: ReadonlyMap<string, number | null>,
): ReportDocument {
  const fresh = (i: MetricChip): Inline => {
    const value = values.get(metricKey(i.metricId, i.params)) ?? null;
    return { ...i, value, display: formatMetricValue(value, i.unit) };
  };
  return {
    ...doc,
    sections: doc.sections.map((s) => ({
      ...s,
      paragraphs: s.paragraphs.map((p) => ({
        inlines: p.inlines.map((i) => (i.type === 'metric' ? fresh(i) : i)),
      })),
    })),
  };
}
