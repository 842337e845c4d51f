/**
 * Small builders that keep catalogue entries short and readable: field constructors and a
 * metric maker bound to one ledger type (ids `ledger.<type>.<slug>`). The catalogue files hold
 * only data; validation happens once, in catalogue/index.ts.
 */
import type {
  MetricDeclarationInput,
  MetricFilter,
  MetricUnit,
} from '../../metrics/declaration.ts';
import type { MetricPhraseInput } from '../../metrics/phrase.ts';
import type { LedgerTypeInput } from '../type.ts';

type FieldInput = LedgerTypeInput['fields'][number];
type Opts = { required?: boolean; unique?: boolean; help?: string };

export const text = (
  key: string,
  label: string,
  o: Opts & { maxLength?: number } = {},
): FieldInput => ({
  key,
  label,
  type: 'text',
  maxLength: 200,
  ...o,
});
export const longText = (key: string, label: string, o: Opts = {}): FieldInput => ({
  key,
  label,
  type: 'long_text',
  maxLength: 4000,
  ...o,
});
/** A whole count (people, times, items) — never negative. */
export const count = (
  key: string,
  label: string,
  unit: string,
  o: Opts & { max?: number } = {},
): FieldInput => ({
  key,
  label,
  type: 'number',
  unit,
  integer: true,
  min: 0,
  ...o,
});
export const decimal = (
  key: string,
  label: string,
  unit: string,
  o: Opts & { min?: number; max?: number } = {},
): FieldInput => ({
  key,
  label,
  type: 'number',
  unit,
  min: 0,
  ...o,
});
export const money = (key: string, label: string, o: Opts = {}): FieldInput => ({
  key,
  label,
  type: 'money',
  min: 0,
  ...o,
});
export const date = (key: string, label: string, o: Opts = {}): FieldInput => ({
  key,
  label,
  type: 'date',
  ...o,
});
export const flag = (key: string, label: string, o: Opts = {}): FieldInput => ({
  key,
  label,
  type: 'boolean',
  ...o,
});
export const person = (key: string, label: string, o: Opts = {}): FieldInput => ({
  key,
  label,
  type: 'person',
  ...o,
});
export const unit = (key: string, label: string, o: Opts = {}): FieldInput => ({
  key,
  label,
  type: 'unit',
  ...o,
});
export const attachments = (key = 'attachments', label = '附件'): FieldInput => ({
  key,
  label,
  type: 'attachment',
  maxCount: 20,
});
export const choice = (
  key: string,
  label: string,
  options: [string, string][],
  o: Opts = {},
): FieldInput => ({
  key,
  label,
  type: 'enum',
  options: options.map(([code, l]) => ({ code, label: l })),
  ...o,
});

export const eq = (field: string, value: string | number | boolean): MetricFilter => ({
  field,
  op: 'eq',
  value,
});
export const oneOf = (field: string, value: (string | number)[]): MetricFilter => ({
  field,
  op: 'in',
  value,
});
export const atLeast = (field: string, value: number): MetricFilter => ({
  field,
  op: 'gte',
  value,
});

interface Extra {
  filters?: MetricFilter[];
  groupBy?: string;
  periodField?: string;
  /** A stock on the period's last day: rows begun by then and not ended (declaration.ts). */
  inForceUntil?: string;
  description?: string;
  /** How a report says it; `parts` and `joins` name metrics of the same type by slug. */
  phrase?: MetricPhraseInput;
}

/**
 * A phrase: verb, object, measure word (次, 人次, 篇…), and options — `parts` (slugs counting a
 * subset: 其中…), `joins` (slugs said in the same breath), `pattern`, `trend: false` for a stock.
 */
export const say = (
  verb: string,
  object: string,
  measure?: string,
  options: Omit<MetricPhraseInput, 'verb' | 'object' | 'measure'> = {},
): MetricPhraseInput => ({ verb, object, ...(measure ? { measure } : {}), ...options });

/** Metric constructors bound to one ledger type. */
export interface MetricMaker {
  count(slug: string, label: string, unit: MetricUnit, extra?: Extra): MetricDeclarationInput;
  sum(
    slug: string,
    label: string,
    unit: MetricUnit,
    field: string,
    extra?: Extra,
  ): MetricDeclarationInput;
  distinct(
    slug: string,
    label: string,
    unit: MetricUnit,
    field: string,
    extra?: Extra,
  ): MetricDeclarationInput;
  rate(
    slug: string,
    label: string,
    numerator: MetricFilter[],
    denominator?: MetricFilter[],
    extra?: Extra,
  ): MetricDeclarationInput;
}

export function metricMaker(typeCode: string): MetricMaker {
  const id = (slug: string) => `ledger.${typeCode}.${slug}`;
  const base = (slug: string, label: string, unit: MetricUnit, extra: Extra = {}) => ({
    id: id(slug),
    label,
    unit,
    source: { kind: 'ledger' as const, typeCode },
    ...extra,
    ...(extra.phrase
      ? {
          phrase: {
            ...extra.phrase,
            parts: extra.phrase.parts?.map(id),
            joins: extra.phrase.joins?.map(id),
          },
        }
      : {}),
  });
  return {
    count: (slug, label, unit, extra) => ({
      ...base(slug, label, unit, extra),
      aggregation: { fn: 'count' },
    }),
    sum: (slug, label, unit, field, extra) => ({
      ...base(slug, label, unit, extra),
      aggregation: { fn: 'sum', field },
    }),
    distinct: (slug, label, unit, field, extra) => ({
      ...base(slug, label, unit, extra),
      aggregation: { fn: 'count_distinct', field },
    }),
    rate: (slug, label, numerator, denominator = [], extra) => ({
      ...base(slug, label, '%', extra),
      aggregation: { fn: 'rate', numerator, denominator, percent: true },
    }),
  };
}

type LedgerDef = Omit<LedgerTypeInput, 'metrics' | 'version' | 'defaultSort'> & {
  version?: number;
  defaultSort?: LedgerTypeInput['defaultSort'];
};

/** One catalogue entry: version 1, newest records first unless stated, metrics bound to it. */
export function ledger(
  def: LedgerDef,
  metrics: (m: MetricMaker) => MetricDeclarationInput[],
): LedgerTypeInput {
  return {
    version: 1,
    defaultSort: { field: def.dateField, direction: 'desc' },
    ...def,
    metrics: metrics(metricMaker(def.code)),
  };
}
