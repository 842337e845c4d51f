/**
 * Metric evaluation (DESIGN 7): finds a declared metric among the town's current ledger types,
 * narrows the requested scope (town / unit subtree / person) to what the caller may see, and
 * runs the compiler's two queries — the value, and the keyset-paged drill-down of the records
 * behind it, filtered identically, so every figure can be recomputed from its drill-down.
 */
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { NotFound } from '../../core/errors.ts';
import type { LedgerType } from '../../core/ledger/type.ts';
import { compileMetricDrillDown, compileMetricValue, type EvaluationParams } from '../../core/metrics/compile.ts';
import { takePage } from '../../core/metrics/cursor.ts';
import type { MetricDeclaration } from '../../core/metrics/declaration.ts';
import { displayValue, readValueRows, type DrillDownRow } from '../../core/metrics/result.ts';
import { createSourceRegistry } from '../../core/metrics/source.ts';
import type { DB } from '../../db/schema.ts';
import { currentTypes } from '../ledgers/ledger-type.repository.ts';
import { recordScope, typeVisible, type RecordScope } from '../ledgers/ledgers.policy.ts';

type Db = Kysely<DB>;

export interface MetricQuery {
  from: string;
  to: string;
  unitId?: string;
  personId?: string;
  groupBy?: string;
}

function describe(m: MetricDeclaration, t: LedgerType) {
  return { id: m.id, label: m.label, unit: m.unit, description: m.description ?? null, typeCode: t.code, typeName: t.name, portfolio: t.portfolio, aggregation: m.aggregation.fn, groupBy: m.groupBy ?? null, filters: m.filters };
}

/** The metrics of every ledger type the caller can see. */
export async function listMetrics(db: Db, actor: Actor, townId: string) {
  const types = await currentTypes(db, townId);
  const scope = await recordScope(db, actor, townId, types, false);
  return types.filter((t) => typeVisible(scope, t)).flatMap((t) => t.metrics.map((m) => describe(m, t)));
}

async function subtree(db: Db, townId: string, rootId: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    with recursive t(id) as (
      select id from unit where town_id = ${townId} and id = ${rootId}
      union all
      select u.id from unit u join t on u.parent_id = t.id where u.town_id = ${townId})
    select id from t`.execute(db);
  return rows.rows.map((r) => r.id);
}

/**
 * Resolves a metric and the compiler parameters for this caller. Whole-type readers (leaders,
 * supervisors, the type's portfolio leader) get the scope they ask for; unit-scoped readers
 * (staff, village cadres) are narrowed to their own subtrees — a metric never counts a record
 * its reader could not open from the drill-down.
 */
async function resolve(db: Db, actor: Actor, townId: string, metricId: string, q: MetricQuery) {
  const types = await currentTypes(db, townId);
  const type = types.find((t) => t.metrics.some((m) => m.id === metricId));
  const scope: RecordScope = await recordScope(db, actor, townId, types, false);
  if (!type || !typeVisible(scope, type)) throw new NotFound('指标');
  const metric = type.metrics.find((m) => m.id === metricId)!;
  let unitIds = q.unitId ? await subtree(db, townId, q.unitId) : undefined;
  if (!scope.all && !scope.typeCodes.includes(type.code)) {
    const allowed = new Set(scope.unitIds);
    unitIds = (unitIds ?? scope.unitIds).filter((id) => allowed.has(id));
  }
  const params: EvaluationParams = { townIds: [townId], period: { from: q.from, to: q.to }, scope: { unitIds, personId: q.personId }, groupBy: q.groupBy };
  return { type, metric, params, registry: createSourceRegistry(types) };
}

export async function evaluateMetric(db: Db, actor: Actor, townId: string, metricId: string, q: MetricQuery) {
  const { type, metric, params, registry } = await resolve(db, actor, townId, metricId, q);
  const result = await db.executeQuery<Record<string, unknown>>(compileMetricValue(metric, params, registry));
  const grouped = Boolean(params.groupBy ?? metric.groupBy);
  const value = readValueRows(metric, result.rows, grouped);
  return {
    metric: describe(metric, type),
    period: { from: q.from, to: q.to },
    scope: { unitId: q.unitId ?? null, personId: q.personId ?? null },
    ...(value.kind === 'total'
      ? { value: value.value, display: displayValue(metric, value.value), numerator: value.numerator ?? null, denominator: value.denominator ?? null, groups: null }
      : { value: null, display: null, numerator: null, denominator: null, groups: value.groups.map((g) => ({ ...g, display: displayValue(metric, g.value) })) }),
  };
}

/** A sum's measure is a number; a distinct count's is the counted value as text (ids, codes). */
function measureOf(m: MetricDeclaration, v: unknown): number | string | null {
  if (v === undefined || v === null) return null;
  return m.aggregation.fn === 'sum' ? Number(v) : String(v);
}

/** One page of the records behind a metric, with the columns that recompute its value. */
export async function drillDown(db: Db, actor: Actor, townId: string, metricId: string, q: MetricQuery & { cursor?: string; limit: number }) {
  const { metric, params, registry } = await resolve(db, actor, townId, metricId, q);
  const result = await db.executeQuery<DrillDownRow>(compileMetricDrillDown(metric, { ...params, cursor: q.cursor, limit: q.limit }, registry));
  const { rows, nextCursor } = takePage(result.rows, q.limit);
  return {
    items: rows.map((r) => ({
      id: r.id, occurredOn: r.period_key, groupKey: r.group_key ?? null, measure: measureOf(metric, r.measure),
      inNumerator: r.in_numerator ?? null, unitId: (r.unit_id as string | null) ?? null, personId: (r.person_id as string | null) ?? null,
      data: r.data as Record<string, unknown>, version: r.version as number,
    })),
    nextCursor,
  };
}
