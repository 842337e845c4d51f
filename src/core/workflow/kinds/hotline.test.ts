import { describe, expect, it } from 'vitest';
import { Forbidden, InvalidInput, InvalidTransition } from '../../errors.ts';
import { availableTransitions, fireTransition } from '../engine.ts';
import {
  actor,
  bj,
  errorOf,
  last,
  opened,
  opts,
  walk,
  type Step,
} from '../../../testing/workflow.ts';
import { kindByName } from './index.ts';

const hotline = kindByName('hotline')!;
const dispatcher = actor('d1', 'staff', 'dispatcher');
const handler = actor('h1', 'staff', 'assignee');
const coHandler = actor('c1', 'village_cadre', 'co_handler');
const leader = actor('l1', 'leader');
const newOrder = (urgency = 'general') =>
  opened(hotline, dispatcher, '2025-09-30T09:00', { content: '小区停水三天' }, { urgency });
const dispatch: Step = {
  action: 'dispatch',
  by: dispatcher,
  at: '2025-09-30T09:30',
  payload: { unitId: 'u-water', coHandlerUnitIds: ['u-v1'] },
};
const claim: Step = { action: 'claim', by: handler, at: '2025-09-30T11:00' };
const reply = (at: string): Step => ({
  action: 'reply',
  by: handler,
  at,
  payload: { replyText: '已恢复供水', contacted: true },
});
const followUp = (at: string, satisfaction: string): Step => ({
  action: 'follow_up',
  by: dispatcher,
  at,
  payload: { satisfaction, solved: satisfaction !== '不满意' },
});
const reopen = (at: string): Step => ({
  action: 'reopen',
  by: dispatcher,
  at,
  payload: { reopenReason: '群众反映仍未解决' },
});

describe('hotline (12345) workflow', () => {
  it('opens in 待派单 with an intake event and version 1', () => {
    const order = newOrder();
    expect(order).toMatchObject({
      state: 'registered',
      version: 1,
      urgency: 'general',
      fields: { content: '小区停水三天' },
    });
  });

  it('walks the happy path: dispatch, claim, handle, reply, satisfied follow-up, close, archive', () => {
    const outcomes = walk(hotline, newOrder(), [
      dispatch,
      claim,
      {
        action: 'handle',
        by: coHandler,
        at: '2025-09-30T15:00',
        payload: { progress: '协办村已排查管网' },
      },
      reply('2025-10-02T10:00'),
      followUp('2025-10-03T10:00', '满意'),
      { action: 'close', by: dispatcher, at: '2025-10-03T10:05' },
      { action: 'archive', by: dispatcher, at: '2025-10-03T10:10' },
    ]);
    const [dispatched, claimed, handled, replied] = outcomes;
    expect(dispatched?.next.assignment).toEqual({ unit: 'u-water', coHandlers: ['u-v1'] });
    expect(dispatched?.deadlineChanges).toMatchObject([
      { clock: 'claim', op: 'start', dueAt: bj('2025-10-01T09:30') },
    ]);
    expect(claimed?.deadlineChanges).toMatchObject([
      { clock: 'claim', op: 'stop', onTime: true },
      { clock: 'complete', op: 'start', dueAt: bj('2025-10-07T23:59:59.999') },
    ]);
    expect(handled?.state).toBe('handling');
    expect(handled?.next.fields).not.toHaveProperty('progress');
    expect(handled?.event).toMatchObject({
      action: 'handle',
      from: 'handling',
      to: 'handling',
      actor: 'c1',
      payload: { progress: '协办村已排查管网' },
    });
    expect(replied?.deadlineChanges).toMatchObject([
      { clock: 'complete', op: 'stop', onTime: true },
    ]);
    const archived = last(outcomes).next;
    expect(archived).toMatchObject({ state: 'archived', version: 8 });
    expect(
      availableTransitions(hotline, archived, dispatcher, { at: bj('2025-10-04T09:00') }),
    ).toEqual([]);
  });

  it('gives urgent orders 2 clock hours to claim and complex ones 15 days to complete', () => {
    const [urgent] = walk(hotline, newOrder('urgent'), [dispatch]);
    expect(urgent?.next.deadlines.claim?.dueAt).toEqual(bj('2025-09-30T11:30'));
    const complex = walk(hotline, newOrder('complex'), [dispatch, claim]);
    expect(last(complex).next.deadlines.complete?.dueAt).toEqual(bj('2025-10-15T23:59:59.999'));
  });

  it('returns to dispatch with reason and basis, then is reassigned with a fresh claim clock', () => {
    const outcomes = walk(hotline, newOrder(), [
      dispatch,
      {
        action: 'return',
        by: handler,
        at: '2025-09-30T10:00',
        payload: { reason: '不属本单位职责', basis: '三定方案' },
      },
      {
        action: 'reassign',
        by: dispatcher,
        at: '2025-09-30T10:30',
        payload: { unitId: 'u-town-office', reason: '按职责改派' },
      },
    ]);
    expect(outcomes[1]?.next).toMatchObject({ state: 'returned', assignment: {} });
    expect(last(outcomes).next).toMatchObject({
      state: 'dispatched',
      assignment: { unit: 'u-town-office' },
    });
    expect(last(outcomes).next.deadlines.claim).toMatchObject({
      startedAt: bj('2025-09-30T10:30'),
      dueAt: bj('2025-10-01T10:30'),
      stoppedAt: null,
    });
  });

  it('lets a leader adjudicate a disputed order to the owning unit', () => {
    const outcomes = walk(hotline, newOrder(), [
      dispatch,
      {
        action: 'return',
        by: handler,
        at: '2025-09-30T10:00',
        payload: { reason: '应由村委会办理', basis: '村规民约' },
      },
      {
        action: 'adjudicate',
        by: leader,
        at: '2025-09-30T16:00',
        payload: { unitId: 'u-water', basis: '供水设施属水务站管理' },
      },
    ]);
    expect(last(outcomes).next).toMatchObject({
      state: 'dispatched',
      assignment: { unit: 'u-water' },
    });
  });

  it('extends the completion deadline after approval and rejects a date before the current one', () => {
    const handling = last(walk(hotline, newOrder(), [dispatch, claim])).next;
    const requested = last(
      walk(hotline, handling, [
        {
          action: 'request_extension',
          by: handler,
          at: '2025-10-05T09:00',
          payload: { extensionReason: '需更换主管道', requestedDueDate: '2025-10-15' },
        },
      ]),
    ).next;
    const early = fireTransition(
      hotline,
      requested,
      leader,
      'approve_extension',
      { newDueDate: '2025-10-06' },
      opts('2025-10-05T10:00'),
    );
    expect(errorOf(early)).toBeInstanceOf(InvalidInput);
    expect(errorOf(early).detail).toBe('批准延至须晚于当前期限');
    const approved = last(
      walk(hotline, requested, [
        {
          action: 'approve_extension',
          by: leader,
          at: '2025-10-05T10:00',
          payload: { newDueDate: '2025-10-15' },
        },
      ]),
    );
    expect(approved.next.deadlines.complete).toMatchObject({
      dueAt: bj('2025-10-15T23:59:59.999'),
      extensions: 1,
    });
    expect(approved.deadlineChanges).toMatchObject([
      { op: 'extend', previousDueAt: bj('2025-10-07T23:59:59.999') },
    ]);
    expect(approved.counters.extension).toBe(1);
    const rejected = walk(hotline, requested, [
      {
        action: 'reject_extension',
        by: leader,
        at: '2025-10-05T10:00',
        payload: { rejectReason: '可先临时供水' },
      },
    ]);
    expect(last(rejected).next.deadlines.complete?.dueAt).toEqual(bj('2025-10-07T23:59:59.999'));
  });

  it('reopens an unsatisfied order at most twice, then can only close it as unsatisfied', () => {
    const cycle = (day: string): Step[] => [
      reopen(`${day}T09:00`),
      reply(`${day}T15:00`),
      followUp(`${day}T16:00`, '不满意'),
    ];
    const outcomes = walk(hotline, newOrder(), [
      dispatch,
      claim,
      reply('2025-10-02T10:00'),
      followUp('2025-10-03T10:00', '不满意'),
      ...cycle('2025-10-09'),
      ...cycle('2025-10-10'),
    ]);
    const exhausted = last(outcomes).next;
    expect(exhausted.counters.reopen).toBe(2);
    expect(outcomes[4]?.deadlineChanges).toMatchObject([
      { clock: 'complete', op: 'start', dueAt: bj('2025-10-16T23:59:59.999') },
    ]);
    const third = fireTransition(
      hotline,
      exhausted,
      dispatcher,
      'reopen',
      { reopenReason: '仍不满意' },
      opts('2025-10-11T09:00'),
    );
    expect(errorOf(third)).toBeInstanceOf(InvalidTransition);
    expect(errorOf(third).detail).toBe('该工单重办次数已达上限，只能按不满意办结');
    const buttons = availableTransitions(hotline, exhausted, dispatcher, {
      at: bj('2025-10-11T09:00'),
    });
    expect(buttons.map((b) => [b.id, b.enabled])).toEqual([
      ['reopen', false],
      ['close', true],
    ]);
    const closed = last(
      walk(hotline, exhausted, [{ action: 'close', by: dispatcher, at: '2025-10-11T09:00' }]),
    ).next;
    expect(closed).toMatchObject({
      state: 'closed',
      fields: { satisfaction: '不满意', solved: false },
    });
  });

  it('takes the reopen bound from the kind settings', () => {
    const strict = kindByName('hotline', { maxReopens: 0 })!;
    const unsatisfied = last(
      walk(strict, newOrder(), [
        dispatch,
        claim,
        reply('2025-10-02T10:00'),
        followUp('2025-10-03T10:00', '不满意'),
      ]),
    ).next;
    expect(
      errorOf(
        fireTransition(
          strict,
          unsatisfied,
          dispatcher,
          'reopen',
          { reopenReason: 'x' },
          opts('2025-10-03T11:00'),
        ),
      ),
    ).toBeInstanceOf(InvalidTransition);
  });

  it('does not reopen a satisfied order', () => {
    const satisfied = last(
      walk(hotline, newOrder(), [
        dispatch,
        claim,
        reply('2025-10-02T10:00'),
        followUp('2025-10-03T10:00', '基本满意'),
      ]),
    ).next;
    const result = fireTransition(
      hotline,
      satisfied,
      dispatcher,
      'reopen',
      { reopenReason: 'x' },
      opts('2025-10-03T11:00'),
    );
    expect(errorOf(result).detail).toBe('只有回访不满意的工单才能重办');
  });

  it('merges a duplicate into a master order, which is terminal', () => {
    const merged = last(
      walk(hotline, newOrder(), [
        {
          action: 'merge',
          by: dispatcher,
          at: '2025-09-30T09:10',
          payload: { masterOrderId: 'RX2025-0001' },
        },
      ]),
    ).next;
    expect(merged).toMatchObject({ state: 'merged', fields: { masterOrderId: 'RX2025-0001' } });
    const after = fireTransition(
      hotline,
      merged,
      dispatcher,
      'dispatch',
      { unitId: 'u1' },
      opts('2025-09-30T09:20'),
    );
    expect(errorOf(after).detail).toBe('工单当前状态为「已合并」，不能执行「派单」');
  });

  it('refuses wrong state, wrong role and missing fields with the right error and Chinese text', () => {
    const order = newOrder();
    const wrongState = errorOf(
      fireTransition(hotline, order, handler, 'claim', {}, opts('2025-09-30T10:00')),
    );
    expect(wrongState).toBeInstanceOf(InvalidTransition);
    expect(wrongState.detail).toBe('工单当前状态为「待派单」，不能执行「签收」');
    const wrongRole = errorOf(
      fireTransition(
        hotline,
        order,
        handler,
        'dispatch',
        { unitId: 'u1' },
        opts('2025-09-30T10:00'),
      ),
    );
    expect(wrongRole).toBeInstanceOf(Forbidden);
    expect(wrongRole.detail).toBe('执行「派单」需要以下角色之一：接线员/派单员');
    const dispatched = last(walk(hotline, order, [dispatch])).next;
    const missing = errorOf(
      fireTransition(
        hotline,
        dispatched,
        handler,
        'return',
        { reason: '' },
        opts('2025-09-30T10:00'),
      ),
    );
    expect(missing).toBeInstanceOf(InvalidInput);
    expect(missing.errors).toEqual([
      { path: 'payload.reason', label: '退单理由', message: '请填写退单理由' },
      { path: 'payload.basis', label: '退单依据', message: '请填写退单依据' },
    ]);
    expect(missing.detail).toBe('「退单」填写有误：请填写退单理由；请填写退单依据');
    const unknown = errorOf(
      fireTransition(hotline, dispatched, handler, 'teleport', {}, opts('2025-09-30T10:00')),
    );
    expect(unknown).toBeInstanceOf(InvalidTransition);
  });

  it('lists only the actions the actor may take in the current state', () => {
    const dispatched = last(walk(hotline, newOrder(), [dispatch])).next;
    const at = { at: bj('2025-09-30T10:00') };
    expect(availableTransitions(hotline, dispatched, handler, at).map((a) => a.id)).toEqual([
      'claim',
      'return',
    ]);
    expect(availableTransitions(hotline, dispatched, dispatcher, at).map((a) => a.id)).toEqual([
      'reassign',
      'merge',
    ]);
    expect(availableTransitions(hotline, dispatched, coHandler, at)).toEqual([]);
  });
});
