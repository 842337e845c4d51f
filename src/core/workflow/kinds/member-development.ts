/**
 * 发展党员 (`member_development`) as data: 入党申请人 → 入党积极分子 → 发展对象 → 预备党员 →
 * 正式党员, the steps each stage requires (谈话, 培养联系人, 政治审查, 公示, 支部大会讨论,
 * 上级党委审批, 入党宣誓, 转正讨论) as guards, the minimum periods as `minPeriod` guards and the
 * duty deadlines as clocks; the 预备期's steps (入党宣誓, 转正, 延长预备期) are in
 * member-development-probation.ts. It is no appeal: never in 三率, Open311 or appeal analysis.
 * Rules: 党章第一条、第七条; 《中国共产党发展党员工作细则》第八、十三、二十、二十九、三十三条.
 */
import type { KindInput } from '../schema.ts';
import { dated, MANAGERS, PROBATION_STEPS, requires } from './member-development-probation.ts';

const ACTIVE = ['applicant', 'activist', 'candidate', 'probationary'];

export const MEMBER_DEVELOPMENT_KIND = {
  kind: 'member_development',
  label: '发展党员',
  description: '发展党员五个阶段、各阶段必经程序和最短期限，按党支部管理。',
  states: [
    { id: 'applicant', label: '入党申请人' },
    { id: 'activist', label: '入党积极分子' },
    { id: 'candidate', label: '发展对象' },
    { id: 'probationary', label: '预备党员' },
    { id: 'full', label: '正式党员', terminal: true },
    { id: 'stopped', label: '终止发展', terminal: true },
  ],
  initial: {
    id: 'apply',
    label: '登记入党申请',
    state: 'applicant',
    roles: [...MANAGERS],
    fields: [
      { name: 'personName', label: '姓名', type: 'string' },
      { name: 'birthDate', label: '出生日期', type: 'date' },
      { name: 'branchId', label: '所在党支部', type: 'unit_id' },
      { name: 'appliedOn', label: '递交入党申请书日期', type: 'date' },
      { name: 'occupation', label: '职业/身份', type: 'string', required: false },
    ],
    guards: [
      dated('appliedOn'),
      {
        name: 'minPeriod',
        params: {
          since: 'birthDate',
          until: 'appliedOn',
          period: { years: 18 },
          rule: '年满十八周岁方可申请入党',
        },
      },
    ],
  },
  transitions: [
    {
      id: 'talk',
      label: '谈话',
      from: ['applicant'],
      to: null,
      roles: [...MANAGERS],
      fields: [
        { name: 'talkedOn', label: '谈话日期', type: 'date' },
        { name: 'talkedBy', label: '谈话人', type: 'string' },
      ],
      guards: [dated('talkedOn')],
    },
    {
      id: 'make_activist',
      label: '确定为入党积极分子',
      from: ['applicant'],
      to: 'activist',
      roles: [...MANAGERS],
      fields: [{ name: 'activistOn', label: '确定为入党积极分子日期', type: 'date' }],
      guards: [requires('talkedOn', '须先派人同入党申请人谈话'), dated('activistOn')],
    },
    {
      id: 'assign_sponsor',
      label: '指定培养联系人',
      from: ['activist'],
      to: null,
      roles: [...MANAGERS],
      fields: [
        { name: 'sponsorNames', label: '培养联系人', type: 'string_list' },
        { name: 'sponsoredOn', label: '指定日期', type: 'date' },
      ],
      guards: [dated('sponsoredOn')],
    },
    {
      id: 'make_candidate',
      label: '确定为发展对象',
      from: ['activist'],
      to: 'candidate',
      roles: [...MANAGERS],
      fields: [{ name: 'candidateOn', label: '确定为发展对象日期', type: 'date' }],
      guards: [
        requires('sponsorNames', '须先为入党积极分子指定培养联系人'),
        dated('candidateOn'),
        {
          name: 'minPeriod',
          params: {
            since: 'activistOn',
            until: 'candidateOn',
            period: { years: 1 },
            rule: '入党积极分子经过一年以上培养教育和考察方可列为发展对象',
          },
        },
      ],
    },
    {
      id: 'political_review',
      label: '政治审查',
      from: ['candidate'],
      to: null,
      roles: [...MANAGERS],
      fields: [
        { name: 'reviewedOn', label: '政治审查日期', type: 'date' },
        { name: 'reviewResult', label: '审查结论', type: 'enum', options: ['合格', '不合格'] },
      ],
      guards: [dated('reviewedOn')],
    },
    {
      id: 'publicize',
      label: '公示',
      from: ['candidate'],
      to: null,
      roles: [...MANAGERS],
      fields: [
        { name: 'publicFrom', label: '公示开始日期', type: 'date' },
        { name: 'publicTo', label: '公示结束日期', type: 'date' },
      ],
      guards: [
        {
          name: 'minPeriod',
          params: {
            since: 'publicFrom',
            until: 'publicTo',
            period: { days: 5 },
            rule: '发展对象公示期不少于5天',
          },
        },
      ],
    },
    {
      id: 'branch_meeting',
      label: '支部大会讨论',
      from: ['candidate'],
      to: null,
      roles: [...MANAGERS],
      fields: [
        { name: 'meetingOn', label: '支部大会日期', type: 'date' },
        { name: 'meetingResolution', label: '大会决议', type: 'text', required: false },
      ],
      guards: [
        {
          name: 'fieldEquals',
          params: { field: 'reviewResult', values: ['合格'] },
          message: '政治审查合格后方可提交支部大会讨论',
        },
        requires('publicTo', '须先对发展对象进行公示'),
        dated('meetingOn'),
      ],
    },
    {
      id: 'approve',
      label: '上级党委审批',
      from: ['candidate'],
      to: 'probationary',
      roles: [...MANAGERS],
      fields: [{ name: 'approvedOn', label: '审批日期', type: 'date' }],
      guards: [requires('meetingOn', '须先经支部大会讨论通过'), dated('approvedOn')],
    },
    ...PROBATION_STEPS,
    {
      id: 'stop',
      label: '终止发展',
      from: ACTIVE,
      to: 'stopped',
      roles: [...MANAGERS],
      fields: [
        { name: 'stoppedOn', label: '终止日期', type: 'date' },
        { name: 'stopReason', label: '终止原因', type: 'text' },
      ],
      guards: [dated('stoppedOn')],
    },
  ],
  clocks: [
    {
      // 细则第八条: 党组织收到入党申请书后，应当在一个月内派人同入党申请人谈话.
      id: 'talk',
      label: '谈话（收到申请后一个月内）',
      startOn: ['apply'],
      startField: 'appliedOn',
      // 确定为积极分子 needs the 谈话 first; it stops the clock too for rows imported from the ledger.
      stopOn: ['talk', 'make_activist', 'stop'],
      rule: { amount: 1, unit: 'calendar_months' },
    },
    {
      // Not a duty: the day the activist may first be considered as 发展对象.
      id: 'activist_period',
      label: '培养考察满一年',
      startOn: ['make_activist'],
      startField: 'activistOn',
      stopOn: ['make_candidate', 'stop'],
      rule: { amount: 12, unit: 'calendar_months' },
    },
    {
      // 细则第二十九条: 上级党委应当在三个月内审批.
      id: 'approval',
      label: '上级党委审批（支部大会后三个月内）',
      startOn: ['branch_meeting'],
      startField: 'meetingOn',
      stopOn: ['approve', 'stop'],
      rule: { amount: 3, unit: 'calendar_months' },
    },
    {
      // 党章第七条: 预备期满，党支部应当及时讨论其能否转为正式党员.
      id: 'probation',
      label: '预备期满，及时讨论转正',
      startOn: ['approve'],
      startField: 'meetingOn',
      stopOn: ['confirm', 'stop'],
      rule: { amount: 12, unit: 'calendar_months' },
    },
  ],
  kpi: {
    responseClock: null,
    completeClock: null,
    closedStates: ['full', 'stopped'],
    handler: { intake: true },
    passiveClocks: ['activist_period'],
  },
  appeal: false,
  analysis: false,
  report: null,
} satisfies KindInput;
