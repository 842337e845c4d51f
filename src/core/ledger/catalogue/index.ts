/**
 * The shipped ledger catalogue: every portfolio group's ledger types, validated once at load
 * (schema, unique type codes, unique metric ids), plus look-ups by code and by metric id.
 */
import { InvalidInput, type FieldIssue } from '../../errors.ts';
import type { MetricDeclaration } from '../../metrics/declaration.ts';
import { ledgerTypeSchema, type LedgerType, type LedgerTypeInput } from '../type.ts';
import { lawLedgers } from './law.ts';
import { partyLedgers } from './party.ts';
import { personalLedgers } from './personal.ts';
import { officeLedgers } from './office.ts';
import { workLedgersMore } from './work-more.ts';
import { workLedgers } from './work.ts';
import { propagandaLedgers } from './propaganda.ts';
import { safetyLedgers } from './safety.ts';
import { talentLedgers } from './talent.ts';
import { villageLedgers } from './village.ts';

export const catalogueInputs: readonly LedgerTypeInput[] = [
  ...propagandaLedgers,
  ...partyLedgers,
  ...talentLedgers,
  ...villageLedgers,
  ...safetyLedgers,
  ...lawLedgers,
  ...workLedgers,
  ...workLedgersMore,
  ...officeLedgers,
  ...personalLedgers,
];

/** Validates a set of ledger types as one catalogue; throws listing every problem found. */
export function loadLedgerCatalogue(inputs: readonly LedgerTypeInput[]): LedgerType[] {
  const issues: FieldIssue[] = [];
  const types: LedgerType[] = [];
  const codes = new Set<string>();
  const metricIds = new Set<string>();
  inputs.forEach((input, i) => {
    const parsed = ledgerTypeSchema.safeParse(input);
    if (!parsed.success) {
      for (const e of parsed.error.issues) {
        issues.push({
          path: `${i}.${e.path.join('.')}`,
          label: input.name ?? input.code,
          message: e.message,
        });
      }
      return;
    }
    const t = parsed.data;
    if (codes.has(t.code))
      issues.push({ path: `${i}.code`, label: t.name, message: `台账类型标识“${t.code}”重复` });
    codes.add(t.code);
    for (const m of t.metrics) {
      if (metricIds.has(m.id))
        issues.push({ path: `${i}.metrics`, label: m.label, message: `指标标识“${m.id}”重复` });
      metricIds.add(m.id);
    }
    types.push(t);
  });
  if (issues.length > 0) throw new InvalidInput('台账类型目录不合法', issues);
  return types;
}

export const ledgerCatalogue: readonly LedgerType[] = loadLedgerCatalogue(catalogueInputs);

export function findLedgerType(
  code: string,
  types: readonly LedgerType[] = ledgerCatalogue,
): LedgerType | undefined {
  return types.find((t) => t.code === code);
}

/** Every metric the catalogue's ledger types offer. */
export function catalogueMetrics(
  types: readonly LedgerType[] = ledgerCatalogue,
): MetricDeclaration[] {
  return types.flatMap((t) => t.metrics);
}
