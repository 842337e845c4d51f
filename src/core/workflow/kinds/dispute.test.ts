import { describe, expect, it } from 'vitest';
import { Forbidden, InvalidInput } from '../../errors.ts';
import { fireTransition } from '../engine.ts';
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

const dispute = kindByName('dispute')!;
const cadre = actor('v1', 'village_cadre');
const registered = () =>
  opened(dispute, cadre, '2025-09-26T09:00', {
    disputeType: '邻里',
    parties: ['李某', '王某'],
    content: '排水沟堵塞引发纠纷',
  });
const session = (at: string): Step => ({
  action: 'mediate',
  by: cadre,
  at,
  payload: {
    sessionDate: at.slice(0, 10),
    attendingParties: ['李某', '王某'],
    sessionNote: '双方各自陈述',
  },
});

describe('dispute (矛盾纠纷) workflow', () => {
  it('mediates in repeated sessions, reaches an agreement, follows up and closes', () => {
    const outcomes = walk(dispute, registered(), [
      session('2025-09-27T09:00'),
      session('2025-09-29T09:00'),
      {
        action: 'agree',
        by: cadre,
        at: '2025-09-30T10:00',
        payload: { agreementText: '共同疏通排水沟', signedDate: '2025-09-30' },
      },
      {
        action: 'follow_up',
        by: cadre,
        at: '2025-10-20T10:00',
        payload: { followUpResult: '已履行', fulfilled: true },
      },
      { action: 'close', by: cadre, at: '2025-10-20T10:30' },
    ]);
    expect(outcomes.map((o) => o.state)).toEqual([
      'mediating',
      'mediating',
      'agreed',
      'followed_up',
      'closed',
    ]);
    expect(outcomes[1]?.event).toMatchObject({
      from: 'mediating',
      to: 'mediating',
      payload: { sessionNote: '双方各自陈述' },
    });
    // 15 working days after 30 September: skips 1–8 October, counts the make-up Saturday 11 October.
    expect(outcomes[2]?.next.deadlines.follow_up?.dueAt).toEqual(bj('2025-10-28T17:30'));
  });

  it('refers a dispute that mediation cannot settle', () => {
    const outcomes = walk(dispute, registered(), [
      session('2025-09-27T09:00'),
      {
        action: 'refer',
        by: cadre,
        at: '2025-09-28T10:00',
        payload: { referralReason: '调解不成', referredTo: '镇司法所' },
      },
      {
        action: 'follow_up',
        by: cadre,
        at: '2025-10-15T10:00',
        payload: { followUpResult: '司法所已受理', fulfilled: true },
      },
    ]);
    expect(outcomes[1]?.state).toBe('referred');
    expect(outcomes[1]?.deadlineChanges[0]).toMatchObject({
      clock: 'mediation',
      op: 'stop',
      onTime: true,
    });
    expect(last(outcomes).state).toBe('followed_up');
  });

  it('refuses an agreement by an outsider and one without its text', () => {
    const mediating = last(walk(dispute, registered(), [session('2025-09-27T09:00')])).next;
    expect(
      errorOf(
        fireTransition(
          dispute,
          mediating,
          actor('x', 'reporter'),
          'agree',
          {},
          opts('2025-09-28T09:00'),
        ),
      ),
    ).toBeInstanceOf(Forbidden);
    const missing = errorOf(
      fireTransition(
        dispute,
        mediating,
        cadre,
        'agree',
        { signedDate: '2025-09-28' },
        opts('2025-09-28T09:00'),
      ),
    );
    expect(missing).toBeInstanceOf(InvalidInput);
    expect(missing.errors.map((e) => e.label)).toEqual(['调解协议内容']);
  });
});
