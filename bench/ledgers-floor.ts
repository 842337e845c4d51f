/**
 * The merged floor of the ledgers bench: what one would write by hand to get every metric of a
 * ledger type at once — one query per (type, period field, grouping) with `FILTER (WHERE …)`
 * per metric — built from the per-metric hand-written pieces (ledgers-data.ts floorQuery), not
 * from src/core/metrics. The batched service path is measured against this as well as against
 * one hand-written query per metric, so its ratio is not flattered by doing fewer scans.
 */
import type { FloorAggregate, FloorQuery } from './ledgers-data.ts';

export interface FloorCase {
  typeCode: string;
  metricId: string;
  floor: FloorQuery;
}

export interface MergedFloor {
  text: string;
  /** Rows of the merged query → each metric's value, in the shape its own FloorQuery.read gives. */
  read(rows: Record<string, unknown>[]): Map<string, ReturnType<FloorQuery['read']>>;
}

function aggregate(a: FloorAggregate, own: string[]): string {
  const where = [...own, ...(a.also ? [a.also] : [])];
  const filter = where.length ? ` filter (where ${where.join(' and ')})` : '';
  if (a.fn === 'count') return `count(*)${filter}`;
  if (a.fn === 'sum') return `sum(${a.arg})${filter}`;
  return `count(distinct ${a.arg})${filter}`;
}

/** One query per cohort of the cases; each metric's own predicates become its FILTER. */
export function mergedFloors(cases: FloorCase[]): MergedFloor[] {
  const cohorts = new Map<string, FloorCase[]>();
  for (const c of cases) {
    const key = JSON.stringify([c.typeCode, c.floor.parts.periodExpr, c.floor.parts.groupExpr]);
    cohorts.set(key, [...(cohorts.get(key) ?? []), c]);
  }
  return [...cohorts.values()].map((cs) => {
    const { shared, groupExpr } = cs[0]!.floor.parts;
    const selects = cs.flatMap((c, i) =>
      c.floor.parts.aggregates.map((a) => `${aggregate(a, c.floor.parts.own)} as m${i}_${a.alias}`),
    );
    const text = groupExpr
      ? `select ${groupExpr} as k, ${selects.join(', ')} from ledger_record where ${shared.join(' and ')} group by 1`
      : `select ${selects.join(', ')} from ledger_record where ${shared.join(' and ')}`;
    return {
      text,
      read: (rows) =>
        new Map(
          cs.map((c, i) => {
            const own = rows.map((r) => {
              const out: Record<string, unknown> = { k: r.k };
              for (const a of c.floor.parts.aggregates) out[a.alias] = r[`m${i}_${a.alias}`];
              return out;
            });
            return [c.metricId, c.floor.read(own)];
          }),
        ),
    };
  });
}
