import { describe, expect, it } from 'vitest';
import { metricDeclarationSchema, type MetricDeclarationInput } from './declaration.ts';
import {
  displayValue,
  readValueRows,
  recomputeFromDrillDown,
  type DrillDownRow,
} from './result.ts';

const m = (partial: Partial<MetricDeclarationInput>) =>
  metricDeclarationSchema.parse({
    id: 'ledger.x.y',
    label: '测试',
    unit: '次',
    source: { kind: 'ledger', typeCode: 'x' },
    aggregation: { fn: 'count' },
    ...partial,
  });

const row = (n: number, extra: Partial<DrillDownRow>): DrillDownRow => ({
  id: `0190a000-0000-7000-8000-00000000000${n}`,
  period_key: '2024-01-01',
  ...extra,
});

describe('metric results', () => {
  it('recomputes count, sum and distinct count from drill-down rows like SQL does', () => {
    const rows = [
      row(1, { measure: '10.10', group_key: 'b' }),
      row(2, { measure: '0.20', group_key: 'a' }),
      row(3, { measure: null, group_key: 'b' }),
    ];
    expect(recomputeFromDrillDown(m({}), rows, false)).toEqual({ kind: 'total', value: 3 });
    expect(
      recomputeFromDrillDown(
        m({ unit: '元', aggregation: { fn: 'sum', field: 'f' } }),
        rows,
        false,
      ),
    ).toEqual({ kind: 'total', value: 10.3 });
    expect(
      recomputeFromDrillDown(m({ aggregation: { fn: 'count_distinct', field: 'f' } }), rows, false),
    ).toEqual({ kind: 'total', value: 2 });
    expect(recomputeFromDrillDown(m({}), rows, true)).toEqual({
      kind: 'grouped',
      groups: [
        { key: 'a', value: 1 },
        { key: 'b', value: 2 },
      ],
    });
  });

  it('recomputes a rate with the same rounding and matches the value row', () => {
    const rate = m({
      unit: '%',
      aggregation: { fn: 'rate', numerator: [{ field: 'f', op: 'eq', value: true }] },
    });
    const rows = [
      row(1, { in_numerator: true }),
      row(2, { in_numerator: false }),
      row(3, { in_numerator: true }),
    ];
    const fromRows = recomputeFromDrillDown(rate, rows, false);
    expect(fromRows).toEqual({ kind: 'total', value: 66.67, numerator: 2, denominator: 3 });
    expect(readValueRows(rate, [{ value: '66.67', numerator: 2, denominator: 3 }], false)).toEqual(
      fromRows,
    );
    expect(recomputeFromDrillDown(rate, [], false)).toEqual({
      kind: 'total',
      value: null,
      numerator: 0,
      denominator: 0,
    });
  });

  it('reads numeric strings from the value query and shows yuan sums in 万元', () => {
    const money = m({ unit: '万元', aggregation: { fn: 'sum', field: 'amount' } });
    expect(readValueRows(money, [{ value: '123456.78' }], false)).toEqual({
      kind: 'total',
      value: 123456.78,
    });
    expect(displayValue(money, 123456.78)).toBe(12.35);
    expect(readValueRows(m({}), [{ group_key: 'a', value: 4 }], true)).toEqual({
      kind: 'grouped',
      groups: [{ key: 'a', value: 4 }],
    });
  });
});
