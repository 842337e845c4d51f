/**
 * Metric compiler: a declaration plus evaluation parameters (towns, inclusive period, scope,
 * grouping) become two parameterised PostgreSQL queries — the value, and the keyset-paged
 * drill-down of the rows behind it, filtered identically. No I/O: the DB layer executes them.
 */
import dayjs from 'dayjs';
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
  type AliasedRawBuilder,
  type CompiledQuery,
  type RawBuilder,
  type SqlBool,
} from 'kysely';
import { z } from 'zod';
import { InvalidInput } from '../../core/errors.ts';
import { decodeCursor } from '../../core/metrics/cursor.ts';
import {
  checkMetricFields,
  fieldKeySchema,
  type MetricDeclaration,
  type MetricFilter,
} from '../../core/metrics/declaration.ts';
import {
  sourceFrom,
  type SourceDescriptor,
  type SourceField,
  type SourceRegistry,
} from './source.ts';

/** Builds SQL only; executing through it fails loudly. */
export const builder = new Kysely<any>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

const uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, '应为有效编号');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((d) => dayjs(d).format('YYYY-MM-DD') === d, '日期不存在');

export const evaluationParamsSchema = z.object({
  townIds: z.array(uuid).min(1, '至少指定一个乡镇'),
  /** Inclusive on both ends. */
  period: z
    .object({ from: isoDate, to: isoDate })
    .refine((p) => p.from <= p.to, { message: '开始日期不能晚于结束日期', path: ['to'] }),
  scope: z
    .object({
      /** A unit subtree, already resolved to ids; an empty list sees nothing. */
      unitIds: z.array(uuid).optional(),
      /** Records owned by this person. */
      personId: uuid.optional(),
      /**
       * With `unitIds`: records of the subtree *or* of this responsible person — the reader's own
       * records kept outside their unit, which the record list shows them too.
       */
      orPersonId: uuid.optional(),
      /** One record only: a figure of a single record (a report's deed), recountable like any. */
      recordId: uuid.optional(),
    })
    .default({}),
  /** Overrides the declaration's grouping. */
  groupBy: fieldKeySchema.optional(),
  /**
   * The caller's day (the town's today), for rows that depend on it: a month short of a meeting
   * counts once it has ended before this day. Without it, every period up to `period.to` has.
   */
  asOf: isoDate.optional(),
});
export type EvaluationParams = z.input<typeof evaluationParamsSchema>;

export const drillDownParamsSchema = evaluationParamsSchema.extend({
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(500).default(50),
});
export type DrillDownParams = z.input<typeof drillDownParamsSchema>;

export function parseParams<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw new InvalidInput(
    '指标查询参数不合法',
    r.error.issues.map((e) => ({ path: e.path.join('.'), label: '查询参数', message: e.message })),
  );
}

/** The shared shape of both queries: predicates, period date, grouping and measured value. */
export interface MetricPlan {
  source: SourceDescriptor;
  where: RawBuilder<SqlBool>[];
  /** How many leading `where` parts are shared by every metric of the same source and period. */
  sharedWhereCount: number;
  dateExpr: RawBuilder<unknown>;
  dateSqlType: 'date' | 'timestamptz';
  groupExpr?: RawBuilder<unknown>;
  measureExpr?: RawBuilder<unknown>;
  numeratorExpr?: RawBuilder<SqlBool>;
}

function literalFor(v: string | number | boolean, field: SourceField): string | number | boolean {
  return field.valueType === 'text' ? String(v) : v;
}

/** One filter as SQL over a source field (also used by record lists, so both filter alike). */
export function filterSql(f: MetricFilter, field: SourceField): RawBuilder<SqlBool> {
  const e = field.sql;
  switch (f.op) {
    case 'eq':
      return sql<SqlBool>`${e} = ${literalFor(f.value, field)}`;
    case 'in':
      return sql<SqlBool>`${e} in (${sql.join(f.value.map((v) => literalFor(v, field)))})`;
    case 'gte':
      return sql<SqlBool>`${e} >= ${f.value}`;
    case 'lte':
      return sql<SqlBool>`${e} <= ${f.value}`;
    case 'between':
      return sql<SqlBool>`${e} between ${f.value[0]} and ${f.value[1]}`;
    case 'is_null':
      return sql<SqlBool>`${e} is null`;
    case 'not_null':
      return sql<SqlBool>`${e} is not null`;
  }
}

export function conjunction(parts: RawBuilder<SqlBool>[]): RawBuilder<SqlBool> {
  return parts.length === 0 ? sql<SqlBool>`true` : sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

function fieldOf(source: SourceDescriptor, key: string): SourceField {
  const f = source.fieldSql(key);
  if (!f)
    throw new InvalidInput(`“${source.label}”没有字段“${key}”`, [
      { path: 'field', label: key, message: '字段不存在' },
    ]);
  return f;
}

function scopePredicates(
  source: SourceDescriptor,
  p: z.infer<typeof evaluationParamsSchema>,
): RawBuilder<SqlBool>[] {
  const where = [sql<SqlBool>`town_id in (${sql.join(p.townIds)})`];
  const { unitIds, personId, orPersonId, recordId } = p.scope;
  if (recordId !== undefined) where.push(sql<SqlBool>`id = ${recordId}`);
  // Scope fails closed: a source without the column, or an empty subtree, shows nothing.
  if (unitIds !== undefined) {
    const inUnits =
      source.unitColumn && unitIds.length > 0
        ? sql<SqlBool>`${sql.ref(source.unitColumn)} in (${sql.join(unitIds)})`
        : sql<SqlBool>`false`;
    where.push(
      orPersonId !== undefined && source.personColumn
        ? sql<SqlBool>`(${inUnits} or ${sql.ref(source.personColumn)} = ${orPersonId})`
        : inUnits,
    );
  }
  if (personId !== undefined) {
    where.push(
      source.personColumn
        ? sql<SqlBool>`${sql.ref(source.personColumn)} = ${personId}`
        : sql<SqlBool>`false`,
    );
  }
  return where;
}

/** Validates the declaration against its source and lays out the predicates both queries share. */
export function planMetric(
  m: MetricDeclaration,
  params: z.infer<typeof evaluationParamsSchema>,
  registry: SourceRegistry,
): MetricPlan {
  const source = registry.resolve(m.source);
  const groupBy = params.groupBy ?? m.groupBy;
  const issues = checkMetricFields({ ...m, groupBy }, (k) => source.fieldSql(k));
  if (issues.length > 0)
    throw new InvalidInput(
      `指标“${m.label}”不合法：${issues.map((i) => i.message).join('；')}`,
      issues,
    );

  const period = m.periodField ? fieldOf(source, m.periodField) : undefined;
  const dateExpr = period ? period.sql : sql.ref(source.dateColumn);
  const dateSqlType = period
    ? period.valueType === 'timestamp'
      ? 'timestamptz'
      : 'date'
    : source.dateSqlType;
  // Half-open [from, to + 1 day) is the inclusive period for dates and timestamps alike.
  const toNext = dayjs(params.period.to).add(1, 'day').format('YYYY-MM-DD');
  // A stock: rows begun by the period's last day and not yet ended on it (its start is ignored).
  const until = m.inForceUntil ? fieldOf(source, m.inForceUntil).sql : undefined;
  const where = [
    ...source.baseWhere,
    ...scopePredicates(source, params),
    until
      ? sql<SqlBool>`(${until} is null or ${until} >= cast(${toNext} as date))`
      : sql<SqlBool>`${dateExpr} >= cast(${params.period.from} as date)`,
    sql<SqlBool>`${dateExpr} < cast(${toNext} as date)`,
    ...m.filters.map((f) => filterSql(f, fieldOf(source, f.field))),
  ];
  const sharedWhereCount = where.length - m.filters.length;
  const plan: MetricPlan = { source, where, sharedWhereCount, dateExpr, dateSqlType };
  if (groupBy) plan.groupExpr = sql`cast(${fieldOf(source, groupBy).sql} as text)`;
  const agg = m.aggregation;
  if (agg.fn === 'sum') plan.measureExpr = fieldOf(source, agg.field).sql;
  if (agg.fn === 'count_distinct')
    plan.measureExpr = sql`cast(${fieldOf(source, agg.field).sql} as text)`;
  if (agg.fn === 'rate') {
    where.push(...agg.denominator.map((f) => filterSql(f, fieldOf(source, f.field))));
    plan.numeratorExpr = conjunction(
      agg.numerator.map((f) => filterSql(f, fieldOf(source, f.field))),
    );
  }
  return plan;
}

function aggregateSelections(
  m: MetricDeclaration,
  plan: MetricPlan,
): AliasedRawBuilder<unknown, string>[] {
  const agg = m.aggregation;
  switch (agg.fn) {
    case 'count':
      return [sql`cast(count(*) as integer)`.as('value')];
    case 'sum':
      return [sql`coalesce(sum(${plan.measureExpr}), 0)`.as('value')];
    case 'count_distinct':
      return [sql`cast(count(distinct ${plan.measureExpr}) as integer)`.as('value')];
    case 'rate': {
      const num = sql`count(*) filter (where ${plan.numeratorExpr})`;
      const scale = agg.percent ? sql`100.0` : sql`1.0`;
      const digits = agg.percent ? 2 : 4;
      return [
        sql`case when count(*) = 0 then null else round(${scale} * ${num} / count(*), ${sql.lit(digits)}) end`.as(
          'value',
        ),
        sql`cast(${num} as integer)`.as('numerator'),
        sql`cast(count(*) as integer)`.as('denominator'),
      ];
    }
  }
}

/**
 * The value query: one row `{value[, numerator, denominator]}`, or with grouping one row per
 * `group_key`, ordered by it.
 */
export function compileMetricValue(
  m: MetricDeclaration,
  params: EvaluationParams,
  registry: SourceRegistry,
): CompiledQuery {
  const p = parseParams(evaluationParamsSchema, params);
  const plan = planMetric(m, p, registry);
  let q = builder.selectFrom(sourceFrom(plan.source, p)).where(conjunction(plan.where));
  const selections = aggregateSelections(m, plan);
  if (plan.groupExpr) {
    q = q.groupBy(plan.groupExpr).orderBy(plan.groupExpr);
    return q.select([plan.groupExpr.as('group_key'), ...selections]).compile();
  }
  return q.select(selections).compile();
}

/**
 * The drill-down query: the rows behind the value, ordered by (period date, id), `limit + 1` of
 * them after the cursor, with `period_key` for the next cursor and the columns needed to
 * recompute the value (`group_key`, `measure`, `in_numerator`).
 */
export function compileMetricDrillDown(
  m: MetricDeclaration,
  params: DrillDownParams,
  registry: SourceRegistry,
): CompiledQuery {
  const p = parseParams(drillDownParamsSchema, params);
  const plan = planMetric(m, p, registry);
  const where = [...plan.where];
  if (p.cursor) {
    const c = decodeCursor(p.cursor);
    const castType = sql.raw(plan.dateSqlType); // one of two fixed type names, never user input
    where.push(
      sql<SqlBool>`(${plan.dateExpr}, id) > (cast(${c.date} as ${castType}), cast(${c.id} as uuid))`,
    );
  }
  const columns: any[] = [
    sql.ref('id').as('id'),
    sql`cast(${plan.dateExpr} as text)`.as('period_key'),
  ];
  if (plan.groupExpr) columns.push(plan.groupExpr.as('group_key'));
  if (plan.measureExpr) columns.push(plan.measureExpr.as('measure'));
  if (plan.numeratorExpr)
    columns.push(sql`coalesce(${plan.numeratorExpr}, false)`.as('in_numerator'));
  columns.push(...plan.source.rowColumns.map((c) => sql.ref(c).as(c)));
  return builder
    .selectFrom(sourceFrom(plan.source, p))
    .where(conjunction(where))
    .select(columns)
    .orderBy(plan.dateExpr)
    .orderBy(sql.ref('id'))
    .limit(p.limit + 1)
    .compile();
}

/** Both queries of a metric, for callers that need the value and its first drill-down page. */
export function compileMetric(
  m: MetricDeclaration,
  params: DrillDownParams,
  registry: SourceRegistry,
): { value: CompiledQuery; drillDown: CompiledQuery } {
  const { cursor: _cursor, limit: _limit, ...evaluation } = params;
  return {
    value: compileMetricValue(m, evaluation, registry),
    drillDown: compileMetricDrillDown(m, params, registry),
  };
}
