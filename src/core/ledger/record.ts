/**
 * Record validation: builds, from a ledger type, the zod validator of a record's `data` object
 * (with Excel-friendly coercion), turns its failures into InvalidInput with Chinese per-field
 * messages, and derives what the database layer needs: date/unit/person columns and unique keys.
 */
import { z } from 'zod';
import { InvalidInput, type FieldIssue } from '../errors.ts';
import {
  coerceBoolean,
  coerceDate,
  coerceMoney,
  coerceNumber,
  coerceText,
  coerceUuid,
  isBlank,
  type Coerced,
} from './coerce.ts';
import { dateGapIssues, UNIQUE_SEPARATOR, uniqueRuleKey } from './rules.ts';
import type { LedgerField, LedgerType } from './type.ts';

/** Field values of one record, keyed by field key, normalised (numbers, ISO dates, codes). */
export type RecordData = Record<string, unknown>;

/**
 * `write`: a new or edited record — required fields, limits and unknown keys are enforced.
 * `read`: a stored record, possibly written under an older version — only types are checked,
 * so new required fields or tightened limits never make history unreadable.
 */
export type RecordMode = 'write' | 'read';

type Check<T> = (value: T) => string | null;
const okValue = <T>(value: T): Coerced<T> => ({ ok: true, value });

function withCheck<T>(r: Coerced<T>, check: Check<T> | null): Coerced<unknown> {
  if (!r.ok || !check) return r;
  const problem = check(r.value);
  return problem ? { ok: false, message: problem } : r;
}

function rangeCheck(min: number | undefined, max: number | undefined): Check<number> {
  return (n) => {
    if (min !== undefined && n < min) return `不能小于 ${min}`;
    if (max !== undefined && n > max) return `不能大于 ${max}`;
    return null;
  };
}

function coerceEnum(field: Extract<LedgerField, { type: 'enum' }>, v: unknown): Coerced<string> {
  const s = typeof v === 'string' ? v.trim() : String(v);
  const option = field.options.find((o) => o.code === s || o.label === s);
  if (option) return okValue(option.code);
  return { ok: false, message: `应为以下之一：${field.options.map((o) => o.label).join('、')}` };
}

function coerceAttachments(
  field: Extract<LedgerField, { type: 'attachment' }>,
  v: unknown,
): Coerced<string[]> {
  const items = Array.isArray(v)
    ? v
    : typeof v === 'string'
      ? v.split(/[,，;；\s]+/).filter(Boolean)
      : [v];
  const ids: string[] = [];
  for (const item of items) {
    const r = coerceUuid(item, '附件编号');
    if (!r.ok) return r;
    ids.push(r.value);
  }
  if (field.maxCount !== undefined && ids.length > field.maxCount) {
    return { ok: false, message: `最多上传 ${field.maxCount} 个附件` };
  }
  return okValue(ids);
}

function lengthCheck(field: { minLength?: number; maxLength?: number }): Check<string> {
  return (s) => {
    const n = [...s].length;
    if (field.minLength !== undefined && n < field.minLength) return `至少 ${field.minLength} 个字`;
    if (field.maxLength !== undefined && n > field.maxLength)
      return `不能超过 ${field.maxLength} 个字`;
    return null;
  };
}

/** Coerces one non-blank cell to the field's stored form; limits apply only when writing. */
export function coerceFieldValue(
  field: LedgerField,
  raw: unknown,
  mode: RecordMode = 'write',
): Coerced<unknown> {
  const strict = mode === 'write';
  switch (field.type) {
    case 'text':
    case 'long_text':
      return withCheck(coerceText(raw), strict ? lengthCheck(field) : null);
    case 'number': {
      const r = coerceNumber(raw, field.unit ? [field.unit] : []);
      const integer: Check<number> = (n) =>
        field.integer && !Number.isInteger(n) ? '应为整数' : null;
      const range = rangeCheck(field.min, field.max);
      return withCheck(r, strict ? (n) => integer(n) ?? range(n) : integer);
    }
    case 'money':
      return withCheck(coerceMoney(raw), strict ? rangeCheck(field.min, field.max) : null);
    case 'date': {
      const check: Check<string> = (d) =>
        field.min && d < field.min
          ? `不能早于 ${field.min}`
          : field.max && d > field.max
            ? `不能晚于 ${field.max}`
            : null;
      return withCheck(coerceDate(raw), strict ? check : null);
    }
    case 'enum':
      return coerceEnum(field, raw);
    case 'boolean':
      return coerceBoolean(raw);
    case 'person':
      return coerceUuid(raw, '人员编号');
    case 'unit':
      return coerceUuid(raw, '单位编号');
    case 'attachment':
      return coerceAttachments(field, raw);
  }
}

function isEmptyValue(field: LedgerField, raw: unknown): boolean {
  return isBlank(raw) || (field.type === 'attachment' && Array.isArray(raw) && raw.length === 0);
}

function fieldSchema(field: LedgerField, mode: RecordMode) {
  return z.unknown().transform((raw, ctx) => {
    if (isEmptyValue(field, raw)) {
      if (mode === 'write' && field.required && !field.removed) {
        ctx.addIssue({ code: 'custom', message: `请填写${field.label}` });
        return z.NEVER;
      }
      return undefined;
    }
    const r = coerceFieldValue(field, raw, mode);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: `${field.label}${r.message}` });
      return z.NEVER;
    }
    return r.value;
  });
}

/**
 * The zod validator of a record's `data` under `type`. Removed fields stay accepted (an edit
 * of an old record keeps its history) but are never required. Blank values are dropped.
 */
export function recordDataSchema(type: LedgerType, mode: RecordMode = 'write') {
  const shape = Object.fromEntries(type.fields.map((f) => [f.key, fieldSchema(f, mode)]));
  const object = mode === 'write' ? z.strictObject(shape) : z.looseObject(shape);
  const fillMissing = (input: unknown) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
    const filled: Record<string, unknown> = { ...input };
    for (const f of type.fields) if (!(f.key in filled)) filled[f.key] = null;
    return filled;
  };
  const labels = new Map(type.fields.map((f) => [f.key, f.label]));
  const rules = mode === 'write' ? type.rules : [];
  return z
    .preprocess(fillMissing, object)
    .transform((data): RecordData => {
      const out: RecordData = {};
      for (const [k, v] of Object.entries(data)) if (v !== undefined) out[k] = v;
      return out;
    })
    .superRefine((data, ctx) => {
      // Rules over several fields (waiting periods between dates) once every field is valid.
      for (const issue of dateGapIssues(rules, labels, data))
        ctx.addIssue({ code: 'custom', path: [issue.key], message: issue.message });
    });
}

/** Maps zod issues to field issues with the field's Chinese label. */
export function recordIssues(type: LedgerType, error: z.ZodError): FieldIssue[] {
  const labels = new Map(type.fields.map((f) => [f.key, f.label]));
  return error.issues.flatMap((issue): FieldIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({
        path: `data.${k}`,
        label: k,
        message: `“${type.name}”没有字段“${k}”`,
      }));
    }
    const key = String(issue.path[0] ?? '');
    if (!key) return [{ path: 'data', label: '记录内容', message: '记录内容应为对象' }];
    return [{ path: `data.${key}`, label: labels.get(key) ?? key, message: issue.message }];
  });
}

/** Validates and normalises a record's data, or throws InvalidInput listing every bad field. */
export function validateRecordData(
  type: LedgerType,
  input: unknown,
  mode: RecordMode = 'write',
): RecordData {
  const result = recordDataSchema(type, mode).safeParse(input);
  if (result.success) return result.data;
  const errors = recordIssues(type, result.error);
  throw new InvalidInput(`“${type.name}”记录有 ${errors.length} 处需要修改`, errors);
}

/** Reads a stored record under the current version of its type (lenient; see RecordMode). */
export function readRecordData(type: LedgerType, stored: unknown): RecordData {
  return validateRecordData(type, stored, 'read');
}

/** Columns the database keeps beside `data` so periods and scopes are indexed. */
export interface RecordColumns {
  occurredOn: string | null;
  unitId: string | null;
  personId: string | null;
}

export function recordColumns(type: LedgerType, data: RecordData): RecordColumns {
  const pick = (key: string | undefined) =>
    key && typeof data[key] === 'string' ? (data[key] as string) : null;
  return {
    occurredOn: pick(type.dateField),
    unitId: pick(type.unitField),
    personId: pick(type.personField),
  };
}

/**
 * A value the database layer must find unused within the town and ledger type: one field's
 * value (`key` = field key), or a composite rule's values joined (`key` = "branch+year").
 */
export interface UniqueKey {
  key: string;
  label: string;
  value: string;
  /** The fields it covers, in rule order. */
  fields: string[];
}

export function uniqueKeys(type: LedgerType, data: RecordData): UniqueKey[] {
  const label = (key: string) => type.fields.find((f) => f.key === key)?.label ?? key;
  const single = type.fields
    .filter((f) => f.unique && !f.removed && data[f.key] !== undefined)
    .map((f) => ({ key: f.key, label: f.label, value: String(data[f.key]), fields: [f.key] }));
  // A tuple with an empty member holds nothing (as NULLs in a SQL unique constraint).
  const composite = type.rules.flatMap((r) =>
    r.kind === 'unique' && r.fields.every((k) => data[k] !== undefined && data[k] !== null)
      ? [
          {
            key: uniqueRuleKey(r),
            label: r.fields.map(label).join('、'),
            value: r.fields.map((k) => String(data[k])).join(UNIQUE_SEPARATOR),
            fields: r.fields,
          },
        ]
      : [],
  );
  return [...single, ...composite];
}
