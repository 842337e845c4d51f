import { describe, expect, it } from 'vitest';
import { ledgerTypeSchema } from './type.ts';
import { sampleType } from '../../testing/ledger-type.ts';

function problems(input: unknown): string[] {
  const r = ledgerTypeSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

describe('ledger type model', () => {
  it('accepts a type using every field type', () => {
    expect(problems(sampleType)).toEqual([]);
  });

  it('rejects duplicate field keys and option codes', () => {
    const dup = {
      ...sampleType,
      fields: [...sampleType.fields, { key: 'title', label: '重复', type: 'text' }],
    };
    expect(problems(dup)).toContain('字段标识“title”重复');
    const enumDup = {
      ...sampleType,
      fields: sampleType.fields.map((f) =>
        f.type === 'enum' ? { ...f, options: [...f.options, f.options[0]] } : f,
      ),
    };
    expect(problems(enumDup).some((m) => m.includes('选项代码重复'))).toBe(true);
  });

  it('requires the date field to be a required date and role fields to have the right type', () => {
    expect(
      problems({ ...sampleType, dateField: 'title' }).some((m) => m.includes('日期字段')),
    ).toBe(true);
    expect(
      problems({ ...sampleType, unitField: 'visitor' }).some((m) => m.includes('单位字段')),
    ).toBe(true);
    const optionalDate = {
      ...sampleType,
      fields: sampleType.fields.map((f) =>
        f.key === 'visited_on' ? { ...f, required: false } : f,
      ),
    };
    expect(problems(optionalDate)).toContain('日期字段“visited_on”应为必填');
  });

  it('rejects non-snake-case keys, unknown portfolios and required removed fields', () => {
    expect(problems({ ...sampleType, code: 'Bad-Code' }).length).toBeGreaterThan(0);
    expect(problems({ ...sampleType, portfolio: 'sports' }).length).toBeGreaterThan(0);
    const removedRequired = {
      ...sampleType,
      fields: sampleType.fields.map((f) => (f.key === 'title' ? { ...f, removed: true } : f)),
    };
    expect(problems(removedRequired)).toContain('已停用的字段“事项”不能为必填');
  });

  it('rejects a metric of another type or over a removed field', () => {
    const metric = {
      id: 'ledger.sample_visit.people',
      label: '走访人数',
      unit: '人',
      source: { kind: 'ledger', typeCode: 'sample_visit' },
      aggregation: { fn: 'sum', field: 'people' },
    };
    expect(problems({ ...sampleType, metrics: [metric] })).toEqual([]);
    expect(
      problems({
        ...sampleType,
        metrics: [{ ...metric, source: { kind: 'ledger', typeCode: 'other' } }],
      }),
    ).toContain('指标“走访人数”的数据源应为本台账');
    const removed = {
      ...sampleType,
      fields: sampleType.fields.map((f) => (f.key === 'people' ? { ...f, removed: true } : f)),
    };
    expect(
      problems({ ...removed, metrics: [metric] }).some((m) => m.includes('不存在的字段“people”')),
    ).toBe(true);
  });
});
