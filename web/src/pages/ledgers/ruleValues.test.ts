import { describe, expect, it } from 'vitest';
import { fromRuleValues, toRuleValues, type LedgerRule } from './ruleValues.ts';

describe('ledger rules ⇄ form values', () => {
  const rules: LedgerRule[] = [
    { kind: 'unique', fields: ['name', 'year'], message: '同一人同一年只能登记一次' },
    {
      kind: 'date_gap',
      from: 'born_on',
      to: 'joined_on',
      min: { years: 18 },
      when: [{ field: 'kind', op: 'eq', value: 'formal' }],
      required: true,
    },
  ];

  it('round-trips the rules the form can show', () => {
    expect(fromRuleValues(toRuleValues(rules))).toStrictEqual(rules);
  });

  it('shows a single "field = option" condition as two inputs', () => {
    const [, gap] = toRuleValues(rules);
    expect(gap).toMatchObject({
      kind: 'date_gap',
      years: 18,
      months: null,
      days: null,
      whenField: 'kind',
      whenValue: 'formal',
      whenRaw: undefined,
      required: true,
    });
  });

  it('keeps a condition the form cannot edit exactly as it was', () => {
    const when: Extract<LedgerRule, { kind: 'date_gap' }>['when'] = [
      { field: 'kind', op: 'in', value: ['a', 'b'] },
      { field: 'score', op: 'gte', value: 60 },
    ];
    const values = toRuleValues([
      { kind: 'date_gap', from: 'a', to: 'b', min: { days: 7 }, when, required: false },
    ]);
    expect(values[0]!.whenField).toBeUndefined();
    expect(values[0]!.whenRaw).toEqual(when);
    const [back] = fromRuleValues(values);
    expect(back).toEqual({
      kind: 'date_gap',
      from: 'a',
      to: 'b',
      min: { days: 7 },
      when,
      required: false,
    });
  });

  it('drops empty or zero gap parts and blank messages, and trims a message', () => {
    const [gap, unique] = fromRuleValues([
      { kind: 'date_gap', from: 'a', to: 'b', years: 0, months: 6, days: null, message: '  ' },
      { kind: 'unique', fields: ['x'], message: '  不能重复  ' },
    ]);
    expect(gap).toEqual({
      kind: 'date_gap',
      from: 'a',
      to: 'b',
      min: { months: 6 },
      when: [],
      required: false,
    });
    expect(unique).toEqual({ kind: 'unique', fields: ['x'], message: '不能重复' });
  });

  it('reads a missing list as no rules', () => {
    expect(toRuleValues(undefined)).toEqual([]);
    expect(fromRuleValues(undefined)).toEqual([]);
  });
});
