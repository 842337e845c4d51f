/**
 * Several metrics of one source, period field and grouping evaluated in ONE scan: a dashboard
 * asks for many figures of the same cohort (the appeals KPIs), and one query per figure read the
 * same rows six times. Shared predicates (source, scope, period) go in WHERE; each metric's own
 * filters become aggregate FILTER clauses. `split` hands each metric exactly the rows its own
 * compileMetricValue would have returned, so values — and their drill-downs — are unchanged.
 */
import {
  sql,
  type AliasedRawBuilder,
  type CompiledQuery,
  type RawBuilder,
  type SqlBool,
} from 'kysely';
import { InvalidInput } from '../../core/errors.ts';
import {
  builder,
  conjunction,
  evaluationParamsSchema,
  parseParams,
  planMetric,
  type EvaluationParams,
  type MetricPlan,
} from './compile.ts';
import type { MetricDeclaration } from '../../core/metrics/declaration.ts';
import { sourceFrom, type SourceRegistry } from './source.ts';

function selections(
  m: MetricDeclaration,
  plan: MetricPlan,
  i: number,
): AliasedRawBuilder<unknown, string>[] {
  const own: RawBuilder<SqlBool> = conjunction(plan.where.slice(plan.sharedWhereCount));
  const n = sql`count(*) filter (where ${own})`;
  const agg = m.aggregation;
  const out: AliasedRawBuilder<unknown, string>[] = [sql`cast(${n} as integer)`.as(`m${i}_n`)];
  switch (agg.fn) {
    case 'count':
      out.push(sql`cast(${n} as integer)`.as(`m${i}_value`));
      break;
    case 'sum':
      out.push(sql`coalesce(sum(${plan.measureExpr}) filter (where ${own}), 0)`.as(`m${i}_value`));
      break;
    case 'count_distinct':
      out.push(
        sql`cast(count(distinct ${plan.measureExpr}) filter (where ${own}) as integer)`.as(
          `m${i}_value`,
        ),
      );
      break;
    case 'rate': {
      const num = sql`count(*) filter (where ${own} and ${plan.numeratorExpr})`;
      const scale = agg.percent ? sql`100.0` : sql`1.0`;
      const digits = agg.percent ? 2 : 4;
      out.push(
        sql`case when ${n} = 0 then null else round(${scale} * ${num} / ${n}, ${sql.lit(digits)}) end`.as(
          `m${i}_value`,
        ),
        sql`cast(${num} as integer)`.as(`m${i}_numerator`),
        sql`cast(${n} as integer)`.as(`m${i}_denominator`),
      );
    }
  }
  return out;
}

export interface BatchQuery {
  query: CompiledQuery;
  /** Rows of the batch → per metric id, the rows its single-metric value query would return. */
  split(rows: readonly Record<string, unknown>[]): Record<string, Record<string, unknown>[]>;
}

export function compileMetricValues(
  ms: MetricDeclaration[],
  params: EvaluationParams,
  registry: SourceRegistry,
): BatchQuery {
  if (ms.length === 0) throw new InvalidInput('没有要计算的指标');
  const p = parseParams(evaluationParamsSchema, params);
  const first = ms[0]!;
  const sameShape = ms.every(
    (m) =>
      JSON.stringify(m.source) === JSON.stringify(first.source) &&
      m.periodField === first.periodField &&
      m.inForceUntil === first.inForceUntil &&
      (p.groupBy ?? m.groupBy) === (p.groupBy ?? first.groupBy),
  );
  if (!sameShape)
    throw new InvalidInput('一次合并计算的指标须来自同一数据源、同一期间字段和同一分组');
  const plans = ms.map((m) => planMetric(m, p, registry));
  const plan0 = plans[0]!;
  const q = builder
    .selectFrom(sourceFrom(plan0.source, p))
    .where(conjunction(plan0.where.slice(0, plan0.sharedWhereCount)));
  const selects = ms.flatMap((m, i) => selections(m, plans[i]!, i));
  const grouped = Boolean(plan0.groupExpr);
  const query = grouped
    ? q
        .groupBy(plan0.groupExpr!)
        .orderBy(plan0.groupExpr!)
        .select([plan0.groupExpr!.as('group_key'), ...selects])
        .compile()
    : q.select(selects).compile();
  const split = (rows: readonly Record<string, unknown>[]) =>
    Object.fromEntries(
      ms.map((m, i) => [
        m.id,
        rows
          .filter((r) => !grouped || Number(r[`m${i}_n`]) > 0)
          .map((r) => ({
            ...(grouped ? { group_key: r.group_key } : {}),
            value: r[`m${i}_value`],
            ...(m.aggregation.fn === 'rate'
              ? { numerator: r[`m${i}_numerator`], denominator: r[`m${i}_denominator`] }
              : {}),
          })),
      ]),
    );
  return { query, split };
}

/**
 * Metrics sharing this key can share one scan: same source, period field, stock end (a stock and
 * a count of the period's rows select different rows) and effective grouping.
 */
export function cohortKey(m: MetricDeclaration, groupBy?: string): string {
  return JSON.stringify([
    m.source,
    m.periodField ?? null,
    m.inForceUntil ?? null,
    groupBy ?? m.groupBy ?? null,
  ]);
}

/**
 * Any set of metrics as the fewest scans: one BatchQuery per cohort (cohortKey), in the order
 * cohorts first appear. A report or a "my figures" page asks for every metric of a ledger type
 * at once; per type that is one query for the ungrouped metrics plus one per grouping.
 */
export function compileMetricCohorts(
  ms: MetricDeclaration[],
  params: EvaluationParams,
  registry: SourceRegistry,
): BatchQuery[] {
  const p = parseParams(evaluationParamsSchema, params);
  const cohorts = new Map<string, MetricDeclaration[]>();
  for (const m of ms) {
    const key = cohortKey(m, p.groupBy);
    cohorts.set(key, [...(cohorts.get(key) ?? []), m]);
  }
  return [...cohorts.values()].map((cohort) => compileMetricValues(cohort, p, registry));
}
