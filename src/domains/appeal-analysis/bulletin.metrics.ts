/**
 * Metrics the bulletin needs beyond the 三率 KPIs: orders of the cohort that are overdue and still
 * open (逾期未办结) and those closed after their deadline (超时办结). Declared like the KPIs over the
 * appeals source (plus an `overdue_open` field as of a given instant), compiled by core/metrics,
 * so each figure and the bulletin's overdue list are the same query.
 */
import type { Kysely, RawBuilder, SqlBool } from 'kysely';
import { NotFound } from '../../core/errors.ts';
import { compileMetricDrillDown } from '../../db/metrics/compile.ts';
import { compileMetricValues } from '../../db/metrics/compile-batch.ts';
import { takePage } from '../../core/metrics/cursor.ts';
import { metricDeclarationSchema, type MetricDeclaration } from '../../core/metrics/declaration.ts';
import { readValueRows, type MetricResult } from '../../core/metrics/result.ts';
import { createSourceRegistry } from '../../db/metrics/source.ts';
import type { DB } from '../../db/schema.ts';
import { appealsSource, type Grouping } from '../appeals/appeal-kpi.service.ts';
import { overdueOpenSql } from './bulletin.repository.ts';

type Db = Kysely<DB>;

export const BULLETIN_METRICS: MetricDeclaration[] = [
  metricDeclarationSchema.parse({
    id: 'appeals.overdue_open',
    label: '逾期未办结',
    unit: '件',
    description: '期内受理、至统计时点已过办理时限仍未办结的工单',
    source: { kind: 'appeals' },
    aggregation: { fn: 'count' },
    filters: [{ field: 'overdue_open', op: 'eq', value: true }],
  }),
  metricDeclarationSchema.parse({
    id: 'appeals.closed_late',
    label: '超时办结',
    unit: '件',
    description: '期内受理、办结时已超过（延期后）办结时限的工单',
    source: { kind: 'appeals' },
    aggregation: { fn: 'count' },
    filters: [{ field: 'closed_on_time', op: 'eq', value: false }],
  }),
];

/** The appeals source plus `overdue_open` judged at `asOf` (a bound parameter, so the figure and its list agree). */
function registryFor(scope: RawBuilder<SqlBool>, asOf: Date) {
  const base = appealsSource(scope);
  const registry = createSourceRegistry([]);
  registry.register('appeals', () => ({
    ...base,
    rowColumns: [...base.rowColumns, 'next_due_at'],
    fieldSql: (key) =>
      key === 'overdue_open'
        ? { valueType: 'boolean', sql: overdueOpenSql(asOf) }
        : base.fieldSql(key),
  }));
  return registry;
}

export interface BulletinMetricQuery {
  townId: string;
  from: string;
  to: string;
  asOf: Date;
  groupBy?: Grouping | undefined;
}

export async function evaluateBulletinMetrics(
  db: Db,
  scope: RawBuilder<SqlBool>,
  q: BulletinMetricQuery,
): Promise<Record<string, MetricResult>> {
  const batch = compileMetricValues(
    BULLETIN_METRICS,
    {
      townIds: [q.townId],
      period: { from: q.from, to: q.to },
      ...(q.groupBy ? { groupBy: q.groupBy } : {}),
    },
    registryFor(scope, q.asOf),
  );
  const perMetric = batch.split((await db.executeQuery<Record<string, unknown>>(batch.query)).rows);
  return Object.fromEntries(
    BULLETIN_METRICS.map((m) => [m.id, readValueRows(m, perMetric[m.id]!, !!q.groupBy)]),
  );
}

/** The orders behind a bulletin figure, keyset-paged like the KPI drill-down. */
export async function bulletinMetricOrders(
  db: Db,
  scope: RawBuilder<SqlBool>,
  q: BulletinMetricQuery & {
    metricId: string;
    group?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  let m = BULLETIN_METRICS.find((x) => x.id === q.metricId);
  if (!m) throw new NotFound(`指标「${q.metricId}」`);
  // One cell of a grouped figure (e.g. one village's overdue count): the group is one more filter, as in kpiOrders.
  if (q.groupBy && q.group !== undefined)
    m = {
      ...m,
      filters: [
        ...m.filters,
        q.group === ''
          ? { field: q.groupBy, op: 'is_null' }
          : { field: q.groupBy, op: 'eq', value: q.group },
      ],
    };
  const compiled = compileMetricDrillDown(
    m,
    {
      townIds: [q.townId],
      period: { from: q.from, to: q.to },
      limit: q.limit,
      ...(q.cursor ? { cursor: q.cursor } : {}),
    },
    registryFor(scope, q.asOf),
  );
  const rows = await db.executeQuery<{ id: string; period_key: string; [k: string]: unknown }>(
    compiled,
  );
  const page = takePage(rows.rows, q.limit);
  const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
  return {
    items: page.rows.map((r) => ({
      id: r.id,
      code: r.code as string,
      kind: r.kind as string,
      state: r.state as string,
      title: r.title as string,
      receivedOn: r.period_key,
      unitId: (r.unit_id as string | null) ?? null,
      villageId: (r.village_id as string | null) ?? null,
      nextDueAt: iso(r.next_due_at),
      closedAt: iso(r.closed_at),
    })),
    nextCursor: page.nextCursor,
  };
}
