/**
 * 信访事项 (`petition`) as data, following the 信访工作条例 (2022): register, accept or decline
 * within 15 days, handle under a case leader with a case plan, reply within 60 days (extendable
 * once by 30 with the reason told to the petitioner), then 复查 and 复核 each requested within 30
 * days and decided within 30; after 复核 the same facts and reasons are not accepted again.
 */
import type { KindInput } from '../schema.ts';

const OUTCOME_FROM = ['replied', 'reviewed', 'second_reviewed'];

export const PETITION_KIND = {
  kind: 'petition',
  label: '信访事项',
  description:
    '信访事项按《信访工作条例》办理：登记、受理告知、包案办理、答复意见、复查复核、化解或终结。',
  states: [
    { id: 'registered', label: '已登记待受理' },
    { id: 'declined', label: '不予受理', terminal: true },
    { id: 'handling', label: '办理中' },
    { id: 'replied', label: '已出具答复意见' },
    { id: 'reviewing', label: '复查中' },
    { id: 'reviewed', label: '已出具复查意见' },
    { id: 'second_reviewing', label: '复核中' },
    { id: 'second_reviewed', label: '已出具复核意见' },
    { id: 'resolved', label: '已化解', terminal: true },
    { id: 'withdrawn', label: '息诉罢访', terminal: true },
    { id: 'concluded', label: '已终结', terminal: true },
  ],
  initial: {
    id: 'register',
    label: '登记',
    state: 'registered',
    roles: ['staff', 'dispatcher', 'admin'],
    fields: [
      { name: 'petitionerName', label: '信访人', type: 'string' },
      {
        name: 'channel',
        label: '信访形式',
        type: 'enum',
        options: ['来信', '来访', '网上信访', '电话'],
      },
      { name: 'content', label: '信访事项内容', type: 'text' },
    ],
  },
  transitions: [
    {
      id: 'accept',
      label: '受理告知',
      from: ['registered'],
      to: 'handling',
      roles: ['staff', 'dispatcher', 'leader'],
      fields: [
        { name: 'noticeDate', label: '告知日期', type: 'date' },
        { name: 'unitId', label: '承办单位', type: 'unit_id' },
      ],
      assign: { unit: 'unitId' },
      guards: [
        {
          name: 'factNotSet',
          params: { fact: 'sameFactsSecondReviewed' },
          message: '该信访人就同一事实和理由提出的信访事项已经复核，不再受理',
        },
      ],
    },
    {
      id: 'decline',
      label: '不予受理',
      from: ['registered'],
      to: 'declined',
      roles: ['staff', 'dispatcher', 'leader'],
      fields: [
        { name: 'declineReason', label: '不予受理理由', type: 'text' },
        { name: 'noticeDate', label: '告知日期', type: 'date' },
      ],
    },
    {
      id: 'plan',
      label: '包案（一案一策）',
      from: ['handling'],
      to: null,
      roles: ['leader'],
      fields: [
        { name: 'caseLeaderId', label: '包案领导', type: 'person_id', who: 'leadership' },
        { name: 'casePlan', label: '一案一策方案', type: 'text' },
      ],
      assign: { caseLeader: 'caseLeaderId' },
    },
    {
      id: 'handle',
      label: '办理',
      from: ['handling'],
      to: null,
      roles: ['case_leader', 'assignee'],
      fields: [{ name: 'progress', label: '办理情况', type: 'text' }],
      recordFields: false,
    },
    {
      id: 'extend',
      label: '延长办理期限',
      from: ['handling'],
      to: null,
      roles: ['leader'],
      fields: [
        { name: 'extensionReason', label: '延期理由', type: 'text' },
        { name: 'petitionerNotified', label: '已告知信访人延期理由', type: 'boolean' },
      ],
      increments: ['extension'],
      extendsClock: { clock: 'handle', by: { amount: 30, unit: 'calendar_days' } },
      guards: [
        {
          name: 'fieldTrue',
          params: { field: 'petitionerNotified' },
          message: '延长办理期限须告知信访人延期理由',
        },
        {
          name: 'counterBelow',
          params: { counter: 'extension', max: 1 },
          message: '办理期限只能延长一次',
        },
      ],
    },
    {
      id: 'reply',
      label: '出具答复意见',
      from: ['handling'],
      to: 'replied',
      roles: ['case_leader', 'leader'],
      fields: [
        { name: 'replyText', label: '答复意见', type: 'text' },
        { name: 'replyDate', label: '答复日期', type: 'date' },
        // The signed and sealed 答复意见书 as issued, scanned: the record behind the reply text.
        { name: 'replyDocument', label: '答复意见书（盖章扫描件）', type: 'file', required: false },
      ],
      guards: [
        {
          name: 'fieldPresent',
          params: { field: 'casePlan' },
          message: '请先确定包案领导并制定一案一策方案',
        },
      ],
    },
    {
      id: 'request_review',
      label: '申请复查',
      from: ['replied'],
      to: 'reviewing',
      roles: ['staff', 'dispatcher'],
      fields: [{ name: 'reviewRequest', label: '复查请求', type: 'text' }],
      guards: [
        {
          name: 'clockNotExpired',
          params: { clock: 'review_window' },
          message: '已超过申请复查期限（收到答复意见之日起30日）',
        },
      ],
    },
    {
      id: 'decide_review',
      label: '出具复查意见',
      from: ['reviewing'],
      to: 'reviewed',
      roles: ['leader'],
      fields: [{ name: 'reviewOpinion', label: '复查意见', type: 'text' }],
    },
    {
      id: 'request_second_review',
      label: '申请复核',
      from: ['reviewed'],
      to: 'second_reviewing',
      roles: ['staff', 'dispatcher'],
      fields: [{ name: 'secondReviewRequest', label: '复核请求', type: 'text' }],
      guards: [
        {
          name: 'clockNotExpired',
          params: { clock: 'second_review_window' },
          message: '已超过申请复核期限（收到复查意见之日起30日）',
        },
      ],
    },
    {
      id: 'decide_second_review',
      label: '出具复核意见',
      from: ['second_reviewing'],
      to: 'second_reviewed',
      // The county 信访 office decides 复核; the town's leader or admin records its decision
      // (county supervisors only read, DESIGN 2).
      roles: ['leader', 'admin'],
      fields: [{ name: 'secondReviewOpinion', label: '复核意见', type: 'text' }],
    },
    {
      id: 'resolve',
      label: '化解',
      from: OUTCOME_FROM,
      to: 'resolved',
      roles: ['leader', 'case_leader'],
      fields: [{ name: 'resolution', label: '化解情况', type: 'text' }],
    },
    {
      id: 'withdraw',
      label: '息诉罢访',
      from: OUTCOME_FROM,
      to: 'withdrawn',
      roles: ['leader', 'case_leader'],
      fields: [{ name: 'statement', label: '息诉罢访承诺', type: 'text' }],
    },
    {
      id: 'conclude',
      label: '终结',
      from: OUTCOME_FROM,
      to: 'concluded',
      roles: ['leader'],
      fields: [{ name: 'conclusionReason', label: '终结理由', type: 'text' }],
    },
  ],
  clocks: [
    {
      id: 'accept',
      label: '受理告知时限',
      startOn: ['register'],
      stopOn: ['accept', 'decline'],
      rule: { amount: 15, unit: 'calendar_days' },
    },
    {
      id: 'handle',
      label: '办理时限',
      startOn: ['accept'],
      stopOn: ['reply'],
      rule: { amount: 60, unit: 'calendar_days' },
    },
    {
      id: 'review_window',
      label: '申请复查期限',
      startOn: ['reply'],
      stopOn: ['request_review', 'resolve', 'withdraw', 'conclude'],
      rule: { amount: 30, unit: 'calendar_days' },
    },
    {
      id: 'review',
      label: '复查时限',
      startOn: ['request_review'],
      stopOn: ['decide_review'],
      rule: { amount: 30, unit: 'calendar_days' },
    },
    {
      id: 'second_review_window',
      label: '申请复核期限',
      startOn: ['decide_review'],
      stopOn: ['request_second_review', 'resolve', 'withdraw', 'conclude'],
      rule: { amount: 30, unit: 'calendar_days' },
    },
    {
      id: 'second_review',
      label: '复核时限',
      startOn: ['request_second_review'],
      stopOn: ['decide_second_review'],
      rule: { amount: 30, unit: 'calendar_days' },
    },
  ],
  // How its cases count: 受理告知 is the first response; the 包案领导 handles; the petitions
  // portfolio sees every case; the petitioner's 复查/复核 windows are no duty of the town.
  kpi: {
    responseClock: 'accept',
    completeClock: 'handle',
    closedStates: ['declined', 'resolved', 'withdrawn', 'concluded'],
    handler: { slot: 'caseLeader' },
    portfolio: 'petitions',
    passiveClocks: ['review_window', 'second_review_window'],
  },
  appeal: true,
  analysis: true,
  facts: {
    // 《信访工作条例》: after 复核, the same facts and reasons are not accepted again.
    sameFactsSecondReviewed: {
      lookup: 'sameCallerCategory',
      states: ['second_reviewed', 'concluded'],
    },
  },
  report: { label: '信访事项', object: '信访事项', partOfReceived: true },
} satisfies KindInput;
