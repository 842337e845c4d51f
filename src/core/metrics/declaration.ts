/**
 * Metric declarations (指标): the zod schema of a declared aggregation over ledger records or
 * appeals, and the checks that tie a declaration to the fields of its source. Declarations are
 * data; compile.ts turns one into SQL.
 */
import { z } from 'zod';
import type { FieldIssue } from '../errors.ts';
import { metricPhraseSchema, phraseUnitProblem } from './phrase.ts';

/** Stable snake_case key of a field (also used for sources' built-in fields). */
export const fieldKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, '字段标识只能由小写字母、数字和下划线组成，并以字母开头');

export const metricUnits = ['条', '次', '人', '件', '户', '万元', '元', '%', '个', '小时'] as const;
export const metricUnitSchema = z.enum(metricUnits);
export type MetricUnit = z.infer<typeof metricUnitSchema>;

const scalar = z.union([z.string().min(1), z.number().finite(), z.boolean()]);
const orderable = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.number().finite()]);

/** One predicate over a field of the source. */
export const metricFilterSchema = z.discriminatedUnion('op', [
  z.object({ field: fieldKeySchema, op: z.literal('eq'), value: scalar }),
  z.object({ field: fieldKeySchema, op: z.literal('in'), value: z.array(scalar).min(1) }),
  z.object({ field: fieldKeySchema, op: z.literal('gte'), value: orderable }),
  z.object({ field: fieldKeySchema, op: z.literal('lte'), value: orderable }),
  z.object({
    field: fieldKeySchema,
    op: z.literal('between'),
    value: z.tuple([orderable, orderable]),
  }),
  z.object({ field: fieldKeySchema, op: z.literal('is_null') }),
  z.object({ field: fieldKeySchema, op: z.literal('not_null') }),
]);
export type MetricFilter = z.infer<typeof metricFilterSchema>;

export const metricSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ledger'), typeCode: fieldKeySchema }),
  z.object({ kind: z.literal('appeals') }),
]);
export type MetricSource = z.infer<typeof metricSourceSchema>;

/**
 * How records become one number. A rate counts the rows matching `numerator` among the rows
 * matching `denominator` (so the numerator is always a subset and a rate never exceeds 100%).
 */
export const aggregationSchema = z.discriminatedUnion('fn', [
  z.object({ fn: z.literal('count') }),
  z.object({ fn: z.literal('sum'), field: fieldKeySchema }),
  z.object({ fn: z.literal('count_distinct'), field: fieldKeySchema }),
  z.object({
    fn: z.literal('rate'),
    numerator: z.array(metricFilterSchema).min(1),
    denominator: z.array(metricFilterSchema).default([]),
    percent: z.boolean().default(true),
  }),
]);
export type Aggregation = z.infer<typeof aggregationSchema>;

/** 指标 — one declared aggregation with a stable id, cited by reports and dashboards. */
export const metricDeclarationSchema = z
  .object({
    id: z
      .string()
      .regex(
        /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/,
        '指标标识应为以点分隔的小写标识，如 ledger.x.count',
      ),
    label: z.string().min(1).max(60),
    unit: metricUnitSchema,
    description: z.string().max(300).optional(),
    source: metricSourceSchema,
    aggregation: aggregationSchema,
    filters: z.array(metricFilterSchema).default([]),
    groupBy: fieldKeySchema.optional(),
    /** Date field deciding which period a record counts in; defaults to the source's date. */
    periodField: fieldKeySchema.optional(),
    /**
     * A stock on the period's last day (年末预备党员人数) instead of a count of the period's rows:
     * the rows whose date (or `periodField`) is on or before that day and whose `inForceUntil`
     * date is empty or after it — a stay from the day it began until the day it ended.
     */
    inForceUntil: fieldKeySchema.optional(),
    /** How a report says the figure (phrase.ts); derived from the label when absent. */
    phrase: metricPhraseSchema.optional(),
  })
  .superRefine((m, ctx) => {
    const unitProblem = m.phrase ? phraseUnitProblem(m.unit, m.phrase) : null;
    if (unitProblem)
      ctx.addIssue({ code: 'custom', path: ['phrase', 'measure'], message: unitProblem });
    const isPercentRate = m.aggregation.fn === 'rate' && m.aggregation.percent;
    if (isPercentRate !== (m.unit === '%')) {
      ctx.addIssue({
        code: 'custom',
        path: ['unit'],
        message: '百分比指标的单位应为“%”，且仅比率指标可用“%”',
      });
    }
  });
export type MetricDeclaration = z.infer<typeof metricDeclarationSchema>;
export type MetricDeclarationInput = z.input<typeof metricDeclarationSchema>;

/** What a field holds, as far as filtering and aggregating are concerned. */
export type FieldValueType =
  'text' | 'number' | 'money' | 'date' | 'timestamp' | 'boolean' | 'list';

export interface FieldInfo {
  valueType: FieldValueType;
  /** Allowed codes when the field is an enumeration. */
  codes?: readonly string[];
}

export type FieldLookup = (key: string) => FieldInfo | undefined;

const orderedTypes: FieldValueType[] = ['number', 'money', 'date', 'timestamp'];

function filterIssues(f: MetricFilter, info: FieldInfo, path: string): string[] {
  const problems: string[] = [];
  if (info.valueType === 'list' && f.op !== 'is_null' && f.op !== 'not_null') {
    problems.push(`${path}：附件类字段只能判断是否为空`);
  }
  if (
    (f.op === 'gte' || f.op === 'lte' || f.op === 'between') &&
    !orderedTypes.includes(info.valueType)
  ) {
    problems.push(`${path}：字段“${f.field}”不是数值或日期，不能比较大小`);
  }
  const values = 'value' in f ? (Array.isArray(f.value) ? f.value : [f.value]) : [];
  for (const v of values) {
    const isNum = typeof v === 'number';
    if ((info.valueType === 'number' || info.valueType === 'money') && !isNum) {
      problems.push(`${path}：字段“${f.field}”的比较值应为数字`);
    } else if (
      (info.valueType === 'date' || info.valueType === 'timestamp') &&
      !/^\d{4}-\d{2}-\d{2}$/.test(String(v))
    ) {
      problems.push(`${path}：字段“${f.field}”的比较值应为 YYYY-MM-DD 日期`);
    } else if (info.valueType === 'boolean' && typeof v !== 'boolean') {
      problems.push(`${path}：字段“${f.field}”的比较值应为 true 或 false`);
    } else if (info.codes && !info.codes.includes(String(v))) {
      problems.push(`${path}：“${String(v)}”不是字段“${f.field}”的选项代码`);
    }
  }
  return problems;
}

/**
 * Checks every field a declaration names against its source's fields, so a metric over an
 * unknown or unsuitable field is rejected when the catalogue loads, not when a report runs.
 */
export function checkMetricFields(m: MetricDeclaration, lookup: FieldLookup): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, label: m.label, message });
  const need = (key: string, path: string): FieldInfo | undefined => {
    const info = lookup(key);
    if (!info) add(path, `指标“${m.label}”引用了不存在的字段“${key}”`);
    return info;
  };
  const checkFilters = (filters: MetricFilter[], base: string) =>
    filters.forEach((f, i) => {
      const info = need(f.field, `${base}.${i}.field`);
      if (info) filterIssues(f, info, `${base}.${i}`).forEach((msg) => add(`${base}.${i}`, msg));
    });

  checkFilters(m.filters, 'filters');
  const agg = m.aggregation;
  if (agg.fn === 'sum') {
    const info = need(agg.field, 'aggregation.field');
    if (info && info.valueType !== 'number' && info.valueType !== 'money') {
      add('aggregation.field', `求和字段“${agg.field}”应为数值或金额`);
    }
    if (info && m.unit === '万元' && info.valueType !== 'money') {
      add('unit', '以“万元”为单位的指标应对金额字段求和');
    }
  } else if (agg.fn === 'count_distinct') {
    const info = need(agg.field, 'aggregation.field');
    if (info?.valueType === 'list') add('aggregation.field', '附件字段不能去重计数');
  } else if (agg.fn === 'rate') {
    checkFilters(agg.numerator, 'aggregation.numerator');
    checkFilters(agg.denominator, 'aggregation.denominator');
  }
  if (m.groupBy) {
    const info = need(m.groupBy, 'groupBy');
    if (info?.valueType === 'list') add('groupBy', '附件字段不能用于分组');
  }
  if (m.periodField) {
    const info = need(m.periodField, 'periodField');
    if (info && info.valueType !== 'date' && info.valueType !== 'timestamp') {
      add('periodField', `统计期字段“${m.periodField}”应为日期`);
    }
  }
  if (m.inForceUntil) {
    const info = need(m.inForceUntil, 'inForceUntil');
    if (info && info.valueType !== 'date')
      add('inForceUntil', `截止字段“${m.inForceUntil}”应为日期`);
  }
  return issues;
}
