/**
 * Record rules of a ledger type as the form builder edits them (composite unique, minimum gap
 * between two dates with an optional "only when field = option" condition), converted to and
 * from the definition's `rules`. Conditions the form cannot show are kept as they are.
 */

import type { FieldDraft, FieldFilter as Filter, LedgerRule } from '../../api/ledgers.ts';

export type { LedgerRule };

/** One rule as form values. */
export interface RuleValue {
  kind: 'unique' | 'date_gap';
  fields?: string[];
  from?: string;
  to?: string;
  years?: number | null;
  months?: number | null;
  days?: number | null;
  whenField?: string;
  whenValue?: string;
  /** A condition the form cannot edit (several filters, other operators), kept unchanged. */
  whenRaw?: Filter[];
  required?: boolean;
  message?: string;
}

export function toRuleValues(rules: LedgerRule[] | undefined): RuleValue[] {
  return (rules ?? []).map((r): RuleValue => {
    if (r.kind === 'unique') return { kind: 'unique', fields: r.fields, message: r.message };
    const when = r.when ?? [];
    const simple = when.length === 1 && when[0]!.op === 'eq' ? when[0]! : undefined;
    return {
      kind: 'date_gap',
      from: r.from,
      to: r.to,
      years: r.min.years ?? null,
      months: r.min.months ?? null,
      days: r.min.days ?? null,
      whenField: simple?.field,
      whenValue: simple ? String(simple.value) : undefined,
      whenRaw: when.length && !simple ? when : undefined,
      required: !!r.required,
      message: r.message,
    };
  });
}

const positive = (n: number | null | undefined) => (typeof n === 'number' && n > 0 ? n : undefined);
const text = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

export function fromRuleValues(values: RuleValue[] | undefined): LedgerRule[] {
  return (values ?? []).map((v): LedgerRule => {
    if (v.kind === 'unique')
      return {
        kind: 'unique',
        fields: v.fields ?? [],
        ...(text(v.message) ? { message: text(v.message) } : {}),
      };
    const min = Object.fromEntries(
      Object.entries({
        years: positive(v.years),
        months: positive(v.months),
        days: positive(v.days),
      }).filter(([, n]) => n !== undefined),
    );
    const when =
      v.whenRaw ??
      (v.whenField && v.whenValue ? [{ field: v.whenField, op: 'eq', value: v.whenValue }] : []);
    return {
      kind: 'date_gap',
      from: v.from ?? '',
      to: v.to ?? '',
      min,
      when,
      required: !!v.required,
      ...(text(v.message) ? { message: text(v.message) } : {}),
    };
  });
}

type Option = { value: string; label: string };

/** The fields a rule may name, by what it needs: unique over plain values, gaps between dates. */
export function ruleFieldOptions(
  fields: readonly FieldDraft[],
  whenField: string | undefined,
): { uniqueable: Option[]; dates: Option[]; enums: Option[]; choices: Option[] } {
  const named = fields.filter((f) => f?.key);
  const option = (f: FieldDraft) => ({ value: f.key, label: f.label || f.key });
  return {
    uniqueable: named.filter((f) => f.type !== 'attachment' && f.type !== 'long_text').map(option),
    dates: named.filter((f) => f.type === 'date').map(option),
    enums: named.filter((f) => f.type === 'enum').map(option),
    choices: (named.find((f) => f.key === whenField)?.options ?? []).map((o) => ({
      value: o.code,
      label: o.label,
    })),
  };
}
