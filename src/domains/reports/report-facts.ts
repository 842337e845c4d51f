/**
 * The facts a draft is made of, all through the metrics service: per portfolio its areas of work
 * (report-areas.ts: figures with their parts and last year's values), the year's significant
 * records as deeds (report-highlights.ts), the person's own records for 学习、廉洁、法治
 * (report-personal.ts), the appeals they answer for, and the signals that ground 不足 and 打算.
 */
import type { Kysely } from 'kysely';
import type {
  AreaFacts,
  Deed,
  GroundingSignals,
  MetricResult,
  PersonalFacts,
} from '../../core/report/compose.ts';
import type { DB } from '../../db/schema.ts';
import { metricContext, type MetricContext } from '../metrics/metrics.service.ts';
import { compareWithLastYear, gatherAreas, resultOf, valuesOf } from './report-areas.ts';
import { appealFacts } from './report-appeals.ts';
import { chipParams, engineActor } from './report-engine.ts';
import { attachDeeds } from './report-highlights.ts';
import { gatherPersonal } from './report-personal.ts';
import { openProblems } from './report-records.repository.ts';
import type { ReportSubject } from './report-subject.ts';

export { chipParams, engineActor, metricQueryOf, type ChipParams } from './report-engine.ts';
export { recomputeChips, withChipValues } from './report-recount.ts';

type Db = Kysely<DB>;

/** 存在不足 names at most two figures that fell short of last year. */
const MAX_DROPS = 2;

export interface ReportFacts {
  portfolios: Array<{ code: string; label: string }>;
  /** Figures by portfolio (flat), kept for callers that list them. */
  metrics: Record<string, MetricResult[]>;
  areas: Record<string, AreaFacts[]>;
  highlights: Deed[];
  personal: PersonalFacts;
  signals: GroundingSignals;
}

/** Gathers every number and record the draft will cite. */
export async function gatherFacts(db: Db, subject: ReportSubject): Promise<ReportFacts> {
  const ctx = await metricContext(db, engineActor(subject.townId), subject.townId);
  const params = chipParams(subject.year, subject.scope);
  const byPortfolio = await gatherAreas(
    db,
    ctx,
    subject.portfolios.map((p) => p.code),
    params,
  );
  // A principal's overview area without any books is left out rather than flagged.
  const portfolios = subject.portfolios.filter(
    (p) => !(subject.overview && byPortfolio.get(p.code)?.types === 0),
  );
  const declines = await compareWithLastYear(
    db,
    ctx,
    byPortfolio,
    chipParams(subject.year - 1, subject.scope),
  );
  const areas: Record<string, AreaFacts[]> = {};
  const signals: GroundingSignals = {
    overdueOrders: null,
    unsatisfiedOrders: null,
    satisfactionRate: null,
    emptyLedgers: [],
    emptyAreas: [],
    metricsBelowLastYear: declines.slice(0, MAX_DROPS),
  };
  for (const p of portfolios) {
    const entry = byPortfolio.get(p.code)!;
    await attachDeeds(db, ctx, p.code, entry.areas, params);
    areas[p.code] = entry.areas;
    for (const name of entry.empty) {
      signals.emptyLedgers.push(name);
      signals.emptyAreas!.push({ name, portfolio: p.code });
    }
  }
  const out: ReportFacts = {
    portfolios: portfolios.map((p) => ({ code: p.code, label: p.label })),
    metrics: {},
    areas,
    highlights: [],
    personal: await gatherPersonal(db, ctx, subject),
    signals,
  };
  await addAppeals(db, subject, out);
  await addLiaison(db, ctx, subject, out);
  signals.openProblems = await openProblems(db, {
    townId: subject.townId,
    personId: subject.personId,
    unitIds: subject.scope.kind === 'unit' ? [subject.scope.unitId] : undefined,
    town: subject.overview,
    before: `${subject.year}-12-31`,
  });
  for (const [code, list] of Object.entries(out.areas))
    out.metrics[code] = list.flatMap((a) => a.figures);
  return out;
}

/** What a 包联 leader reports of each village they are liaison for (counted over that village). */
const LIAISON_METRICS = [
  'ledger.branch_meeting.held',
  'ledger.poverty_monitoring.households',
  'ledger.living_environment.actions',
  'ledger.village_decision.matters',
];

/** 包联村工作: one area per liaison village, its key figures counted over the village. */
async function addLiaison(db: Db, ctx: MetricContext, subject: ReportSubject, facts: ReportFacts) {
  if (subject.overview || subject.liaisonVillageIds.length === 0) return;
  const ids = LIAISON_METRICS.filter((id) => ctx.has(id));
  const areas: AreaFacts[] = [];
  for (const [i, unitId] of subject.liaisonVillageIds.entries()) {
    const params = { ...chipParams(subject.year, { kind: 'unit', unitId }) };
    const values = await valuesOf(db, ctx, ids, params);
    const figures = ids
      .map((id) => resultOf(ctx.find(id).metric, values.get(id) ?? null, params))
      .filter((f) => f.value);
    if (figures.length)
      areas.push({
        code: 'liaison',
        name: subject.liaisonVillages[i]!,
        figures: figures.slice(0, 3),
        deeds: [],
      });
  }
  if (areas.length === 0) return;
  facts.portfolios.push({ code: 'liaison', label: '包联村工作' });
  facts.areas.liaison = areas;
}

/** Portfolio subsections that appeals KPIs join, in order of preference. */
const APPEAL_HOME = ['petitions', 'politics_law', 'village_assistance'];

/**
 * The orders the person answers for: a principal leader gets their own 接诉即办 subsection
 * (town-wide); anyone else has them as an area of the portfolio closest to appeals.
 */
async function addAppeals(db: Db, subject: ReportSubject, facts: ReportFacts) {
  const appeals = await appealFacts(db, subject);
  facts.signals.satisfactionRate = appeals.satisfaction;
  facts.signals.overdueOrders = appeals.lateClosed;
  facts.signals.unsatisfiedOrders = appeals.unsatisfied;
  if (appeals.cited.length === 0) return;
  const area: AreaFacts = { code: 'appeals', name: '接诉即办', figures: appeals.cited, deeds: [] };
  if (subject.overview) {
    facts.portfolios.push({ code: 'appeals', label: '接诉即办和为民服务' });
    facts.areas.appeals = [area];
    return;
  }
  const home =
    APPEAL_HOME.find((c) => facts.portfolios.some((p) => p.code === c)) ??
    facts.portfolios[0]?.code;
  // First where orders are the work itself (信访, 村务), last where they come with it.
  if (home)
    facts.areas[home] = APPEAL_HOME.includes(home)
      ? [area, ...(facts.areas[home] ?? [])]
      : [...(facts.areas[home] ?? []), area];
}
