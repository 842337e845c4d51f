/**
 * Appeals KPIs (三率, DESIGN 5) as report numbers: which orders a report counts (the whole town
 * for a principal leader, the orders of a portfolio leader's portfolios and liaison villages,
 * an office's or a village's own orders) and the KPI values and orders behind each chip, all
 * through the appeals domain's KPI service. Chips carry `{from, to, personId?, unitId?}`.
 */
import { type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Actor, Role } from '../../core/actor.ts';
import { isDateKey } from '../../core/calendar/index.ts';
import { InvalidInput } from '../../core/errors.ts';
import { compileMetricDrillDown } from '../../db/metrics/compile.ts';
import { compileMetricValues } from '../../db/metrics/compile-batch.ts';
import { takePage } from '../../core/metrics/cursor.ts';
import { metricDeclarationSchema, type MetricDeclaration } from '../../core/metrics/declaration.ts';
import { metricPhraseSchema, type MetricPhrase } from '../../core/metrics/phrase.ts';
import { readValueRows } from '../../core/metrics/result.ts';
import { createSourceRegistry } from '../../db/metrics/source.ts';
import type { MetricResult } from '../../core/report/compose.ts';
import { BUILT_IN_KINDS } from '../../core/workflow/index.ts';
import type { DB } from '../../db/schema.ts';
import { APPEAL_KPIS, appealsSource, kpiById, kpiOrders } from '../appeals/appeal-kpi.service.ts';
import { appealScope, scopeSql } from '../appeals/appeal-access.service.ts';
import { periodOf, type ReportSubject } from './report-subject.ts';
import { bothHold } from './report-lookup.repository.ts';

type Db = Kysely<DB>;

export const isAppealMetric = (metricId: string) => metricId.startsWith('appeals.');

const REPORTED_KINDS = Object.values(BUILT_IN_KINDS).flatMap((k) =>
  k.report ? [{ kind: k.kind, report: k.report }] : [],
);

/**
 * Counts a report cites that the KPI set does not declare: orders closed after their deadline and
 * orders whose follow-up found the resident dissatisfied (they ground 存在不足), and the orders
 * received by kind (the parts of 受理量). Declared over the appeals domain's own metric source,
 * so they filter and drill down exactly like its KPIs.
 */
export const SHORTCOMING_METRICS: MetricDeclaration[] = [
  metricDeclarationSchema.parse({
    id: 'appeals.report_late_closed',
    label: '超期办结工单',
    unit: '件',
    description: '期内受理、办结时已超过（延期后）办结时限的工单',
    source: { kind: 'appeals' },
    aggregation: { fn: 'count' },
    filters: [{ field: 'closed_on_time', op: 'eq', value: false }],
  }),
  metricDeclarationSchema.parse({
    id: 'appeals.report_unsatisfied',
    label: '回访不满意工单',
    unit: '件',
    description: '期内受理、回访满意度为“不满意”的工单',
    source: { kind: 'appeals' },
    aggregation: { fn: 'count' },
    filters: [{ field: 'satisfaction', op: 'eq', value: '不满意' }],
  }),
  // The 受理量 by kind: the parts a report says after the total (其中热线工单…、信访事项…).
  // Each appeal kind's declaration says how a report names its orders (`report` in its data).
  ...REPORTED_KINDS.map(({ kind, report: { label, object: said } }) =>
    metricDeclarationSchema.parse({
      id: `appeals.report_${kind}`,
      label,
      unit: '件',
      description: `期内受理的${label}`,
      source: { kind: 'appeals' },
      aggregation: { fn: 'count' },
      filters: [{ field: 'kind', op: 'eq', value: kind }],
      phrase: { object: said, measure: '件' },
    }),
  ),
];

/** How a report says the KPIs it cites. */
const KPI_PHRASES: Record<string, MetricPhrase> = {
  'appeals.received': metricPhraseSchema.parse({
    verb: '受理',
    object: '群众诉求',
    measure: '件',
    parts: REPORTED_KINDS.filter((k) => k.report.partOfReceived).map(
      (k) => `appeals.report_${k.kind}`,
    ),
  }),
  'appeals.on_time_closure_rate': metricPhraseSchema.parse({
    verb: '达到',
    object: '按时办结率',
    trend: false,
  }),
  'appeals.satisfaction_rate': metricPhraseSchema.parse({
    verb: '为',
    object: '回访满意率',
    trend: false,
  }),
};
const shortcomingMetric = (id: string) => SHORTCOMING_METRICS.find((m) => m.id === id);

function registryOver(scope: RawBuilder<SqlBool>) {
  const registry = createSourceRegistry([]);
  registry.register('appeals', () => appealsSource(scope));
  return registry;
}

export interface AppealChipParams {
  from: string;
  to: string;
  /** A portfolio leader's orders (portfolios, liaison villages, cases they lead). */
  personId?: string;
  /** An office's or a village's orders. */
  unitId?: string;
}

export function appealParams(subject: ReportSubject, year = subject.year): AppealChipParams {
  const p: AppealChipParams = { ...periodOf(year) };
  if (subject.appealUnitId) p.unitId = subject.appealUnitId;
  else if (!subject.overview) p.personId = subject.personId;
  return p;
}

/** The orders a chip counts, as the appeals domain's own scope predicate for such a person. */
async function countedOrders(
  db: Db,
  townId: string,
  p: Record<string, unknown>,
): Promise<RawBuilder<SqlBool>> {
  const personId = typeof p.personId === 'string' ? p.personId : null;
  const unitId = typeof p.unitId === 'string' ? p.unitId : null;
  const role: Role = unitId ? 'village_cadre' : personId ? 'portfolio_leader' : 'leader';
  const as: Actor = {
    userId: '00000000-0000-0000-0000-000000000000',
    homeTownId: townId,
    username: 'report-engine',
    displayName: '述职报告',
    personId,
    grants: [{ role, townId, unitId }],
    sessionId: '',
  };
  // The portfolios and 包联 villages held during the chip's period, not today's (a 2025 report
  // drafted after a rotation still counts the villages its author was liaison of in 2025).
  const { from, to } = period(p);
  return scopeSql(
    await appealScope(
      db,
      as,
      townId,
      isDateKey(from) && isDateKey(to) && from <= to ? { from, to } : undefined,
    ),
  );
}

const period = (p: Record<string, unknown>) => ({
  from: String(p.from ?? ''),
  to: String(p.to ?? ''),
});

/** The KPIs and the two shortcoming counts: one cohort (orders received in the period), one scan. */
const REPORT_APPEAL_METRICS: MetricDeclaration[] = [...APPEAL_KPIS, ...SHORTCOMING_METRICS];

/**
 * Every KPI value for one chip scope, keyed by metric id (one evaluation serves all chips of it).
 * The KPIs and the shortcoming counts share the KPI cohort, so they are counted together in one
 * query (compileMetricValues, as evaluateKpis does for the KPIs alone); the composite weights are
 * not cited by reports and are not read. Each value is still what its drill-down recounts.
 */
export async function appealValues(
  db: Db,
  townId: string,
  p: Record<string, unknown>,
): Promise<Map<string, number | null>> {
  const scope = await countedOrders(db, townId, p);
  const { from, to } = period(p);
  if (from > to)
    throw new InvalidInput('开始日期不能晚于结束日期', [
      { path: 'to', label: '结束日期', message: '结束日期不能早于开始日期' },
    ]);
  const batch = compileMetricValues(
    REPORT_APPEAL_METRICS,
    { townIds: [townId], period: { from, to } },
    registryOver(scope),
  );
  const rows = batch.split((await db.executeQuery<Record<string, unknown>>(batch.query)).rows);
  return new Map(
    REPORT_APPEAL_METRICS.map((m) => {
      const v = readValueRows(m, rows[m.id]!, false);
      return [m.id, v.kind === 'total' ? v.value : null];
    }),
  );
}

/** The KPIs a report cites, and the satisfaction rate that may ground 存在不足. */
export async function appealFacts(
  db: Db,
  subject: ReportSubject,
): Promise<{
  cited: MetricResult[];
  satisfaction: MetricResult | null;
  lateClosed: MetricResult | null;
  unsatisfied: MetricResult | null;
}> {
  const params = appealParams(subject);
  const values = await appealValues(db, subject.townId, { ...params });
  const result = (id: string): MetricResult => {
    const m = shortcomingMetric(id) ?? kpiById(id);
    const phrase = KPI_PHRASES[id] ?? m.phrase;
    return {
      metricId: id,
      label: m.id === 'appeals.received' ? '受理群众诉求' : m.label,
      unit: m.unit,
      value: values.get(id) ?? null,
      params: { ...params },
      ...(phrase ? { phrase } : {}),
    };
  };
  const received = result('appeals.received');
  if (!received.value)
    return { cited: [], satisfaction: null, lateClosed: null, unsatisfied: null };
  received.parts = (KPI_PHRASES['appeals.received']!.parts ?? []).map(result);
  const cited = [
    received,
    result('appeals.on_time_closure_rate'),
    result('appeals.satisfaction_rate'),
  ].filter((m) => m.value !== null);
  const present = (m: MetricResult) => (m.value === null ? null : m);
  return {
    cited,
    satisfaction: present(result('appeals.satisfaction_rate')),
    lateClosed: present(result('appeals.report_late_closed')),
    unsatisfied: present(result('appeals.report_unsatisfied')),
  };
}

/** The orders behind an appeals chip that the caller may also see. */
export async function appealChipOrders(
  db: Db,
  caller: Actor,
  townId: string,
  metricId: string,
  p: Record<string, unknown>,
  page: { cursor?: string; limit: number },
) {
  const counted = await countedOrders(db, townId, p);
  const both = bothHold(counted, scopeSql(await appealScope(db, caller, townId)));
  const own = shortcomingMetric(metricId);
  if (own) {
    const rows = await db.executeQuery<{ id: string; period_key: string; [k: string]: unknown }>(
      compileMetricDrillDown(
        own,
        { townIds: [townId], period: period(p), cursor: page.cursor, limit: page.limit },
        registryOver(both),
      ),
    );
    const paged = takePage(rows.rows, page.limit);
    return {
      metric: { id: own.id, label: own.label, unit: own.unit },
      items: paged.rows.map((r) => ({
        id: r.id,
        code: r.code as string,
        kind: r.kind as string,
        state: r.state as string,
        title: r.title as string,
        receivedOn: r.period_key,
        inNumerator: true,
        closedAt: r.closed_at ? new Date(r.closed_at as string).toISOString() : null,
        satisfaction: (r.satisfaction as string | null) ?? null,
      })),
      nextCursor: paged.nextCursor,
    };
  }
  const m = kpiById(metricId);
  const orders = await kpiOrders(db, both, {
    townId,
    ...period(p),
    metricId,
    cursor: page.cursor,
    limit: page.limit,
  });
  return { metric: { id: m.id, label: m.label, unit: m.unit }, ...orders };
}
