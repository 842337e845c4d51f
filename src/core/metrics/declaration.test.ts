import { describe, expect, it } from 'vitest';
import { checkMetricFields, metricDeclarationSchema, type FieldInfo } from './declaration.ts';

const base = {
  id: 'ledger.sample.count',
  label: '样例',
  unit: '次',
  source: { kind: 'ledger', typeCode: 'sample' },
  aggregation: { fn: 'count' },
};

const fields: Record<string, FieldInfo> = {
  amount: { valueType: 'money' },
  title: { valueType: 'text' },
  on: { valueType: 'date' },
  level: { valueType: 'text', codes: ['county', 'city'] },
  files: { valueType: 'list' },
};
const lookup = (k: string) => fields[k];

describe('metric declarations', () => {
  it('parse with defaults for filters and rate options', () => {
    const m = metricDeclarationSchema.parse({
      ...base,
      unit: '%',
      aggregation: { fn: 'rate', numerator: [{ field: 'title', op: 'not_null' }] },
    });
    expect(m.filters).toEqual([]);
    expect(m.aggregation).toMatchObject({ denominator: [], percent: true });
  });

  it('reject bad ids, units outside the list, and % on a non-rate', () => {
    expect(metricDeclarationSchema.safeParse({ ...base, id: 'Count' }).success).toBe(false);
    expect(metricDeclarationSchema.safeParse({ ...base, unit: '吨' }).success).toBe(false);
    expect(metricDeclarationSchema.safeParse({ ...base, unit: '%' }).success).toBe(false);
    expect(
      metricDeclarationSchema.safeParse({ ...base, filters: [{ field: 'x', op: 'in', value: [] }] })
        .success,
    ).toBe(false);
  });

  it('check fields: existence, sum over money, 万元 only over money, ordered comparisons, enum codes', () => {
    const check = (partial: object) =>
      checkMetricFields(metricDeclarationSchema.parse({ ...base, ...partial }), lookup).map(
        (i) => i.message,
      );
    expect(check({ unit: '万元', aggregation: { fn: 'sum', field: 'amount' } })).toEqual([]);
    expect(check({ aggregation: { fn: 'sum', field: 'title' } })[0]).toContain('应为数值或金额');
    expect(check({ groupBy: 'ghost' })[0]).toContain('不存在的字段“ghost”');
    expect(check({ filters: [{ field: 'title', op: 'gte', value: 3 }] })[0]).toContain(
      '不能比较大小',
    );
    expect(check({ filters: [{ field: 'on', op: 'gte', value: 3 }] })[0]).toContain('YYYY-MM-DD');
    expect(check({ filters: [{ field: 'level', op: 'eq', value: 'town' }] })[0]).toContain(
      '不是字段“level”的选项代码',
    );
    expect(check({ filters: [{ field: 'files', op: 'eq', value: 'x' }] })[0]).toContain('附件');
    expect(check({ periodField: 'title' })[0]).toContain('应为日期');
  });
});
