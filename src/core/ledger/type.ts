/**
 * Ledger type model (台账类型): the zod schema of a typed record book — its fields, the field
 * giving each record's date and unit, and the metrics it offers. Types are data, validated at
 * load; record.ts validates records against them and evolve.ts governs their versions.
 */
import { z } from 'zod';
import {
  checkMetricFields,
  fieldKeySchema,
  metricDeclarationSchema,
  type FieldInfo,
} from '../metrics/declaration.ts';
import { deedProblems, ledgerDeedSchema } from './deed.ts';
import { ledgerRuleSchema, ruleIssues } from './rules.ts';

/** 分管领域 — the portfolio catalogue's stable codes (DESIGN 4). */
export const portfolioCodes = [
  'propaganda',
  'organization',
  'politics_law',
  'civil_affairs',
  'armed_forces',
  'transport',
  'discipline',
  'village_assistance',
  'economy',
  'safety',
  'environment',
  'petitions',
  'agriculture',
  'urban_construction',
  'education_health',
  'social_security',
] as const;
export const portfolioCodeSchema = z.enum(portfolioCodes);
export type PortfolioCode = z.infer<typeof portfolioCodeSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

const fieldBase = {
  key: fieldKeySchema,
  label: z.string().min(1).max(30),
  required: z.boolean().default(false),
  /** Unique within one town and ledger type; the database layer enforces it. */
  unique: z.boolean().default(false),
  help: z.string().max(200).optional(),
  /** Set when a later version dropped the field: old values stay readable, no new input. */
  removed: z.boolean().optional(),
};
const textLimits = {
  minLength: z.number().int().min(0).optional(),
  maxLength: z.number().int().min(1).optional(),
};
const numberLimits = { min: z.number().finite().optional(), max: z.number().finite().optional() };

export const enumOptionSchema = z.object({
  code: fieldKeySchema,
  label: z.string().min(1).max(30),
});

/** One column of a ledger (台账字段). */
export const ledgerFieldSchema = z.discriminatedUnion('type', [
  z.object({ ...fieldBase, type: z.literal('text'), ...textLimits }),
  z.object({ ...fieldBase, type: z.literal('long_text'), ...textLimits }),
  z.object({
    ...fieldBase,
    type: z.literal('number'),
    unit: z.string().max(10).optional(),
    integer: z.boolean().default(false),
    ...numberLimits,
  }),
  /** Money in yuan with at most 2 decimals. */
  z.object({ ...fieldBase, type: z.literal('money'), ...numberLimits }),
  z.object({
    ...fieldBase,
    type: z.literal('date'),
    min: isoDate.optional(),
    max: isoDate.optional(),
  }),
  z.object({ ...fieldBase, type: z.literal('enum'), options: z.array(enumOptionSchema).min(1) }),
  z.object({ ...fieldBase, type: z.literal('boolean') }),
  /** A person id (UUID) from the organisation. */
  z.object({ ...fieldBase, type: z.literal('person') }),
  /** A unit or village id (UUID) from the organisation tree. */
  z.object({ ...fieldBase, type: z.literal('unit') }),
  /** A list of attachment ids (UUID). */
  z.object({
    ...fieldBase,
    type: z.literal('attachment'),
    maxCount: z.number().int().min(1).optional(),
  }),
]);
export type LedgerField = z.infer<typeof ledgerFieldSchema>;
export type LedgerFieldType = LedgerField['type'];

/** What a field holds for filtering and aggregation (metrics/declaration.ts). */
export function fieldInfo(field: LedgerField): FieldInfo {
  switch (field.type) {
    case 'number':
      return { valueType: 'number' };
    case 'money':
      return { valueType: 'money' };
    case 'date':
      return { valueType: 'date' };
    case 'boolean':
      return { valueType: 'boolean' };
    case 'attachment':
      return { valueType: 'list' };
    case 'enum':
      return { valueType: 'text', codes: field.options.map((o) => o.code) };
    default:
      return { valueType: 'text' };
  }
}

const ledgerTypeObject = z.object({
  code: fieldKeySchema,
  name: z.string().min(1).max(40),
  portfolio: portfolioCodeSchema,
  description: z.string().max(500),
  version: z.number().int().min(1),
  fields: z.array(ledgerFieldSchema).min(1),
  defaultSort: z.object({ field: fieldKeySchema, direction: z.enum(['asc', 'desc']) }),
  /** Date field placing a record in a period (stored as the record's `occurred_on`). */
  dateField: fieldKeySchema,
  /** Unit/village field scoping a record (stored as the record's `unit_id`). */
  unitField: fieldKeySchema.optional(),
  /** Person field naming the record's owner (stored as the record's `person_id`). */
  personField: fieldKeySchema.optional(),
  metrics: z.array(metricDeclarationSchema).default([]),
  /** Rules over several fields (rules.ts): composite uniqueness, minimum gaps between dates. */
  rules: z.array(ledgerRuleSchema).default([]),
  /** How one record reads as work done in a duty report, and what makes it significant. */
  deed: ledgerDeedSchema.optional(),
});

type Ctx = z.core.$RefinementCtx<z.infer<typeof ledgerTypeObject>>;

function refineRoles(t: z.infer<typeof ledgerTypeObject>, ctx: Ctx): void {
  const byKey = new Map(t.fields.map((f) => [f.key, f]));
  const role = (key: string | undefined, type: LedgerFieldType, path: string, what: string) => {
    if (key === undefined) return;
    const f = byKey.get(key);
    if (!f || f.type !== type || f.removed) {
      ctx.addIssue({
        code: 'custom',
        path: [path],
        message: `${what}“${key}”应为本台账中未停用的${type}字段`,
      });
    }
  };
  role(t.dateField, 'date', 'dateField', '日期字段');
  // Every record must land in a period, or it would vanish from every metric.
  if (byKey.get(t.dateField)?.required === false) {
    ctx.addIssue({
      code: 'custom',
      path: ['dateField'],
      message: `日期字段“${t.dateField}”应为必填`,
    });
  }
  role(t.unitField, 'unit', 'unitField', '单位字段');
  role(t.personField, 'person', 'personField', '责任人字段');
  if (!byKey.has(t.defaultSort.field)) {
    ctx.addIssue({
      code: 'custom',
      path: ['defaultSort', 'field'],
      message: `排序字段“${t.defaultSort.field}”不存在`,
    });
  }
}

function refineFields(t: z.infer<typeof ledgerTypeObject>, ctx: Ctx): void {
  const seen = new Set<string>();
  t.fields.forEach((f, i) => {
    if (seen.has(f.key))
      ctx.addIssue({
        code: 'custom',
        path: ['fields', i, 'key'],
        message: `字段标识“${f.key}”重复`,
      });
    seen.add(f.key);
    if (f.type === 'enum' && new Set(f.options.map((o) => o.code)).size !== f.options.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['fields', i, 'options'],
        message: `字段“${f.label}”的选项代码重复`,
      });
    }
    if (f.removed && f.required) {
      ctx.addIssue({
        code: 'custom',
        path: ['fields', i, 'required'],
        message: `已停用的字段“${f.label}”不能为必填`,
      });
    }
  });
}

function refineMetrics(t: z.infer<typeof ledgerTypeObject>, ctx: Ctx): void {
  const lookup = ledgerFieldLookup(t.fields);
  t.metrics.forEach((m, i) => {
    if (m.source.kind !== 'ledger' || m.source.typeCode !== t.code) {
      ctx.addIssue({
        code: 'custom',
        path: ['metrics', i, 'source'],
        message: `指标“${m.label}”的数据源应为本台账`,
      });
    }
    for (const issue of checkMetricFields(m, lookup)) {
      ctx.addIssue({
        code: 'custom',
        path: ['metrics', i, ...issue.path.split('.')],
        message: issue.message,
      });
    }
  });
}

function refineReport(t: z.infer<typeof ledgerTypeObject>, ctx: Ctx): void {
  const ids = new Set(t.metrics.filter((m) => !m.groupBy).map((m) => m.id));
  t.metrics.forEach((m, i) => {
    for (const id of [...(m.phrase?.parts ?? []), ...(m.phrase?.joins ?? [])])
      if (!ids.has(id) || id === m.id)
        ctx.addIssue({
          code: 'custom',
          path: ['metrics', i, 'phrase'],
          message: `指标“${m.label}”的表述引用了本台账中不存在的指标“${id}”`,
        });
  });
  if (t.deed)
    for (const message of deedProblems(t.deed, t))
      ctx.addIssue({ code: 'custom', path: ['deed'], message });
}

function refineRules(t: z.infer<typeof ledgerTypeObject>, ctx: Ctx): void {
  const fields = t.fields.map((f) => ({
    key: f.key,
    label: f.label,
    type: f.type,
    removed: f.removed,
    info: fieldInfo(f),
  }));
  t.rules.forEach((rule, i) => {
    for (const message of ruleIssues(rule, fields))
      ctx.addIssue({ code: 'custom', path: ['rules', i], message });
  });
}

/** 台账类型 — a typed record book: fields, rules, and the metrics it offers. */
export const ledgerTypeSchema = ledgerTypeObject.superRefine((t, ctx) => {
  refineFields(t, ctx);
  refineRoles(t, ctx);
  refineMetrics(t, ctx);
  refineRules(t, ctx);
  refineReport(t, ctx);
});
export type LedgerType = z.infer<typeof ledgerTypeSchema>;
export type LedgerTypeInput = z.input<typeof ledgerTypeSchema>;

/** Fields a metric may name: every field still in use (removed fields hold no new data). */
export function ledgerFieldLookup(
  fields: readonly LedgerField[],
): (key: string) => FieldInfo | undefined {
  const byKey = new Map(fields.filter((f) => !f.removed).map((f) => [f.key, f]));
  return (key) => {
    const f = byKey.get(key);
    return f ? fieldInfo(f) : undefined;
  };
}

export function findField(type: LedgerType, key: string): LedgerField | undefined {
  return type.fields.find((f) => f.key === key);
}
