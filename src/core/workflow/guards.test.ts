import { describe, expect, it } from 'vitest';
import { guardParamProblems, runGuard, type GuardContext } from './guards.ts';
import type { AppealSnapshot } from './types.ts';

const snapshot: AppealSnapshot = {
  state: 'x',
  version: 1,
  counters: { reopen: 2 },
  deadlines: {
    window: {
      startedAt: new Date('2025-01-01T00:00:00Z'),
      dueAt: new Date('2025-01-31T00:00:00Z'),
      stoppedAt: null,
      extensions: 0,
      rule: { amount: 30, unit: 'calendar_days' },
    },
  },
  assignment: {},
  fields: { satisfaction: '不满意', plan: '' },
};
const ctx = (over: Partial<GuardContext> = {}): GuardContext => ({
  snapshot,
  fields: snapshot.fields,
  at: new Date('2025-01-15T00:00:00Z'),
  facts: {},
  settings: { maxReopens: 2 },
  transitionLabel: '重办',
  preview: false,
  ownFieldNames: [],
  ...over,
});

describe('guards', () => {
  it('counterBelow compares a counter with a fixed or configured maximum', () => {
    expect(
      runGuard(
        { name: 'counterBelow', params: { counter: 'reopen', maxSetting: 'maxReopens' } },
        ctx(),
      ),
    ).toBe('「重办」最多可执行2次，已执行2次');
    expect(
      runGuard({ name: 'counterBelow', params: { counter: 'reopen', max: 3 } }, ctx()),
    ).toBeNull();
  });

  it('fieldEquals, fieldPresent and fieldTrue read recorded fields, with a message override', () => {
    expect(
      runGuard(
        { name: 'fieldEquals', params: { field: 'satisfaction', values: ['不满意'] } },
        ctx(),
      ),
    ).toBeNull();
    expect(
      runGuard(
        {
          name: 'fieldEquals',
          params: { field: 'satisfaction', values: ['满意'] },
          message: '不行',
        },
        ctx(),
      ),
    ).toBe('不行');
    expect(runGuard({ name: 'fieldPresent', params: { field: 'plan' } }, ctx())).toBe(
      '执行「重办」前须先填写相关内容',
    );
    expect(
      runGuard({ name: 'fieldTrue', params: { field: 'ok' } }, ctx({ fields: { ok: true } })),
    ).toBeNull();
  });

  it('skips field guards on the transition’s own fields when previewing buttons', () => {
    expect(
      runGuard(
        { name: 'fieldTrue', params: { field: 'ok' } },
        ctx({ preview: true, ownFieldNames: ['ok'] }),
      ),
    ).toBeNull();
    expect(
      runGuard({ name: 'fieldTrue', params: { field: 'ok' } }, ctx({ preview: true })),
    ).not.toBeNull();
  });

  it('clockNotExpired refuses after the due time or when the clock is not running', () => {
    expect(runGuard({ name: 'clockNotExpired', params: { clock: 'window' } }, ctx())).toBeNull();
    expect(
      runGuard(
        { name: 'clockNotExpired', params: { clock: 'window' } },
        ctx({ at: new Date('2025-02-01T00:00:00Z') }),
      ),
    ).toBe('已超过「重办」的期限');
    expect(runGuard({ name: 'clockNotExpired', params: { clock: 'other' } }, ctx())).toBe(
      '「重办」的期限未在计时',
    );
  });

  it('factNotSet refuses when the caller reports the fact', () => {
    expect(
      runGuard({ name: 'factNotSet', params: { fact: 'dup' } }, ctx({ facts: { dup: true } })),
    ).toBe('不能执行「重办」');
    expect(runGuard({ name: 'factNotSet', params: { fact: 'dup' } }, ctx())).toBeNull();
  });

  it('validates params at load', () => {
    expect(guardParamProblems('clockNotExpired', {})).toHaveLength(1);
    expect(guardParamProblems('nope', {})[0]).toMatch(/^未知的条件「nope」/);
    expect(guardParamProblems('factNotSet', { fact: 'x' })).toEqual([]);
  });
});
