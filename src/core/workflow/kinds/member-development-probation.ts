/**
 * The 预备党员's steps of 发展党员: 入党宣誓, 转正讨论 after the one-year 预备期, and 延长预备期
 * (党章第七条, 细则第三十三条: once, no less than half a year and no more than a year, counted
 * from the first end), which moves the 转正 clock to the new end and holds 转正 until then.
 * Also the step helpers the kind shares (member-development.ts).
 */
import type { KindInput } from '../schema.ts';

export const MANAGERS = ['admin', 'leader', 'portfolio_leader', 'staff'] as const;

/** A dated step that stays in its stage (谈话, 政治审查 …): its date may not lie ahead. */
export const dated = (field: string) => ({ name: 'notInFuture', params: { field } });
export const requires = (field: string, message: string) => ({
  name: 'fieldPresent',
  params: { field },
  message,
});

export const PROBATION_STEPS = [
  {
    id: 'oath',
    label: '入党宣誓',
    from: ['probationary'],
    to: null,
    roles: [...MANAGERS],
    fields: [{ name: 'oathOn', label: '宣誓日期', type: 'date' }],
    guards: [dated('oathOn')],
  },
  {
    id: 'confirm',
    label: '转正讨论',
    from: ['probationary'],
    to: 'full',
    roles: [...MANAGERS],
    fields: [{ name: 'confirmedOn', label: '支部大会讨论转正日期', type: 'date' }],
    guards: [
      requires('oathOn', '须先组织预备党员入党宣誓'),
      dated('confirmedOn'),
      {
        name: 'minPeriod',
        params: {
          since: 'meetingOn',
          until: 'confirmedOn',
          period: { years: 1 },
          rule: '预备期为一年，自支部大会通过之日算起，期满方可转为正式党员',
        },
      },
      {
        name: 'dateWithin',
        params: {
          since: 'probationEndsOn',
          until: 'confirmedOn',
          whenRecorded: true,
          rule: '延长预备期的，延长期满方可讨论转为正式党员',
        },
      },
    ],
  },
  {
    // 党章第七条、细则第三十三条: 需要继续考察和教育的，可以延长预备期，但不能超过一年（不少于
    // 半年），只能延长一次. Decided by the branch meeting once the year is over, counted from the
    // first end of the 预备期; the 转正 clock then runs to the new end.
    id: 'extend_probation',
    label: '延长预备期',
    from: ['probationary'],
    to: null,
    optional: true,
    roles: [...MANAGERS],
    fields: [
      { name: 'extendedOn', label: '支部大会讨论延长日期', type: 'date' },
      { name: 'probationEndsOn', label: '延长后预备期满日期', type: 'date' },
      { name: 'extensionReason', label: '延长原因', type: 'text' },
    ],
    increments: ['probation_extensions'],
    extendsClock: { clock: 'probation', toField: 'probationEndsOn' },
    guards: [
      {
        name: 'counterBelow',
        params: { counter: 'probation_extensions', max: 1 },
        message: '预备期只能延长一次，延长期满须讨论转正或终止发展',
      },
      dated('extendedOn'),
      {
        name: 'minPeriod',
        params: {
          since: 'meetingOn',
          until: 'extendedOn',
          period: { years: 1 },
          rule: '预备期满时由支部大会讨论转正或延长预备期',
        },
      },
      {
        name: 'dateWithin',
        params: {
          since: 'meetingOn',
          until: 'probationEndsOn',
          min: { months: 18 },
          max: { years: 2 },
          chosen: true,
          rule: '延长预备期不能少于半年，最长不超过一年',
          untilLabel: '延长后预备期满日期',
        },
      },
    ],
  },
] satisfies KindInput['transitions'];
