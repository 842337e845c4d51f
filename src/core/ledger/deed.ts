/**
 * 事迹表述 — how one record of a ledger reads as work done in a duty report (DESIGN 8: "significant
 * records become sentences about what was done"), and which fields make a record significant.
 * `pattern` slots: `{month}` (month of the record's date), `{field}` (the record's value: an
 * option's label, a unit's or person's name, text as written) and `{#metric}` (a figure: that
 * metric — a sum of this type — counted over this one record, so it stays a live number).
 */
import { z } from 'zod';

export const ledgerDeedSchema = z.object({
  pattern: z.string().min(4).max(120),
  /**
   * Fields ranking the year's records, most significant first: an option field by its order
   * (first option highest), a number or amount larger first.
   */
  rank: z.array(z.string()).max(3).default([]),
  /** Options of the first rank field a record must have to count as significant. */
  onlyOptions: z.array(z.string()).optional(),
  /** A field that must hold this value (e.g. a hazard that was fixed). */
  when: z.object({ field: z.string(), equals: z.union([z.string(), z.boolean()]) }).optional(),
});
export type LedgerDeed = z.infer<typeof ledgerDeedSchema>;

export type DeedSlot =
  { kind: 'month' } | { kind: 'field'; key: string } | { kind: 'metric'; slug: string };

/** The pattern split into text and slots, in order. */
export function deedParts(pattern: string): Array<string | DeedSlot> {
  return pattern.split(/(\{#?[a-z_][a-z0-9_]*\})/u).flatMap((part): Array<string | DeedSlot> => {
    const m = /^\{(#?)([a-z_][a-z0-9_]*)\}$/u.exec(part);
    if (!m) return part ? [part] : [];
    if (m[1]) return [{ kind: 'metric', slug: m[2]! }];
    return m[2] === 'month' ? [{ kind: 'month' }] : [{ kind: 'field', key: m[2]! }];
  });
}

interface TypeShape {
  code: string;
  fields: ReadonlyArray<{ key: string; type: string; removed?: boolean }>;
  metrics: ReadonlyArray<{ id: string; aggregation: { fn: string }; groupBy?: string }>;
}

/** What is wrong with a deed declaration for its ledger type (Chinese, for the type editor). */
export function deedProblems(deed: LedgerDeed, t: TypeShape): string[] {
  const live = new Map(t.fields.filter((f) => !f.removed).map((f) => [f.key, f]));
  const problems: string[] = [];
  for (const part of deedParts(deed.pattern)) {
    if (typeof part === 'string' || part.kind === 'month') continue;
    if (part.kind === 'field' && !live.has(part.key))
      problems.push(`事迹表述引用了不存在的字段“${part.key}”`);
    if (part.kind === 'metric') {
      const m = t.metrics.find((x) => x.id === `ledger.${t.code}.${part.slug}`);
      if (!m || m.aggregation.fn !== 'sum' || m.groupBy)
        problems.push(`事迹表述中的数字“${part.slug}”应为本台账不分组的求和指标`);
    }
  }
  if (deed.when && !live.has(deed.when.field))
    problems.push(`事迹表述的条件引用了不存在的字段“${deed.when.field}”`);
  for (const key of deed.rank) {
    const f = live.get(key);
    if (!f || !['enum', 'number', 'money'].includes(f.type))
      problems.push(`重要程度字段“${key}”应为选项、数值或金额字段`);
  }
  return problems;
}
