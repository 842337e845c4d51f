/**
 * Recounting a document's chips: every distinct chip's current value (ledger chips sharing a
 * scope in one batch, appeals chips per scope), and the document showing those values.
 */
import type { Kysely } from 'kysely';
import {
  allChips,
  formatMetricValue,
  metricKey,
  type Inline,
  type MetricChip,
  type ReportDocument,
} from '../../core/report/model.ts';
import type { DB } from '../../db/schema.ts';
import { evaluateMetrics, metricContext } from '../metrics/metrics.service.ts';
import { appealValues, isAppealMetric } from './report-appeals.ts';
import { engineActor, metricQueryOf } from './report-engine.ts';

type Db = Kysely<DB>;

/**
 * Current values of every distinct chip of a document, keyed by metricKey. Ledger chips sharing
 * params (period and scope) are recounted together, one scan per ledger type and grouping.
 */
export async function recomputeChips(
  db: Db,
  townId: string,
  doc: ReportDocument,
): Promise<Map<string, number | null>> {
  const values = new Map<string, number | null>();
  const actor = engineActor(townId);
  const appealScopes = new Map<string, Map<string, number | null>>();
  const ledgerChips = new Map<string, { params: Record<string, unknown>; ids: Set<string> }>();
  for (const chip of allChips(doc)) {
    const key = metricKey(chip.metricId, chip.params);
    if (values.has(key)) continue;
    values.set(key, null);
    if (!isAppealMetric(chip.metricId)) {
      const scopeKey = metricKey('ledger', chip.params);
      if (!ledgerChips.has(scopeKey))
        ledgerChips.set(scopeKey, { params: chip.params, ids: new Set() });
      ledgerChips.get(scopeKey)!.ids.add(chip.metricId);
      continue;
    }
    try {
      const scopeKey = metricKey('appeals', chip.params);
      if (!appealScopes.has(scopeKey))
        appealScopes.set(scopeKey, await appealValues(db, townId, chip.params));
      values.set(key, appealScopes.get(scopeKey)!.get(chip.metricId) ?? null);
    } catch {
      // params edited by hand: the chip shows no number
    }
  }
  if (ledgerChips.size === 0) return values;
  const ctx = await metricContext(db, actor, townId);
  for (const { params, ids } of ledgerChips.values()) {
    // A metric since removed from the catalogue keeps its chip, without a number.
    const known = [...ids].filter((id) => ctx.has(id));
    if (known.length === 0) continue;
    try {
      const got = await evaluateMetrics(db, actor, townId, known, metricQueryOf(params), ctx);
      for (const [id, v] of got) values.set(metricKey(id, params), v.display);
    } catch {
      // params edited by hand (a bad period or unit): these chips show no number
    }
  }
  return values;
}

/** The document with every chip showing `values` (live drafts; freezing snapshots the same way). */
export function withChipValues(
  doc: ReportDocument,
  values: ReadonlyMap<string, number | null>,
): ReportDocument {
  const fresh = (i: MetricChip): Inline => {
    const value = values.get(metricKey(i.metricId, i.params)) ?? null;
    return { ...i, value, display: formatMetricValue(value, i.unit) };
  };
  return {
    ...doc,
    sections: doc.sections.map((s) => ({
      ...s,
      paragraphs: s.paragraphs.map((p) => ({
        inlines: p.inlines.map((i) => (i.type === 'metric' ? fresh(i) : i)),
      })),
    })),
  };
}
