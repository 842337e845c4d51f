/**
 * Metric evaluation (DESIGN 7): finds declared metrics among the town's current ledger types,
 * narrows the requested scope (town / unit subtree / person) to what the caller may see, and
 * runs the compiler's queries — the value, and the keyset-paged drill-down of the records
 * behind it, filtered identically, so every figure can be recomputed from its drill-down.
 * Many metrics at once (`evaluateMetrics`) run as one scan per ledger type and grouping.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import type { LedgerType } from '../../core/ledger/type.ts';
import { compileMetricCohorts } from '../../db/metrics/compile-batch.ts';
import { compileMetricDrillDown, compileMetricValue } from '../../db/metrics/compile.ts';
import { takePage } from '../../core/metrics/cursor.ts';
import type { MetricDeclaration } from '../../core/metrics/declaration.ts';
import { isPartyMetricType } from '../../core/party/metric-sources.ts';
import {
  displayValue,
  readValueRows,
  type DrillDownRow,
  type MetricResult,
} from '../../core/metrics/result.ts';
import type { DB } from '../../db/schema.ts';
import { metricContext, type MetricContext, type MetricQuery } from './metric-context.ts';

export type { MetricContext, MetricQuery } from './metric-context.ts';
export { metricContext } from './metric-context.ts';

type Db = Kysely<DB>;

function describe(m: MetricDeclaration, t: LedgerType) {
  return {
    id: m.id,
    label: m.label,
    unit: m.unit,
    description: m.description ?? null,
    typeCode: t.code,
    typeName: t.name,
    portfolio: t.portfolio,
    /** Rows made from party work's own records (core/party/metric-sources.ts), not a ledger's. */
    derived: isPartyMetricType(t.code),
    aggregation: m.aggregation.fn,
    groupBy: m.groupBy ?? null,
    filters: m.filters,
  };
}

/** The metrics of every ledger type the caller can see. */
export async function listMetrics(db: Db, actor: Actor, townId: string, ctx?: MetricContext) {
  const c = ctx ?? (await metricContext(db, actor, townId));
  return c.types
    .filter((t) => t.metrics.some((m) => c.has(m.id)))
    .flatMap((t) => t.metrics.map((m) => describe(m, t)));
}

function present(metric: MetricDeclaration, type: LedgerType, q: MetricQuery, value: MetricResult) {
  return {
    metric: describe(metric, type),
    period: { from: q.from, to: q.to },
    scope: { unitId: q.unitId ?? null, personId: q.personId ?? null },
    ...(value.kind === 'total'
      ? {
          value: value.value,
          display: displayValue(metric, value.value),
          numerator: value.numerator ?? null,
          denominator: value.denominator ?? null,
          groups: null,
        }
      : {
          value: null,
          display: null,
          numerator: null,
          denominator: null,
          groups: value.groups.map((g) => ({ ...g, display: displayValue(metric, g.value) })),
        }),
  };
}
export type MetricValue = ReturnType<typeof present>;

/** One metric's value. Pass `ctx` when evaluating several in one request. */
export async function evaluateMetric(
  db: Db,
  actor: Actor,
  townId: string,
  metricId: string,
  q: MetricQuery,
  ctx?: MetricContext,
): Promise<MetricValue> {
  const c = ctx ?? (await metricContext(db, actor, townId));
  const { type, metric } = c.find(metricId);
  const params = await c.params(type, q);
  const result = await db.executeQuery<Record<string, unknown>>(
    compileMetricValue(metric, params, c.registry),
  );
  return present(
    metric,
    type,
    q,
    readValueRows(metric, result.rows, Boolean(q.groupBy ?? metric.groupBy)),
  );
}

/**
 * Several metrics over the same period and scope, keyed by id: the metrics of each ledger type
 * are evaluated together, one scan per grouping (compileMetricCohorts), so a type's ten figures
 * cost about one query. Each value equals what evaluateMetric returns for it alone. Unknown or
 * invisible ids → NotFound, as for one metric.
 */
export async function evaluateMetrics(
  db: Db,
  actor: Actor,
  townId: string,
  metricIds: readonly string[],
  q: MetricQuery,
  ctx?: MetricContext,
): Promise<Map<string, MetricValue>> {
  const c = ctx ?? (await metricContext(db, actor, townId));
  const byType = new Map<LedgerType, MetricDeclaration[]>();
  for (const id of new Set(metricIds)) {
    const { type, metric } = c.find(id);
    byType.set(type, [...(byType.get(type) ?? []), metric]);
  }
  const out = new Map<string, MetricValue>();
  for (const [type, metrics] of byType) {
    const params = await c.params(type, q);
    for (const batch of compileMetricCohorts(metrics, params, c.registry)) {
      const rows = batch.split((await db.executeQuery<Record<string, unknown>>(batch.query)).rows);
      for (const metric of metrics) {
        const own = rows[metric.id];
        if (own)
          out.set(
            metric.id,
            present(
              metric,
              type,
              q,
              readValueRows(metric, own, Boolean(q.groupBy ?? metric.groupBy)),
            ),
          );
      }
    }
  }
  return new Map(metricIds.filter((id) => out.has(id)).map((id) => [id, out.get(id)!]));
}

/** A sum's measure is a number; a distinct count's is the counted value as text (ids, codes). */
function measureOf(m: MetricDeclaration, v: unknown): number | string | null {
  if (v === undefined || v === null) return null;
  return m.aggregation.fn === 'sum' ? Number(v) : String(v);
}

/** One page of the records behind a metric, with the columns that recompute its value. */
export async function drillDown(
  db: Db,
  actor: Actor,
  townId: string,
  metricId: string,
  q: MetricQuery & { cursor?: string; limit: number },
  ctx?: MetricContext,
) {
  const c = ctx ?? (await metricContext(db, actor, townId));
  const { type, metric } = c.find(metricId);
  const params = await c.params(type, q);
  const result = await db.executeQuery<DrillDownRow>(
    compileMetricDrillDown(metric, { ...params, cursor: q.cursor, limit: q.limit }, c.registry),
  );
  const { rows, nextCursor } = takePage(result.rows, q.limit);
  return {
    items: rows.map((r) => ({
      id: r.id,
      occurredOn: r.period_key,
      groupKey: r.group_key ?? null,
      measure: measureOf(metric, r.measure),
      inNumerator: r.in_numerator ?? null,
      unitId: (r.unit_id as string | null) ?? null,
      personId: (r.person_id as string | null) ?? null,
      data: r.data as Record<string, unknown>,
      version: r.version as number,
    })),
    nextCursor,
  };
}
