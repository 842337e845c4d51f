/**
 * Record rules of a ledger type (台账规则) beyond single fields, as data: composite uniqueness
 * (e.g. one star rating per branch and year) and the minimum gap between two dates (e.g. a year
 * of 积极分子 training before 发展对象, age 18 at application). The type schema checks a rule
 * against the type's fields; record validation applies date gaps; the database layer claims
 * composite unique keys beside single-field ones (ledger_unique).
 */
import dayjs from 'dayjs';
import { z } from 'zod';
import {
  checkMetricFields,
  fieldKeySchema,
  metricFilterSchema,
  type FieldInfo,
  type MetricFilter,
} from '../metrics/declaration.ts';
import type { FieldIssue } from '../errors.ts';

/** A waiting period: whole years, months and days (at least one of them). */
export const durationSchema = z
  .object({
    years: z.number().int().min(0).max(100).optional(),
    months: z.number().int().min(0).max(1200).optional(),
    days: z.number().int().min(0).max(36500).optional(),
  })
  .refine((d) => (d.years ?? 0) + (d.months ?? 0) + (d.days ?? 0) > 0, '间隔至少为 1 天');
export type Duration = z.infer<typeof durationSchema>;

/** No two live records of the type share all these values (records missing any are not held). */
export const uniqueRuleSchema = z.object({
  kind: z.literal('unique'),
  fields: z.array(fieldKeySchema).min(2, '组合唯一规则至少包含两个字段').max(5),
  message: z.string().max(100).optional(),
});

/**
 * `to` is at least `min` after `from`, for records matching `when` (metric-style filters, e.g.
 * stage = candidate). With `required`, a record the rule applies to must give both dates.
 */
export const dateGapRuleSchema = z.object({
  kind: z.literal('date_gap'),
  from: fieldKeySchema,
  to: fieldKeySchema,
  min: durationSchema,
  when: z.array(metricFilterSchema).default([]),
  required: z.boolean().default(false),
  message: z.string().max(100).optional(),
});

export const ledgerRuleSchema = z.discriminatedUnion('kind', [uniqueRuleSchema, dateGapRuleSchema]);
export type LedgerRule = z.infer<typeof ledgerRuleSchema>;
export type UniqueRule = z.infer<typeof uniqueRuleSchema>;
export type DateGapRule = z.infer<typeof dateGapRuleSchema>;

/** What the rule checks need of a field. */
export interface RuleField {
  key: string;
  label: string;
  type: string;
  removed?: boolean;
  info: FieldInfo;
}

/** Problems of one rule against the type's fields (unknown, removed or unsuitable fields). */
export function ruleIssues(rule: LedgerRule, fields: readonly RuleField[]): string[] {
  const live = new Map(fields.filter((f) => !f.removed).map((f) => [f.key, f]));
  const problems: string[] = [];
  const need = (key: string) => {
    const f = live.get(key);
    if (!f) problems.push(`规则引用了不存在或已停用的字段“${key}”`);
    return f;
  };
  if (rule.kind === 'unique') {
    if (new Set(rule.fields).size !== rule.fields.length) problems.push('组合唯一规则中的字段重复');
    for (const key of rule.fields) {
      const f = need(key);
      if (f && (f.type === 'attachment' || f.type === 'long_text'))
        problems.push(`字段“${f.label}”不能用于唯一规则`);
    }
    return problems;
  }
  for (const key of [rule.from, rule.to]) {
    const f = need(key);
    if (f && f.type !== 'date') problems.push(`日期间隔规则的字段“${f.label}”应为日期字段`);
  }
  if (rule.from === rule.to) problems.push('日期间隔规则的起止字段不能相同');
  const lookup = (key: string) => live.get(key)?.info;
  const probe = {
    id: 'rule.when',
    label: '适用条件',
    unit: '条' as const,
    source: { kind: 'ledger' as const, typeCode: 'x' },
    aggregation: { fn: 'count' as const },
    filters: rule.when,
  };
  problems.push(...checkMetricFields(probe, lookup).map((i: FieldIssue) => i.message));
  return problems;
}

/** Key of a composite unique claim: the rule's fields joined by "+" ("+" never occurs in a key). */
export const uniqueRuleKey = (rule: UniqueRule) => rule.fields.join('+');

/** Claimed value of a composite key; chr(31) cannot occur in normalised values. */
export const UNIQUE_SEPARATOR = '\u001f';

export function addDuration(isoDate: string, d: Duration): string {
  return dayjs(isoDate)
    .add(d.years ?? 0, 'year')
    .add(d.months ?? 0, 'month')
    .add(d.days ?? 0, 'day')
    .format('YYYY-MM-DD');
}

export function durationText(d: Duration): string {
  const parts = [
    d.years ? `${d.years} 年` : '',
    d.months ? `${d.months} 个月` : '',
    d.days ? `${d.days} 天` : '',
  ].filter(Boolean);
  return parts.join(' ');
}

/** Whether a normalised record matches one metric-style filter (as SQL would decide it). */
export function matchesFilter(data: Record<string, unknown>, f: MetricFilter): boolean {
  const v = data[f.field];
  const present = v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);
  switch (f.op) {
    case 'is_null':
      return !present;
    case 'not_null':
      return present;
    case 'eq':
      return present && String(v) === String(f.value);
    case 'in':
      return present && f.value.some((x) => String(x) === String(v));
    case 'gte':
      return present && (v as number | string) >= f.value;
    case 'lte':
      return present && (v as number | string) <= f.value;
    case 'between':
      return (
        present && (v as number | string) >= f.value[0] && (v as number | string) <= f.value[1]
      );
  }
}

/** Issues of a record's dates against the type's date gap rules (keyed by the field to fix). */
export function dateGapIssues(
  rules: readonly LedgerRule[],
  labels: ReadonlyMap<string, string>,
  data: Record<string, unknown>,
): { key: string; message: string }[] {
  const out: { key: string; message: string }[] = [];
  for (const rule of rules) {
    if (rule.kind !== 'date_gap' || !rule.when.every((f) => matchesFilter(data, f))) continue;
    const from = typeof data[rule.from] === 'string' ? (data[rule.from] as string) : undefined;
    const to = typeof data[rule.to] === 'string' ? (data[rule.to] as string) : undefined;
    const fromLabel = labels.get(rule.from) ?? rule.from;
    const toLabel = labels.get(rule.to) ?? rule.to;
    const why = rule.message ? `${rule.message}：` : '';
    if (!from || !to) {
      if (rule.required) {
        const missing = !from ? rule.from : rule.to;
        out.push({ key: missing, message: `${why}请填写${labels.get(missing) ?? missing}` });
      }
      continue;
    }
    const earliest = addDuration(from, rule.min);
    if (to < earliest) {
      out.push({
        key: rule.to,
        message: `${why}${toLabel}应在${fromLabel}（${from}）满 ${durationText(rule.min)}之后，最早为 ${earliest}，现为 ${to}`,
      });
    }
  }
  return out;
}
