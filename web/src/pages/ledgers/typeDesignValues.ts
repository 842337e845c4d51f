/**
 * The ledger type form's values: the stored type ⇄ the form (fields as drafts, sort and rules as
 * inputs), and the body a save sends.
 */
import type { FieldDraft, LedgerType, LedgerTypeBody } from '../../api/ledgers.ts';
import { fromRuleValues, toRuleValues, type RuleValue } from './ruleValues.ts';

export interface TypeValues {
  code: string;
  name: string;
  portfolio: LedgerType['portfolio'];
  description?: string;
  fields: FieldDraft[];
  dateField: string;
  unitField?: string;
  personField?: string;
  sortField: string;
  sortDirection: 'asc' | 'desc';
  rules: RuleValue[];
}

/** A new type starts with a title and a date (every record needs a date). */
export const BLANK_TYPE: Partial<TypeValues> = {
  fields: [
    { key: 'title', label: '标题', type: 'text', required: true },
    { key: 'happened_on', label: '日期', type: 'date', required: true },
  ],
  dateField: 'happened_on',
  sortField: 'happened_on',
  sortDirection: 'desc',
  rules: [],
};

export function toTypeValues(t: LedgerType): TypeValues {
  return {
    code: t.code,
    name: t.name,
    portfolio: t.portfolio,
    description: t.description,
    fields: t.fields.filter((f) => !f.removed),
    dateField: t.dateField,
    unitField: t.unitField,
    personField: t.personField,
    sortField: t.defaultSort.field,
    sortDirection: t.defaultSort.direction,
    rules: toRuleValues(t.rules),
  };
}

/** A field as saved: no settings of other types, no empty ones; 必填/不可重复 always set. */
export function cleanField(f: FieldDraft): FieldDraft {
  const out = Object.fromEntries(
    Object.entries(f).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  ) as FieldDraft;
  if (f.type !== 'enum') delete out.options;
  if (f.type !== 'number') {
    delete out.unit;
    delete out.integer;
  }
  if (f.type !== 'attachment') delete out.maxCount;
  if (f.type !== 'text' && f.type !== 'long_text') {
    delete out.maxLength;
    delete out.minLength;
  }
  return { ...out, required: !!f.required, unique: !!f.unique };
}

/**
 * What the form sends: trimmed texts, cleaned fields, empty roles left out, the rules as the
 * definition stores them; declared metrics pass through unchanged.
 */
export function typeBody(v: TypeValues, type: LedgerType | undefined): LedgerTypeBody {
  return {
    name: v.name.trim(),
    portfolio: v.portfolio,
    description: v.description?.trim() ?? '',
    fields: v.fields.map(cleanField),
    dateField: v.dateField,
    unitField: v.unitField || undefined,
    personField: v.personField || undefined,
    defaultSort: { field: v.sortField, direction: v.sortDirection },
    metrics: type?.metrics ?? [],
    rules: fromRuleValues(v.rules),
  };
}
