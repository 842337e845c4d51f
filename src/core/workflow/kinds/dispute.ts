/**
 * 矛盾纠纷 (`dispute`) as data: screening registration, repeatable mediation sessions, then a
 * mediation agreement or referral (调解不成/移交), a follow-up visit and closing.
 */
import type { KindInput } from '../schema.ts';

export const DISPUTE_KIND = {
  kind: 'dispute',
  label: '矛盾纠纷',
  description: '矛盾纠纷排查化解：排查登记、调解、达成协议或移交、回访、结案。',
  states: [
    { id: 'registered', label: '已排查登记' },
    { id: 'mediating', label: '调解中' },
    { id: 'agreed', label: '已达成调解协议' },
    { id: 'referred', label: '已移交' },
    { id: 'followed_up', label: '已回访' },
    { id: 'closed', label: '已结案', terminal: true },
  ],
  initial: {
    id: 'register',
    label: '排查登记',
    state: 'registered',
    roles: ['village_cadre', 'staff'],
    fields: [
      {
        name: 'disputeType',
        label: '纠纷类型',
        type: 'enum',
        options: ['婚姻家庭', '邻里', '土地山林', '劳资', '物业', '其他'],
      },
      { name: 'parties', label: '当事人', type: 'string_list' },
      { name: 'content', label: '纠纷情况', type: 'text' },
    ],
  },
  transitions: [
    {
      id: 'mediate',
      label: '调解',
      from: ['registered', 'mediating'],
      to: 'mediating',
      roles: ['village_cadre', 'staff', 'assignee'],
      fields: [
        { name: 'sessionDate', label: '调解日期', type: 'date' },
        {
          name: 'venueVillageId',
          label: '调解地点（村、社区）',
          type: 'village_id',
          required: false,
        },
        { name: 'attendingParties', label: '参加调解当事人', type: 'string_list' },
        { name: 'sessionNote', label: '调解记录', type: 'text' },
      ],
      recordFields: false,
    },
    {
      id: 'agree',
      label: '达成调解协议',
      from: ['mediating'],
      to: 'agreed',
      roles: ['village_cadre', 'staff', 'assignee'],
      fields: [
        { name: 'agreementText', label: '调解协议内容', type: 'text' },
        { name: 'signedDate', label: '签订日期', type: 'date' },
        { name: 'settlementAmount', label: '协议金额', type: 'money', required: false },
        // The agreement as the parties signed it (the text above is only its content).
        { name: 'agreementScan', label: '调解协议书（签字扫描件）', type: 'file', required: false },
      ],
    },
    {
      id: 'refer',
      label: '调解不成移交',
      from: ['registered', 'mediating'],
      to: 'referred',
      roles: ['village_cadre', 'staff', 'leader'],
      fields: [
        { name: 'referralReason', label: '移交原因', type: 'text' },
        { name: 'referredTo', label: '移交单位', type: 'string' },
      ],
    },
    {
      id: 'follow_up',
      label: '回访',
      from: ['agreed', 'referred'],
      to: 'followed_up',
      roles: ['village_cadre', 'staff'],
      fields: [
        { name: 'followUpResult', label: '回访情况', type: 'text' },
        { name: 'fulfilled', label: '协议已履行或已妥善处理', type: 'boolean' },
      ],
    },
    {
      id: 'close',
      label: '结案',
      from: ['followed_up'],
      to: 'closed',
      roles: ['village_cadre', 'staff', 'leader'],
    },
  ],
  clocks: [
    {
      id: 'mediation',
      label: '调解时限',
      startOn: ['register'],
      stopOn: ['agree', 'refer'],
      rule: { amount: 30, unit: 'calendar_days' },
    },
    {
      id: 'follow_up',
      label: '回访时限',
      startOn: ['agree', 'refer'],
      stopOn: ['follow_up'],
      rule: { amount: 15, unit: 'working_days' },
    },
  ],
  // How its cases count: registration on the spot is the response; 政法 sees every case.
  kpi: {
    responseClock: null,
    completeClock: 'mediation',
    closedStates: ['closed'],
    handler: { intake: true },
    portfolio: 'politics_law',
    solvedField: 'fulfilled',
  },
  appeal: true,
  analysis: true,
  report: { label: '矛盾纠纷', object: '矛盾纠纷', partOfReceived: true },
} satisfies KindInput;
