/**
 * Transition fields: the typed inputs a transition asks for (reason, unit, date, rating …), declared
 * as data with Chinese labels, and the validation of a payload against them into `InvalidInput`
 * issues naming each field by label and path.
 */
import { z } from 'zod';
import { isDateKey } from '../calendar/local-time.ts';
import type { FieldIssue } from '../errors.ts';

export const FIELD_TYPES = [
  'string', // one line
  'text', // free text, several lines
  'enum',
  'date', // YYYY-MM-DD, local
  'datetime', // ISO 8601 with offset
  'unit_id',
  'unit_ids',
  'person_id',
  'person_ids',
  'string_list',
  'boolean',
  'number',
  'village_id', // a village (村/社区) of the town: a unit of kind village
  'money', // an amount in 元, at most two decimals
  'appeal_ref', // another order of the town, by tracking code (or id)
  'file', // files uploaded to the same order first (扫描件、照片): a list of their attachment ids
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/**
 * Who a person field may name, beyond "a person of the town" (the person registry also holds
 * party members and residents without a post). Checked by the server on the day of the step and
 * asked by the picker, which lists only those people. Positions are held on a day when it falls
 * within their date range (org's holdings rule).
 */
export const PERSON_RULES = [
  'leadership', // 班子成员: a position marked as leadership (position.leadership)
  'cadre', // 干部: any position in the town, villages included
  'local_cadre', // a position in the order's village or handling unit, or in a town office (not a village)
] as const;
export type PersonRule = (typeof PERSON_RULES)[number];
export const PERSON_RULE_LABELS: Record<PersonRule, string> = {
  leadership: '现任班子成员（领导职务）',
  cadre: '本乡镇现任干部',
  local_cadre: '本村（社区）、承办单位或乡镇机关的现任干部',
};

/** The rule as the API describes it (the person picker asks the server with it). */
export const PersonRuleSchema = z.enum(PERSON_RULES).meta({
  description:
    '人员字段可选的人：leadership 现任班子成员，cadre 本乡镇现任干部，local_cadre 本村（社区）、承办单位或乡镇机关的现任干部；人员选择器按此向服务器查询',
});

export const fieldSpecSchema = z
  .object({
    name: z.string().regex(/^[a-z][A-Za-z0-9]*$/, { message: '字段名须为小驼峰英文' }),
    label: z.string().min(1),
    type: z.enum(FIELD_TYPES),
    required: z.boolean().default(true),
    options: z.array(z.string().min(1)).min(1).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    who: PersonRuleSchema.optional(),
  })
  .refine((f) => (f.type === 'enum') === (f.options !== undefined), {
    message: '只有枚举字段（且必须）给出选项',
    path: ['options'],
  })
  .refine((f) => f.who === undefined || f.type === 'person_id' || f.type === 'person_ids', {
    message: '只有人员字段可以限定可选人员',
    path: ['who'],
  });
export type FieldSpec = z.infer<typeof fieldSpecSchema>;

const MAX_TEXT = 20_000;
const id = z.string().trim().min(1, '不能为空').max(64, '编号过长');
/** Files one step may cite; more belong in the order's 附件 list, not one field. */
export const MAX_FILES = 20;
const nonEmpty = (max: number) => z.string().trim().min(1, '不能为空').max(max, `不能超过${max}字`);

function valueSchema(spec: FieldSpec): z.ZodType {
  switch (spec.type) {
    case 'string':
      return nonEmpty(200);
    case 'text':
      return nonEmpty(MAX_TEXT);
    case 'enum':
      return z.enum(spec.options as [string, ...string[]], {
        message: `应为以下之一：${spec.options?.join('、')}`,
      });
    case 'date':
      return z.string().refine(isDateKey, '日期格式应为 YYYY-MM-DD');
    case 'datetime':
      return z.iso.datetime({ offset: true, message: '时间格式应为 ISO 8601（含时区）' });
    case 'unit_id':
    case 'person_id':
    case 'village_id':
    case 'appeal_ref':
      return id;
    case 'unit_ids':
    case 'person_ids':
      return z.array(id).min(1, '至少选择一项');
    case 'string_list':
      return z.array(nonEmpty(200)).min(1, '至少填写一项');
    case 'file':
      return z
        .array(z.uuid({ message: '应为本工单已上传附件的编号' }))
        .min(1, '至少上传一个文件')
        .max(MAX_FILES, `最多${MAX_FILES}个文件`)
        .transform((ids) => [...new Set(ids)]);
    case 'boolean':
      return z.boolean({ message: '应为是或否' });
    case 'number': {
      let n = z.number({ message: '应为数字' });
      if (spec.min !== undefined) n = n.min(spec.min, `不能小于${spec.min}`);
      if (spec.max !== undefined) n = n.max(spec.max, `不能大于${spec.max}`);
      return n;
    }
    case 'money':
      return z
        .number({ message: '应为金额（元）' })
        .min(0, '不能为负数')
        .max(1e10, '金额过大')
        .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, '最多保留两位小数（元）');
  }
}

export interface PayloadCheck {
  values: Record<string, unknown>;
  issues: FieldIssue[];
}

/** Keeps only declared fields; reports each missing or invalid one. Undeclared keys are dropped. */
export function validatePayload(
  specs: readonly FieldSpec[],
  payload: Record<string, unknown>,
): PayloadCheck {
  const values: Record<string, unknown> = {};
  const issues: FieldIssue[] = [];
  for (const spec of specs) {
    const path = `payload.${spec.name}`;
    const raw = payload[spec.name];
    const missing =
      raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
    if (missing) {
      if (spec.required) issues.push({ path, label: spec.label, message: `请填写${spec.label}` });
      continue;
    }
    const parsed = valueSchema(spec).safeParse(raw);
    if (parsed.success) values[spec.name] = parsed.data;
    else
      issues.push({
        path,
        label: spec.label,
        message: `${spec.label}${parsed.error.issues[0]?.message ?? '有误'}`,
      });
  }
  return { values, issues };
}
