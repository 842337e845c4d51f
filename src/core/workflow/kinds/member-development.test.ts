import { describe, expect, it } from 'vitest';
import { InvalidTransition } from '../../errors.ts';
import { availableTransitions, fireTransition, openAppeal } from '../engine.ts';
import { actor, errorOf, last, opened, opts, walk, type Step } from '../../../testing/workflow.ts';
import { ANALYSIS_KIND_NAMES, APPEAL_KIND_NAMES, kindByName } from './index.ts';

const kind = kindByName('member_development')!;
const zuzhi = actor('u1', 'portfolio_leader');
const application = {
  personName: '林晓',
  birthDate: '2000-05-20',
  branchId: 'b1',
  appliedOn: '2024-03-01',
};
const step = (action: string, at: string, payload: Record<string, unknown>): Step => ({
  action,
  by: zuzhi,
  at,
  payload,
});
const toActivist = [
  step('talk', '2024-03-20T10:00', { talkedOn: '2024-03-20', talkedBy: '王组织' }),
  step('make_activist', '2024-06-01T10:00', { activistOn: '2024-06-01' }),
  step('assign_sponsor', '2024-06-05T10:00', {
    sponsorNames: ['李党员', '陈党员'],
    sponsoredOn: '2024-06-05',
  }),
];

describe('member development (发展党员) workflow', () => {
  it('is no appeal: absent from the appeal kinds (三率, Open311) and from analysis', () => {
    expect(kind.appeal).toBe(false);
    expect(APPEAL_KIND_NAMES).not.toContain('member_development');
    expect(ANALYSIS_KIND_NAMES).not.toContain('member_development');
  });

  it('refuses an application before 18, naming the rule and the earliest date', () => {
    const r = openAppeal(
      kind,
      zuzhi,
      { ...application, birthDate: '2006-09-10', appliedOn: '2024-09-09' },
      opts('2024-09-09T10:00'),
    );
    expect(errorOf(r).message).toBe(
      '不符合“年满十八周岁方可申请入党”的规定，最早可于2024年9月10日登记入党申请',
    );
    const ok = openAppeal(
      kind,
      zuzhi,
      { ...application, birthDate: '2006-09-10', appliedOn: '2024-09-10' },
      opts('2024-09-10T10:00'),
    );
    expect(ok.ok).toBe(true);
  });

  it('starts the one-month 谈话 clock from the application date', () => {
    const s = opened(kind, zuzhi, '2024-03-05T10:00', application);
    expect(s.deadlines.talk!.dueAt).toEqual(new Date('2024-04-01T23:59:59.999+08:00'));
  });

  it('requires 谈话 before 积极分子 and a sponsor before 发展对象', () => {
    const s = opened(kind, zuzhi, '2024-03-05T10:00', application);
    const early = fireTransition(
      kind,
      s,
      zuzhi,
      'make_activist',
      { activistOn: '2024-03-10' },
      opts('2024-03-10T10:00'),
    );
    expect(errorOf(early).message).toBe('须先派人同入党申请人谈话');
    const activist = last(walk(kind, s, toActivist.slice(0, 2))).next;
    const noSponsor = fireTransition(
      kind,
      activist,
      zuzhi,
      'make_candidate',
      { candidateOn: '2025-06-10' },
      opts('2025-06-10T10:00'),
    );
    expect(errorOf(noSponsor).message).toBe('须先为入党积极分子指定培养联系人');
  });

  it('holds 发展对象 until a full year as 积极分子, at the boundary day', () => {
    const activist = last(
      walk(kind, opened(kind, zuzhi, '2024-03-05T10:00', application), toActivist),
    ).next;
    const tooEarly = fireTransition(
      kind,
      activist,
      zuzhi,
      'make_candidate',
      { candidateOn: '2025-05-31' },
      opts('2025-05-31T10:00'),
    );
    const error = errorOf(tooEarly);
    expect(error).toBeInstanceOf(InvalidTransition);
    expect(error.message).toBe(
      '不符合“入党积极分子经过一年以上培养教育和考察方可列为发展对象”的规定，最早可于2025年6月1日确定为发展对象',
    );
    // The button says so too, before anything is filled in.
    const offered = availableTransitions(kind, activist, zuzhi, {
      at: new Date('2025-05-31T02:00:00Z'),
    });
    expect(offered.find((a) => a.id === 'make_candidate')).toMatchObject({ enabled: false });
    const onTime = fireTransition(
      kind,
      activist,
      zuzhi,
      'make_candidate',
      { candidateOn: '2025-06-01' },
      opts('2025-06-01T10:00'),
    );
    expect(onTime.ok && onTime.value.state).toBe('candidate');
    expect(activist.deadlines.activist_period!.dueAt).toEqual(
      new Date('2025-06-01T23:59:59.999+08:00'),
    );
  });

  it('refuses a date in the future', () => {
    const s = opened(kind, zuzhi, '2024-03-05T10:00', application);
    const r = fireTransition(
      kind,
      s,
      zuzhi,
      'talk',
      { talkedOn: '2024-03-06', talkedBy: '王' },
      opts('2024-03-05T10:00'),
    );
    expect(errorOf(r).message).toBe('「谈话」的日期不能晚于今天（2024年3月5日）');
  });

  it('walks review, publicity, meeting and approval, then holds 转正 for a one-year 预备期', () => {
    const activist = last(
      walk(kind, opened(kind, zuzhi, '2024-03-05T10:00', application), toActivist),
    ).next;
    const candidate = last(
      walk(kind, activist, [
        step('make_candidate', '2025-06-02T10:00', { candidateOn: '2025-06-02' }),
      ]),
    ).next;
    const noReview = fireTransition(
      kind,
      candidate,
      zuzhi,
      'branch_meeting',
      { meetingOn: '2025-07-01' },
      opts('2025-07-01T10:00'),
    );
    expect(errorOf(noReview).message).toBe('政治审查合格后方可提交支部大会讨论');
    const shortPublicity = fireTransition(
      kind,
      candidate,
      zuzhi,
      'publicize',
      { publicFrom: '2025-06-20', publicTo: '2025-06-22' },
      opts('2025-06-22T10:00'),
    );
    expect(errorOf(shortPublicity).message).toMatch(/公示期不少于5天.*最早可于2025年6月25日/);
    // Offered while both of its dates are still to be entered.
    const offered = availableTransitions(kind, candidate, zuzhi, {
      at: new Date('2025-06-03T02:00:00Z'),
    });
    expect(offered.find((a) => a.id === 'publicize')).toMatchObject({ enabled: true });
    const probationary = last(
      walk(kind, candidate, [
        step('political_review', '2025-06-15T10:00', {
          reviewedOn: '2025-06-15',
          reviewResult: '合格',
        }),
        step('publicize', '2025-06-26T10:00', { publicFrom: '2025-06-20', publicTo: '2025-06-26' }),
        step('branch_meeting', '2025-07-01T10:00', { meetingOn: '2025-07-01' }),
        step('approve', '2025-08-15T10:00', { approvedOn: '2025-08-15' }),
      ]),
    ).next;
    expect(probationary.state).toBe('probationary');
    expect(probationary.deadlines.probation!.dueAt).toEqual(
      new Date('2026-07-01T23:59:59.999+08:00'),
    );
    const noOath = fireTransition(
      kind,
      probationary,
      zuzhi,
      'confirm',
      { confirmedOn: '2026-07-01' },
      opts('2026-07-01T10:00'),
    );
    expect(errorOf(noOath).message).toBe('须先组织预备党员入党宣誓');
    const sworn = last(
      walk(kind, probationary, [step('oath', '2025-08-20T10:00', { oathOn: '2025-08-20' })]),
    ).next;
    const early = fireTransition(
      kind,
      sworn,
      zuzhi,
      'confirm',
      { confirmedOn: '2026-06-30' },
      opts('2026-06-30T10:00'),
    );
    expect(errorOf(early).message).toMatch(/预备期为一年.*最早可于2026年7月1日转正讨论/);
    const full = fireTransition(
      kind,
      sworn,
      zuzhi,
      'confirm',
      { confirmedOn: '2026-07-01' },
      opts('2026-07-01T10:00'),
    );
    expect(full.ok && full.value.state).toBe('full');
  });

  it('extends the 预备期 once, by half a year to a year from its first end, and moves 转正', () => {
    const sworn = swornProbationary(); // 支部大会 2025-07-01: the 预备期 first ends 2026-07-01
    const extend = (at: string, extendedOn: string, probationEndsOn: string, s = sworn) =>
      fireTransition(
        kind,
        s,
        zuzhi,
        'extend_probation',
        { extendedOn, probationEndsOn, extensionReason: '需要继续考察' },
        opts(`${at}T10:00`),
      );
    expect(errorOf(extend('2026-06-30', '2026-06-30', '2027-01-01')).message).toBe(
      '不符合“预备期满时由支部大会讨论转正或延长预备期”的规定，最早可于2026年7月1日延长预备期',
    );
    const rule = '不符合“延长预备期不能少于半年，最长不超过一年”的规定，延长后预备期满日期';
    expect(errorOf(extend('2026-07-03', '2026-07-03', '2026-12-31')).message).toBe(
      `${rule}不能早于2027年1月1日`,
    );
    expect(errorOf(extend('2026-07-03', '2026-07-03', '2027-07-02')).message).toBe(
      `${rule}不能晚于2027年7月1日`,
    );
    // The button waits for the year to end; the new end date is the user's to choose.
    const offered = (at: string) =>
      availableTransitions(kind, sworn, zuzhi, { at: new Date(`${at}T02:00:00Z`) }).find(
        (a) => a.id === 'extend_probation',
      );
    expect(offered('2026-06-30')).toMatchObject({ enabled: false });
    expect(offered('2026-07-01')).toMatchObject({ enabled: true });
    const longest = extend('2026-07-03', '2026-07-03', '2027-07-01');
    expect(longest.ok).toBe(true);
    const r = extend('2026-07-03', '2026-07-01', '2027-01-01');
    const extended = r.ok ? r.value.next : sworn;
    expect(extended.deadlines.probation).toMatchObject({
      dueAt: new Date('2027-01-01T23:59:59.999+08:00'),
      stoppedAt: null,
      extensions: 1,
    });
    expect(errorOf(extend('2027-01-01', '2027-01-01', '2027-07-01', extended)).message).toBe(
      '预备期只能延长一次，延长期满须讨论转正或终止发展',
    );
    const confirm = (on: string) =>
      fireTransition(kind, extended, zuzhi, 'confirm', { confirmedOn: on }, opts(`${on}T10:00`));
    expect(errorOf(confirm('2026-12-31')).message).toBe(
      '不符合“延长预备期的，延长期满方可讨论转为正式党员”的规定，最早可于2027年1月1日转正讨论',
    );
    const full = confirm('2027-01-01');
    expect(full.ok && full.value.state).toBe('full');
    expect(full.ok && full.value.next.deadlines.probation!.stoppedAt).not.toBeNull();
  });

  it('lets only the managing roles act; a village cadre (branch secretary) reads only', () => {
    const cadre = actor('u2', 'village_cadre');
    expect(openAppeal(kind, cadre, application, opts('2024-03-05T10:00')).ok).toBe(false);
  });
});

/** A sworn 预备党员 whose 支部大会 met on 2025-07-01. */
function swornProbationary() {
  const activist = last(
    walk(kind, opened(kind, zuzhi, '2024-03-05T10:00', application), toActivist),
  ).next;
  return last(
    walk(kind, activist, [
      step('make_candidate', '2025-06-02T10:00', { candidateOn: '2025-06-02' }),
      step('political_review', '2025-06-15T10:00', {
        reviewedOn: '2025-06-15',
        reviewResult: '合格',
      }),
      step('publicize', '2025-06-26T10:00', { publicFrom: '2025-06-20', publicTo: '2025-06-26' }),
      step('branch_meeting', '2025-07-01T10:00', { meetingOn: '2025-07-01' }),
      step('approve', '2025-08-15T10:00', { approvedOn: '2025-08-15' }),
      step('oath', '2025-08-20T10:00', { oathOn: '2025-08-20' }),
    ]),
  ).next;
}
