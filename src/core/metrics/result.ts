/**
 * Metric results: reads the value query's rows into one shape, recomputes the same aggregate in
 * JavaScript from drill-down rows (so tests can prove value == its drill-down), and scales a
 * value for display (yuan sums shown in 万元).
 */
import type { MetricDeclaration } from './declaration.ts';

export interface MetricCell {
  value: number | null;
  numerator?: number;
  denominator?: number;
}

export type MetricResult =
  | ({ kind: 'total' } & MetricCell)
  | { kind: 'grouped'; groups: ({ key: string | null } & MetricCell)[] };

/** A drill-down row as compileMetricDrillDown selects it (other columns pass through). */
export interface DrillDownRow {
  id: string;
  period_key: string;
  group_key?: string | null;
  measure?: string | number | null;
  in_numerator?: boolean | null;
  [column: string]: unknown;
}

const toNumber = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function rateValue(numerator: number, denominator: number, percent: boolean): number | null {
  if (denominator === 0) return null;
  // Same rounding as SQL round(): 2 decimals of a percentage, 4 of a ratio, half away from zero.
  const scale = percent ? 100 : 10_000;
  return Math.round(((percent ? 100 : 1) * numerator * scale) / denominator) / scale;
}

function cellFromRow(m: MetricDeclaration, row: Record<string, unknown>): MetricCell {
  if (m.aggregation.fn !== 'rate') return { value: toNumber(row.value) ?? 0 };
  return {
    value: toNumber(row.value),
    numerator: Number(row.numerator),
    denominator: Number(row.denominator),
  };
}

/** Normalises the value query's rows (pg returns numeric and bigint as strings). */
export function readValueRows(
  m: MetricDeclaration,
  rows: readonly Record<string, unknown>[],
  grouped: boolean,
): MetricResult {
  if (!grouped) {
    const row = rows[0] ?? {
      value: m.aggregation.fn === 'rate' ? null : 0,
      numerator: 0,
      denominator: 0,
    };
    return { kind: 'total', ...cellFromRow(m, row) };
  }
  return {
    kind: 'grouped',
    groups: rows.map((r) => ({
      key: (r.group_key as string | null) ?? null,
      ...cellFromRow(m, r),
    })),
  };
}

function aggregateRows(m: MetricDeclaration, rows: readonly DrillDownRow[]): MetricCell {
  const agg = m.aggregation;
  switch (agg.fn) {
    case 'count':
      return { value: rows.length };
    case 'sum': {
      const total = rows.reduce((s, r) => s + (toNumber(r.measure) ?? 0), 0);
      return { value: Math.round(total * 1e6) / 1e6 };
    }
    case 'count_distinct':
      return {
        value: new Set(
          rows
            .map((r) => r.measure)
            .filter((v) => v !== null && v !== undefined)
            .map(String),
        ).size,
      };
    case 'rate': {
      const numerator = rows.filter((r) => r.in_numerator === true).length;
      return {
        value: rateValue(numerator, rows.length, agg.percent),
        numerator,
        denominator: rows.length,
      };
    }
  }
}

/**
 * Recomputes the metric from every drill-down row of an evaluation (all pages), the way the
 * value query computes it in SQL. Groups come out ordered like SQL's `order by group_key`
 * for plain ASCII keys (codes, ids, numbers as text).
 */
export function recomputeFromDrillDown(
  m: MetricDeclaration,
  rows: readonly DrillDownRow[],
  grouped: boolean,
): MetricResult {
  if (!grouped) return { kind: 'total', ...aggregateRows(m, rows) };
  const byKey = new Map<string | null, DrillDownRow[]>();
  for (const r of rows) {
    const key = r.group_key ?? null;
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  const keys = [...byKey.keys()].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0,
  );
  return {
    kind: 'grouped',
    groups: keys.map((key) => ({ key, ...aggregateRows(m, byKey.get(key) ?? []) })),
  };
}

/** The value as a report shows it: sums over yuan declared in 万元 are divided by 10,000. */
export function displayValue(m: MetricDeclaration, value: number | null): number | null {
  if (value === null) return null;
  if (m.unit === '万元') return Math.round(value / 100) / 100;
  return value;
}
