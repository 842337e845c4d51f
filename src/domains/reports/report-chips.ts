/**
 * Number chips an author adds by hand (插入数据): the metrics they may cite in a report, a chip
 * built and valued for the report's own scope before it is inserted, and the check every saved
 * document passes — a new chip must name an existing metric, carry valid params counted over the
 * report's own scope, and be a metric the caller may read; else a problem naming the chip.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { InvalidInput, type FieldIssue } from '../../core/errors.ts';
import {
  allChips,
  makeChip,
  metricKey,
  type MetricChip,
  type ReportDocument,
} from '../../core/report/model.ts';
import type { DB } from '../../db/schema.ts';
import { APPEAL_KPIS } from '../appeals/appeal-kpi.service.ts';
import { listMetrics } from '../metrics/metrics.service.ts';
import { appealParams, isAppealMetric, SHORTCOMING_METRICS } from './report-appeals.ts';
import { chipParams, engineActor, recomputeChips } from './report-facts.ts';
import { loadSubject, type ReportSubject } from './report-subject.ts';
import { unitName } from './report-lookup.repository.ts';

type Db = Kysely<DB>;

export interface ChipMetric {
  id: string;
  label: string;
  unit: string;
  /** 台账 name, or 接诉即办 for the appeals KPIs. */
  group: string;
  portfolio: string | null;
  description: string | null;
}

const APPEAL_GROUP = '接诉即办';
const appealMetrics = (): ChipMetric[] =>
  [...APPEAL_KPIS, ...SHORTCOMING_METRICS].map((m) => ({
    id: m.id,
    label: m.label,
    unit: m.unit,
    group: APPEAL_GROUP,
    portfolio: null,
    description: m.description ?? null,
  }));

/** Metrics with one value (not grouped) of the ledgers `actor` may read, then the appeals KPIs. */
async function citable(db: Db, actor: Actor, townId: string): Promise<ChipMetric[]> {
  const ledger = (await listMetrics(db, actor, townId))
    .filter((m) => m.groupBy === null)
    .map((m) => ({
      id: m.id,
      label: m.label,
      unit: m.unit,
      group: m.typeName,
      portfolio: m.portfolio,
      description: m.description,
    }));
  return [...ledger, ...appealMetrics()];
}

/** The periods a report of `year` may cite: its own year, its quarters, and last year to compare. */
export function chipPeriods(year: number) {
  const q = (n: number) => ({
    key: `q${n}`,
    label: `${year}年第${'一二三四'[n - 1]}季度`,
    from: `${year}-${String(n * 3 - 2).padStart(2, '0')}-01`,
    to: `${year}-${String(n * 3).padStart(2, '0')}-${n === 1 || n === 4 ? '31' : '30'}`,
  });
  return [
    { key: 'year', label: `${year}年全年`, from: `${year}-01-01`, to: `${year}-12-31` },
    q(1),
    q(2),
    q(3),
    q(4),
    {
      key: 'last_year',
      label: `${year - 1}年全年（同比）`,
      from: `${year - 1}-01-01`,
      to: `${year - 1}-12-31`,
    },
  ];
}

/** The scope part of a chip's params (no period) for this report: what report-facts counts over. */
function scopeParams(subject: ReportSubject, metricId: string): Record<string, string> {
  const {
    from: _f,
    to: _t,
    ...scope
  } = isAppealMetric(metricId) ? appealParams(subject) : chipParams(subject.year, subject.scope);
  return { ...scope };
}

async function scopeLabel(
  db: Db,
  subject: ReportSubject,
): Promise<{ ledger: string; appeals: string }> {
  const nameOf = async (unitId: string) => (await unitName(db, subject.townId, unitId)) ?? '本单位';
  const ledger =
    subject.scope.kind === 'unit' ? `${await nameOf(subject.scope.unitId)}（含下级）` : '全镇';
  const appeals = subject.appealUnitId
    ? `${await nameOf(subject.appealUnitId)}的工单`
    : subject.overview
      ? '全镇工单'
      : '本人分管领域、包联村和包案的工单';
  return { ledger, appeals };
}

/** What the 插入数据 picker offers for a report: metrics, periods, and the scope it counts over. */
export async function chipCatalogue(
  db: Db,
  actor: Actor,
  townId: string,
  report: { personId: string; year: number },
) {
  const subject = await loadSubject(db, townId, report.personId, report.year);
  return {
    metrics: await citable(db, actor, townId),
    periods: chipPeriods(report.year),
    scope: await scopeLabel(db, subject),
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/u;
const validDate = (s: unknown): s is string =>
  typeof s === 'string' &&
  DATE.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** Why a chip's params are not acceptable for this report, or null. */
function paramsProblem(
  chip: Pick<MetricChip, 'metricId' | 'params'>,
  subject: ReportSubject,
): string | null {
  const p = chip.params;
  const extra = Object.keys(p).filter((k) => !['from', 'to', 'unitId', 'personId'].includes(k));
  if (extra.length > 0) return `含有不支持的参数 ${extra.join('、')}`;
  if (!validDate(p.from) || !validDate(p.to) || p.from > p.to) return '统计期间不正确';
  if (p.from < `${subject.year - 1}-01-01` || p.to > `${subject.year}-12-31`)
    return `统计期间应在${subject.year - 1}年至${subject.year}年之内`;
  const own = scopeParams(subject, chip.metricId);
  const same = (k: 'unitId' | 'personId') => (p[k] ?? null) === (own[k] ?? null);
  if (!same('unitId') || !same('personId'))
    return '统计范围与本报告不符（只能引用本人统计范围内的指标）';
  return null;
}

/** Where a chip sits in the document, as a field path of the request body. */
function chipPath(doc: ReportDocument, target: MetricChip): string {
  for (const [i, s] of doc.sections.entries()) {
    for (const [j, p] of s.paragraphs.entries()) {
      const k = p.inlines.indexOf(target);
      if (k >= 0) return `document.sections.${i}.paragraphs.${j}.inlines.${k}`;
    }
  }
  return 'document';
}

/**
 * Checks the chips a save adds (a chip already in the stored document may be moved or copied
 * freely) and gives each its declared unit; refuses the document naming every bad chip.
 */
export async function validateNewChips(
  db: Db,
  actor: Actor,
  townId: string,
  before: ReportDocument,
  after: ReportDocument,
  report: { personId: string; year: number },
): Promise<ReportDocument> {
  const known = new Set(allChips(before).map((c) => metricKey(c.metricId, c.params)));
  const fresh = allChips(after).filter((c) => !known.has(metricKey(c.metricId, c.params)));
  if (fresh.length === 0) return after;
  const subject = await loadSubject(db, townId, report.personId, report.year);
  const everything = new Map(
    (await citable(db, engineActor(townId), townId)).map((m) => [m.id, m]),
  );
  const readable = new Set((await citable(db, actor, townId)).map((m) => m.id));
  const issues: FieldIssue[] = [];
  for (const chip of fresh) {
    const metric = everything.get(chip.metricId);
    const problem = !metric
      ? `引用的指标“${chip.metricId}”不存在`
      : !readable.has(chip.metricId)
        ? `您无权引用指标“${metric.label}”`
        : paramsProblem(chip, subject);
    if (problem)
      issues.push({
        path: chipPath(after, chip),
        label: '数字',
        message: `“${chip.display}”${problem}`,
      });
  }
  if (issues.length > 0)
    throw new InvalidInput(`报告中有${issues.length}个数字不能保存：${issues[0]!.message}`, issues);
  const unitOf = (c: MetricChip) => everything.get(c.metricId)?.unit ?? c.unit;
  return {
    ...after,
    sections: after.sections.map((s) => ({
      ...s,
      paragraphs: s.paragraphs.map((p) => ({
        inlines: p.inlines.map((i) =>
          i.type === 'metric' && fresh.includes(i) ? { ...i, unit: unitOf(i) } : i,
        ),
      })),
    })),
  };
}

/** A chip for `metricId` over this report's scope and the chosen period, valued now. */
export async function previewChip(
  db: Db,
  actor: Actor,
  townId: string,
  report: { personId: string; year: number },
  input: { metricId: string; from: string; to: string },
) {
  const subject = await loadSubject(db, townId, report.personId, report.year);
  const metric = (await citable(db, actor, townId)).find((m) => m.id === input.metricId);
  if (!metric)
    throw new InvalidInput('该指标不存在或您无权引用', [
      { path: 'metricId', label: '指标', message: '不存在或无权引用' },
    ]);
  const params = { from: input.from, to: input.to, ...scopeParams(subject, input.metricId) };
  const problem = paramsProblem({ metricId: metric.id, params }, subject);
  if (problem)
    throw new InvalidInput(problem, [{ path: 'from', label: '统计期间', message: problem }]);
  const probe = makeChip(metric.id, params, null, metric.unit);
  const values = await recomputeChips(db, townId, {
    title: '',
    year: report.year,
    frozenAt: null,
    sections: [
      { id: 'x', level: 1, heading: '', kind: 'custom', paragraphs: [{ inlines: [probe] }] },
    ],
  });
  const chip = makeChip(
    metric.id,
    params,
    values.get(metricKey(metric.id, params)) ?? null,
    metric.unit,
  );
  return { chip, metric };
}
