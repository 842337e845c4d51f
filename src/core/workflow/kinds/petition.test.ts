import { describe, expect, it } from 'vitest';
import { InvalidTransition } from '../../errors.ts';
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

const petition = kindByName('petition')!;
const clerk = actor('s1', 'staff');
const leader = actor('l1', 'leader');
const caseLeader = actor('l2', 'leader', 'case_leader');
const admin = actor('a1', 'admin');
const county = actor('x1', 'county_supervisor');
const register = () =>
  opened(petition, clerk, '2025-09-25T10:00', {
    petitionerName: '张某',
    channel: '来访',
    content: '反映宅基地确权争议',
  });
const accept: Step = {
  action: 'accept',
  by: clerk,
  at: '2025-09-28T09:00',
  payload: { noticeDate: '2025-09-28', unitId: 'u-land' },
};
const plan: Step = {
  action: 'plan',
  by: leader,
  at: '2025-09-29T09:00',
  payload: { caseLeaderId: 'p-l2', casePlan: '组织实地勘界，召开协调会' },
};
const reply: Step = {
  action: 'reply',
  by: caseLeader,
  at: '2025-11-20T10:00',
  payload: { replyText: '依法维持原确权结果', replyDate: '2025-11-20' },
};
const notified = (yes: boolean): Step => ({
  action: 'extend',
  by: leader,
  at: '2025-11-01T09:00',
  payload: { extensionReason: '需县自然资源局测绘', petitionerNotified: yes },
});

describe('petition (信访) workflow', () => {
  it('starts the 15-day acceptance limit at registration and the 60-day handling limit at acceptance', () => {
    const registered = register();
    expect(registered.deadlines.accept?.dueAt).toEqual(bj('2025-10-10T23:59:59.999'));
    const accepted = last(walk(petition, registered, [accept]));
    expect(accepted.deadlineChanges).toMatchObject([
      { clock: 'accept', op: 'stop', onTime: true },
      { clock: 'handle', op: 'start', dueAt: bj('2025-11-27T23:59:59.999') },
    ]);
    expect(accepted.next.assignment).toEqual({ unit: 'u-land' });
  });

  it('declines with a reason, which ends the matter', () => {
    const declined = last(
      walk(petition, register(), [
        {
          action: 'decline',
          by: clerk,
          at: '2025-09-26T09:00',
          payload: { declineReason: '属诉讼程序', noticeDate: '2025-09-26' },
        },
      ]),
    );
    expect(declined.state).toBe('declined');
    expect(
      availableTransitions(petition, declined.next, leader, { at: bj('2025-09-27T09:00') }),
    ).toEqual([]);
  });

  it('requires a case leader and case plan before the reply', () => {
    const handling = last(walk(petition, register(), [accept])).next;
    const early = errorOf(
      fireTransition(
        petition,
        handling,
        caseLeader,
        'reply',
        { replyText: 'x', replyDate: '2025-10-01' },
        opts('2025-10-01T09:00'),
      ),
    );
    expect(early).toBeInstanceOf(InvalidTransition);
    expect(early.detail).toBe('请先确定包案领导并制定一案一策方案');
    const planned = last(walk(petition, handling, [plan])).next;
    expect(planned.assignment).toEqual({ unit: 'u-land', caseLeader: 'p-l2' });
    expect(planned.state).toBe('handling');
  });

  it('extends the handling limit once by 30 days, only with the reason told to the petitioner', () => {
    const handling = last(walk(petition, register(), [accept, plan])).next;
    const untold = errorOf(
      fireTransition(
        petition,
        handling,
        leader,
        'extend',
        notified(false).payload!,
        opts('2025-11-01T09:00'),
      ),
    );
    expect(untold.detail).toBe('延长办理期限须告知信访人延期理由');
    const extended = last(walk(petition, handling, [notified(true)]));
    expect(extended.next.deadlines.handle?.dueAt).toEqual(bj('2025-12-27T23:59:59.999'));
    const again = errorOf(
      fireTransition(
        petition,
        extended.next,
        leader,
        'extend',
        notified(true).payload!,
        opts('2025-11-02T09:00'),
      ),
    );
    expect(again).toBeInstanceOf(InvalidTransition);
    expect(again.detail).toBe('办理期限只能延长一次');
  });

  it('runs review and second review within their windows, then concludes', () => {
    const outcomes = walk(petition, register(), [
      accept,
      plan,
      {
        action: 'handle',
        by: caseLeader,
        at: '2025-10-10T09:00',
        payload: { progress: '已实地勘界' },
      },
      reply,
      {
        action: 'request_review',
        by: clerk,
        at: '2025-12-01T09:00',
        payload: { reviewRequest: '不服答复意见' },
      },
      {
        action: 'decide_review',
        by: leader,
        at: '2025-12-20T09:00',
        payload: { reviewOpinion: '维持答复意见' },
      },
    ]);
    const reviewed = last(outcomes).next;
    expect(outcomes[3]?.next.deadlines.review_window?.dueAt).toEqual(bj('2025-12-20T23:59:59.999'));
    expect(outcomes[4]?.next.deadlines.review?.dueAt).toEqual(bj('2025-12-31T23:59:59.999'));
    expect(reviewed.deadlines.second_review_window?.dueAt).toEqual(bj('2026-01-19T23:59:59.999'));
    const late = errorOf(
      fireTransition(
        petition,
        reviewed,
        clerk,
        'request_second_review',
        { secondReviewRequest: '不服' },
        opts('2026-01-25T09:00'),
      ),
    );
    expect(late.detail).toBe('已超过申请复核期限（收到复查意见之日起30日）');
    const secondReviewing = last(
      walk(petition, reviewed, [
        {
          action: 'request_second_review',
          by: clerk,
          at: '2026-01-10T09:00',
          payload: { secondReviewRequest: '不服复查意见' },
        },
      ]),
    ).next;
    // County supervisors only read; the town records the county office's 复核 decision.
    expect(
      errorOf(
        fireTransition(
          petition,
          secondReviewing,
          county,
          'decide_second_review',
          { secondReviewOpinion: '维持' },
          opts('2026-02-05T09:00'),
        ),
      ).code,
    ).toBe('forbidden');
    const concluded = walk(petition, reviewed, [
      {
        action: 'request_second_review',
        by: clerk,
        at: '2026-01-10T09:00',
        payload: { secondReviewRequest: '不服复查意见' },
      },
      {
        action: 'decide_second_review',
        by: admin,
        at: '2026-02-05T09:00',
        payload: { secondReviewOpinion: '维持' },
      },
      {
        action: 'conclude',
        by: leader,
        at: '2026-02-06T09:00',
        payload: { conclusionReason: '复核终结' },
      },
    ]);
    expect(last(concluded).state).toBe('concluded');
  });

  it('refuses a review requested after 30 days from the reply', () => {
    const replied = last(walk(petition, register(), [accept, plan, reply])).next;
    const late = errorOf(
      fireTransition(
        petition,
        replied,
        clerk,
        'request_review',
        { reviewRequest: '不服' },
        opts('2025-12-21T09:00'),
      ),
    );
    expect(late).toBeInstanceOf(InvalidTransition);
    expect(late.detail).toBe('已超过申请复查期限（收到答复意见之日起30日）');
  });

  it('ends in 化解 or 息诉罢访', () => {
    const replied = last(walk(petition, register(), [accept, plan, reply])).next;
    const resolved = walk(petition, replied, [
      {
        action: 'resolve',
        by: caseLeader,
        at: '2025-11-25T09:00',
        payload: { resolution: '双方达成一致' },
      },
    ]);
    expect(last(resolved).state).toBe('resolved');
    expect(last(resolved).deadlineChanges).toMatchObject([{ clock: 'review_window', op: 'stop' }]);
    const withdrawn = walk(petition, replied, [
      {
        action: 'withdraw',
        by: leader,
        at: '2025-11-25T09:00',
        payload: { statement: '信访人书面承诺息诉罢访' },
      },
    ]);
    expect(last(withdrawn).state).toBe('withdrawn');
  });

  it('does not accept again the same facts and reasons after a second review', () => {
    const result = fireTransition(
      petition,
      register(),
      clerk,
      'accept',
      accept.payload!,
      opts('2025-09-28T09:00', { facts: { sameFactsSecondReviewed: true } }),
    );
    expect(errorOf(result)).toBeInstanceOf(InvalidTransition);
    expect(errorOf(result).detail).toBe('该信访人就同一事实和理由提出的信访事项已经复核，不再受理');
    const buttons = availableTransitions(petition, register(), clerk, {
      at: bj('2025-09-28T09:00'),
      facts: { sameFactsSecondReviewed: true },
    });
    expect(buttons.find((b) => b.id === 'accept')).toMatchObject({ enabled: false });
  });
});
