import { describe, expect, it } from 'vitest';
import { catalogueMetrics, ledgerCatalogue } from '../../core/ledger/catalogue/index.ts';
import { cohortKey, compileMetricCohorts, compileMetricValues } from './compile-batch.ts';
import { createSourceRegistry } from './source.ts';

const TOWN = '0190a000-0000-7000-8000-000000000001';
const registry = createSourceRegistry(ledgerCatalogue);
const params = {
  townIds: [TOWN],
  period: { from: '2025-01-01', to: '2025-12-31' },
  scope: { personId: '0190a000-0000-7000-8000-000000000002' },
};

describe('compileMetricCohorts', () => {
  it('compiles the whole catalogue as one scan per ledger type and grouping', () => {
    const all = catalogueMetrics(ledgerCatalogue);
    const batches = compileMetricCohorts(all, params, registry);
    expect(batches).toHaveLength(new Set(all.map((m) => cohortKey(m))).size);
    expect(batches.length).toBeLessThan(all.length);
    // Shared predicates (type, scope, period) stay in WHERE, each metric's own become FILTERs.
    const star = compileMetricCohorts(
      ledgerCatalogue
        .find((t) => t.code === 'branch_star_rating')!
        .metrics.filter((m) => !m.groupBy),
      params,
      registry,
    );
    expect(star).toHaveLength(1);
    expect(star[0]!.query.sql).toContain('"person_id" = $');
    expect(star[0]!.query.sql).toContain('filter (where');
  });

  it('splits the batch rows back into each metric rows, dropping groups a metric has no rows in', () => {
    const type = ledgerCatalogue.find((t) => t.code === 'branch_meeting')!;
    const ms = type.metrics.filter((m) => !m.groupBy);
    const batch = compileMetricValues(ms, params, registry);
    const split = batch.split([
      { m0_n: 3, m0_value: 3, m1_n: 1, m1_value: 1, m2_n: 3, m2_value: 42 },
    ]);
    expect(split).toEqual({
      [ms[0]!.id]: [{ value: 3 }],
      [ms[1]!.id]: [{ value: 1 }],
      [ms[2]!.id]: [{ value: 42 }],
    });
    const grouped = compileMetricValues([type.metrics.find((m) => m.groupBy)!], params, registry);
    expect(
      grouped.split([
        { group_key: 'a', m0_n: 0, m0_value: 0 },
        { group_key: 'b', m0_n: 2, m0_value: 2 },
      ]),
    ).toEqual({ 'ledger.branch_meeting.held_by_type': [{ group_key: 'b', value: 2 }] });
  });

  it('refuses to merge metrics of different sources into one scan', () => {
    const [a, b] = [ledgerCatalogue[0]!.metrics[0]!, ledgerCatalogue[1]!.metrics[0]!];
    expect(() => compileMetricValues([a, b], params, registry)).toThrow(/同一数据源/);
    expect(compileMetricCohorts([a, b], params, registry)).toHaveLength(2);
  });
});
