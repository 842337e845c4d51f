import { describe, expect, it } from 'vitest';
import { Forbidden, InvalidInput, InvalidTransition } from '../errors.ts';
import { availableTransitions, fireTransition, openAppeal, unwrap } from './engine.ts';
import { loadKind, type KindInput } from './schema.ts';
import { actor, bj, calendar, errorOf, last, walk } from '../../testing/workflow.ts';

/** A kind the engine has never seen, defined only as data: 物资借用 (equipment loan). */
const LOAN: KindInput = {
  kind: 'equipment_loan',
  label: '物资借用',
  urgencies: [
    { id: 'normal', label: '普通' },
    { id: 'flood', label: '防汛' },
  ],
  settings: { maxRenewals: 1 },
  states: [
    { id: 'requested', label: '已申请' },
    { id: 'lent', label: '已借出' },
    { id: 'returned', label: '已归还', terminal: true },
    { id: 'refused', label: '未批准', terminal: true },
  ],
  initial: {
    id: 'request',
    label: '申请借用',
    state: 'requested',
    roles: ['village_cadre'],
    fields: [{ name: 'items', label: '借用物资', type: 'string_list' }],
  },
  transitions: [
    {
      id: 'lend',
      label: '借出',
      from: ['requested'],
      to: 'lent',
      roles: ['staff'],
      fields: [{ name: 'keeperId', label: '保管人', type: 'person_id' }],
      assign: { keeper: 'keeperId' },
    },
    {
      id: 'refuse',
      label: '不批准',
      from: ['requested'],
      to: 'refused',
      roles: ['leader'],
      fields: [{ name: 'reason', label: '理由', type: 'text' }],
    },
    {
      id: 'renew',
      label: '续借',
      from: ['lent'],
      to: null,
      roles: ['reporter'],
      increments: ['renewal'],
      extendsClock: { clock: 'return', by: { amount: 3, unit: 'working_days' } },
      guards: [{ name: 'counterBelow', params: { counter: 'renewal', maxSetting: 'maxRenewals' } }],
    },
    {
      id: 'give_back',
      label: '归还',
      from: ['lent'],
      to: 'returned',
      roles: ['reporter', 'staff'],
    },
  ],
  clocks: [
    {
      id: 'return',
      label: '归还期限',
      startOn: ['lend'],
      stopOn: ['give_back'],
      rule: { amount: 5, unit: 'working_days' },
      byUrgency: { flood: { amount: 48, unit: 'clock_hours' } },
      byCategory: { 'pump.large': { amount: 16, unit: 'working_hours' } },
    },
  ],
  kpi: {
    responseClock: null,
    completeClock: 'return',
    closedStates: ['returned', 'refused'],
    handler: { slot: 'keeper' },
  },
  appeal: false,
  analysis: false,
};

const loan = loadKind(LOAN);
const cadre = actor('v1', 'village_cadre', 'reporter');
const keeper = actor('k1', 'staff');
const open = (extra: { urgency?: string; category?: string } = {}) =>
  unwrap(
    openAppeal(
      loan,
      cadre,
      { items: ['抽水泵'] },
      { at: bj('2025-09-29T09:00'), calendar, ...extra },
    ),
  ).next;

describe('engine with a kind defined only as data', () => {
  it('runs a new kind with its own states, clocks, guards and settings', () => {
    const outcomes = walk(loan, open(), [
      { action: 'lend', by: keeper, at: '2025-09-29T10:00', payload: { keeperId: 'p-k1' } },
      { action: 'renew', by: cadre, at: '2025-10-09T09:00' },
    ]);
    // Working days counted: 9/30, 10/9, 10/10, 10/11, 10/13.
    expect(outcomes[0]?.next.deadlines.return?.dueAt).toEqual(bj('2025-10-13T17:30'));
    expect(last(outcomes).next.deadlines.return?.dueAt).toEqual(bj('2025-10-16T17:30'));
    const again = fireTransition(
      loan,
      last(outcomes).next,
      cadre,
      'renew',
      {},
      { at: bj('2025-10-10T09:00'), calendar },
    );
    expect(errorOf(again)).toBeInstanceOf(InvalidTransition);
    expect(errorOf(again).detail).toBe('「续借」最多可执行1次，已执行1次');
    const back = walk(loan, last(outcomes).next, [
      { action: 'give_back', by: keeper, at: '2025-10-15T09:00' },
    ]);
    expect(last(back).deadlineChanges).toMatchObject([
      { clock: 'return', op: 'stop', onTime: true },
    ]);
  });

  it('chooses a category rule over an urgency rule over the default', () => {
    const lend = (snapshot: ReturnType<typeof open>) =>
      walk(loan, snapshot, [
        { action: 'lend', by: keeper, at: '2025-09-29T10:00', payload: { keeperId: 'p' } },
      ])[0]?.next.deadlines.return?.dueAt;
    expect(lend(open({ urgency: 'flood' }))).toEqual(bj('2025-10-01T10:00'));
    expect(lend(open({ urgency: 'flood', category: 'pump.large' }))).toEqual(
      bj('2025-10-09T12:00'),
    ); // 5.5 + 7 + 3.5 office hours
  });

  it('refuses to open for the wrong role, an unknown urgency or missing fields', () => {
    const at = { at: bj('2025-09-29T09:00'), calendar };
    expect(errorOf(openAppeal(loan, keeper, { items: ['x'] }, at))).toBeInstanceOf(Forbidden);
    expect(
      errorOf(openAppeal(loan, cadre, { items: ['x'] }, { ...at, urgency: 'general' })).detail,
    ).toBe('紧急程度应为以下之一：普通、防汛');
    const missing = errorOf(openAppeal(loan, cadre, {}, at));
    expect(missing).toBeInstanceOf(InvalidInput);
    expect(missing.errors).toEqual([
      { path: 'payload.items', label: '借用物资', message: '请填写借用物资' },
    ]);
  });

  it('records the event with actor, time, trimmed note and validated payload, and bumps the version', () => {
    const result = unwrap(
      fireTransition(
        loan,
        open(),
        keeper,
        'lend',
        { keeperId: 'p-k1', stray: 1 },
        { at: bj('2025-09-29T10:00'), calendar, note: '  当面交接  ' },
      ),
    );
    expect(result.event).toEqual({
      action: 'lend',
      label: '借出',
      from: 'requested',
      to: 'lent',
      actor: 'k1',
      at: bj('2025-09-29T10:00'),
      note: '当面交接',
      payload: { keeperId: 'p-k1' },
    });
    expect(result.next.version).toBe(2);
    expect(result.next.assignment).toEqual({ keeper: 'p-k1' });
  });

  it('passes on calendar warnings for years with no holiday data', () => {
    const late = unwrap(
      openAppeal(loan, cadre, { items: ['x'] }, { at: bj('2026-12-30T09:00'), calendar }),
    ).next;
    const lent = unwrap(
      fireTransition(
        loan,
        late,
        keeper,
        'lend',
        { keeperId: 'p' },
        { at: bj('2026-12-30T10:00'), calendar },
      ),
    );
    expect(lent.warnings).toEqual([
      '2027年的节假日安排尚未录入，期限按普通周末规则计算，请管理员补录工作日历',
    ]);
  });

  it('throws the domain error from unwrap and lists actions per actor', () => {
    expect(() =>
      unwrap(
        fireTransition(
          loan,
          open(),
          keeper,
          'give_back',
          {},
          { at: bj('2025-09-29T10:00'), calendar },
        ),
      ),
    ).toThrow('工单当前状态为「已申请」，不能执行「归还」');
    expect(
      availableTransitions(loan, open(), actor('l', 'leader', 'staff'), {
        at: bj('2025-09-29T10:00'),
      }).map((a) => a.id),
    ).toEqual(['lend', 'refuse']);
  });
});
