/**
 * 三率 KPIs of DESIGN 5 as declared metrics over the appeals source (`appeal-kpi.repository.ts`):
 * the cohort is every order of an appeal kind *received* in the period (merged duplicates
 * excluded), each rate a `rate` aggregation, and the composite a weighted sum (per county,
 * default 30/35/35). Values and drill-downs are compiled by core/metrics, so every figure is
 * exactly the rows its drill-down returns. The 响应率 formula lives here (`response_rate`); what
 * counts as a kind's first response is its declaration's `kpi.responseClock`.
 */
import type { Kysely, RawBuilder, SqlBool } from 'kysely';
import { InvalidInput, NotFound } from '../../core/errors.ts';
import { compileMetricDrillDown } from '../../db/metrics/compile.ts';
import { compileMetricValues } from '../../db/metrics/compile-batch.ts';
import { takePage } from '../../core/metrics/cursor.ts';
import { metricDeclarationSchema, type MetricDeclaration } from '../../core/metrics/declaration.ts';
import { readValueRows, type MetricResult } from '../../core/metrics/result.ts';
import { createSourceRegistry } from '../../db/metrics/source.ts';
import type { DB } from '../../db/schema.ts';
import { appealsSource, DEFAULT_WEIGHTS, weightsFor } from './appeal-kpi.repository.ts';

export { appealsSource, DEFAULT_WEIGHTS, weightsFor };

type Db = Kysely<DB>;

const rate = (
  id: string,
  label: string,
  description: string,
  numerator: unknown[],
  denominator: unknown[] = [],
) =>
  metricDeclarationSchema.parse({
    id: `appeals.${id}`,
    label,
    unit: '%',
    description,
    source: { kind: 'appeals' },
    aggregation: { fn: 'rate', numerator, denominator },
  });

/** The declared KPIs (docs/kpis.md explains each). */
export const APPEAL_KPIS: MetricDeclaration[] = [
  metricDeclarationSchema.parse({
    id: 'appeals.received',
    label: '受理量',
    unit: '件',
    description: '期内受理的工单（不含被合并的重复件）',
    source: { kind: 'appeals' },
    aggregation: { fn: 'count' },
  }),
  rate('response_rate', '响应率', '首次响应（签收/受理告知/议事）在时限内的工单 ÷ 期内受理工单', [
    { field: 'responded_on_time', op: 'eq', value: true },
  ]),
  rate('closure_rate', '办结率', '已办结工单 ÷ 期内受理工单', [
    { field: 'closed_at', op: 'not_null' },
  ]),
  rate('on_time_closure_rate', '按时办结率', '在（延期后）办结时限内办结的工单 ÷ 期内受理工单', [
    { field: 'closed_on_time', op: 'eq', value: true },
  ]),
  rate(
    'resolution_rate',
    '解决率',
    '回访答复“已解决”的工单 ÷ 回访有答复的工单',
    [{ field: 'solved', op: 'eq', value: true }],
    [{ field: 'solved', op: 'not_null' }],
  ),
  rate(
    'satisfaction_rate',
    '满意率',
    '回访“满意”或“基本满意”的工单 ÷ 回访有满意度答复的工单',
    [{ field: 'satisfaction', op: 'in', value: ['满意', '基本满意'] }],
    [{ field: 'satisfaction', op: 'not_null' }],
  ),
];

export const GROUPINGS = [
  'town',
  'unit',
  'village',
  'person',
  'category',
  'month',
  'kind',
] as const;
export type Grouping = (typeof GROUPINGS)[number];

function registryFor(scope: RawBuilder<SqlBool>) {
  const registry = createSourceRegistry([]);
  registry.register('appeals', () => appealsSource(scope));
  return registry;
}

export function kpiById(id: string): MetricDeclaration {
  const m = APPEAL_KPIS.find((x) => x.id === id);
  if (!m) throw new NotFound(`指标「${id}」`);
  return m;
}

export interface KpiQuery {
  townId: string;
  from: string;
  to: string;
  groupBy?: Grouping | undefined;
  kind?: string | undefined;
}

function withKind(m: MetricDeclaration, kind: string | undefined): MetricDeclaration {
  return kind ? { ...m, filters: [...m.filters, { field: 'kind', op: 'eq', value: kind }] } : m;
}

/** Every KPI for the period, totals or per group, plus the weighted composite. */
export async function evaluateKpis(db: Db, scope: RawBuilder<SqlBool>, q: KpiQuery) {
  if (q.from > q.to)
    throw new InvalidInput('开始日期不能晚于结束日期', [
      { path: 'to', label: '结束日期', message: '结束日期不能早于开始日期' },
    ]);
  const registry = registryFor(scope);
  const weights = await weightsFor(db, q.townId);
  const results: Record<string, MetricResult> = {};
  // All KPIs share one cohort: one scan computes them all (compileMetricValues).
  const batch = compileMetricValues(
    APPEAL_KPIS.map((m) => withKind(m, q.kind)),
    {
      townIds: [q.townId],
      period: { from: q.from, to: q.to },
      ...(q.groupBy ? { groupBy: q.groupBy } : {}),
    },
    registry,
  );
  const perMetric = batch.split((await db.executeQuery<Record<string, unknown>>(batch.query)).rows);
  for (const m of APPEAL_KPIS) results[m.id] = readValueRows(m, perMetric[m.id]!, !!q.groupBy);
  const composite = (cells: Record<string, number | null>) => {
    const parts = [
      [cells['appeals.response_rate'], weights.response],
      [cells['appeals.resolution_rate'], weights.resolution],
      [cells['appeals.satisfaction_rate'], weights.satisfaction],
    ] as const;
    const used = parts.filter(([v]) => v !== null && v !== undefined);
    const w = used.reduce((s, [, x]) => s + x, 0);
    return w === 0
      ? null
      : Math.round((used.reduce((s, [v, x]) => s + (v as number) * x, 0) / w) * 100) / 100;
  };
  return {
    metrics: APPEAL_KPIS.map((m) => ({
      id: m.id,
      label: m.label,
      unit: m.unit,
      description: m.description ?? '',
      result: results[m.id]!,
    })),
    weights,
    composite: compositeOf(results, composite),
  };
}

function compositeOf(
  results: Record<string, MetricResult>,
  f: (cells: Record<string, number | null>) => number | null,
) {
  const first = results['appeals.received']!;
  if (first.kind === 'total')
    return {
      kind: 'total' as const,
      value: f(
        Object.fromEntries(
          Object.entries(results).map(([k, r]) => [k, r.kind === 'total' ? r.value : null]),
        ),
      ),
    };
  const keys = new Set(
    Object.values(results).flatMap((r) => (r.kind === 'grouped' ? r.groups.map((g) => g.key) : [])),
  );
  return {
    kind: 'grouped' as const,
    groups: [...keys].map((key) => ({
      key,
      value: f(
        Object.fromEntries(
          Object.entries(results).map(([k, r]) => [
            k,
            r.kind === 'grouped' ? (r.groups.find((g) => g.key === key)?.value ?? null) : null,
          ]),
        ),
      ),
    })),
  };
}

/** The orders behind one figure (one group when `group` is given), keyset-paged. */
export async function kpiOrders(
  db: Db,
  scope: RawBuilder<SqlBool>,
  q: KpiQuery & {
    metricId: string;
    group?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  let m = withKind(kpiById(q.metricId), q.kind);
  if (q.groupBy && q.group !== undefined) {
    m = {
      ...m,
      filters: [
        ...m.filters,
        q.group === ''
          ? { field: q.groupBy, op: 'is_null' }
          : { field: q.groupBy, op: 'eq', value: q.group },
      ],
    };
  }
  const compiled = compileMetricDrillDown(
    m,
    {
      townIds: [q.townId],
      period: { from: q.from, to: q.to },
      limit: q.limit,
      ...(q.cursor ? { cursor: q.cursor } : {}),
    },
    registryFor(scope),
  );
  const rows = await db.executeQuery<{
    id: string;
    period_key: string;
    in_numerator?: boolean;
    [k: string]: unknown;
  }>(compiled);
  const page = takePage(rows.rows, q.limit);
  return {
    items: page.rows.map((r) => ({
      id: r.id,
      code: r.code as string,
      kind: r.kind as string,
      state: r.state as string,
      title: r.title as string,
      receivedOn: r.period_key,
      inNumerator: r.in_numerator ?? true,
      closedAt: r.closed_at ? new Date(r.closed_at as string).toISOString() : null,
      satisfaction: (r.satisfaction as string | null) ?? null,
    })),
    nextCursor: page.nextCursor,
  };
}
