/**
 * Party work as metric sources (issue 14): 发展党员 stage entries and stays (people at a stage on
 * a date), 三会一课 attendance seats and missing meetings, each declared like a ledger type
 * (fields and metrics in the catalogue's own vocabulary) whose rows are the view
 * `party_metric_row` (migrations 0024, 0026, 0028) instead of `ledger_record` — missing meetings
 * the function `party_meeting_gap_rows(as_of)` (migration 0028), as of the caller's day. The metrics page, the
 * report composer and the drill-down treat them as any ledger metric: every figure is a count
 * over rows a reader can list.
 */
import {
  choice,
  count,
  date,
  eq,
  flag,
  ledger,
  say,
  text,
  unit,
} from '../ledger/catalogue/build.ts';
import { loadLedgerCatalogue } from '../ledger/catalogue/index.ts';
import { memberStages } from '../ledger/catalogue/party.ts';
import type { LedgerType } from '../ledger/type.ts';
import { MEETING_TYPE_LABELS, MEETING_TYPES } from './meetings.ts';

/** The view the rows of these sources live in. */
export const PARTY_METRIC_TABLE = 'party_metric_row';
/** The source whose rows depend on the day: computed as of it, not stored in the view. */
export const PARTY_MEETING_GAP = 'party_meeting_gap';

const meetingTypes = MEETING_TYPES.map((t) => [t, MEETING_TYPE_LABELS[t]] as [string, string]);
const stages: [string, string][] = [...memberStages, ['stopped', '终止发展']];

export const partyMetricTypes: readonly LedgerType[] = loadLedgerCatalogue([
  ledger(
    {
      code: 'party_development_entry',
      name: '发展党员阶段进展',
      portfolio: 'organization',
      description:
        '发展党员流程中每人每进入一个阶段记一条（由发展党员流程自动生成，不能直接编辑）。',
      fields: [
        text('person_name', '姓名', { required: true }),
        unit('branch', '党支部', { required: true }),
        choice('stage', '进入阶段', stages, { required: true }),
        date('entered_on', '进入日期', { required: true }),
        text('step', '办理事项'),
      ],
      dateField: 'entered_on',
      unitField: 'branch',
    },
    (m) => [
      m.count('by_stage', '发展党员各阶段进入人数', '人', { groupBy: 'stage' }),
      m.count('activists', '新确定入党积极分子', '人', {
        filters: [eq('stage', 'activist')],
        phrase: say('确定', '入党积极分子', '名'),
      }),
      m.count('candidates', '新确定发展对象', '人', {
        filters: [eq('stage', 'candidate')],
        phrase: say('确定', '发展对象', '名'),
      }),
      m.count('probationary', '新发展预备党员', '人', {
        filters: [eq('stage', 'probationary')],
        phrase: say('发展', '预备党员', '名'),
      }),
      m.count('full', '预备党员转正', '人', {
        filters: [eq('stage', 'full')],
        phrase: say('按期转正', '预备党员', '名', { pattern: '{object}{verb}{n}' }),
      }),
    ],
  ),
  ledger(
    {
      code: 'party_development_stay',
      name: '发展党员各阶段在册人员',
      portfolio: 'organization',
      description:
        '发展党员流程中每人在每个阶段的一段时间（进入日期至进入下一阶段日期），用于统计某一日各阶段人数（自动生成）。',
      fields: [
        text('person_name', '姓名', { required: true }),
        unit('branch', '党支部', { required: true }),
        choice('stage', '所处阶段', stages, { required: true }),
        date('entered_on', '进入日期', { required: true }),
        date('left_on', '转入下一阶段日期'),
      ],
      dateField: 'entered_on',
      unitField: 'branch',
    },
    (m) => {
      // Stocks on the period's last day (年末 for a year): the people at the stage on that day.
      const atEnd = (slug: string, label: string, stage: string, object: string) =>
        m.count(slug, label, '人', {
          filters: [eq('stage', stage)],
          inForceUntil: 'left_on',
          phrase: say('有', object, '名', { trend: false }),
        });
      return [
        m.count('by_stage_at_end', '期末发展党员各阶段人数', '人', {
          groupBy: 'stage',
          inForceUntil: 'left_on',
        }),
        atEnd('applicants_at_end', '期末入党申请人人数', 'applicant', '入党申请人'),
        atEnd('activists_at_end', '期末入党积极分子人数', 'activist', '入党积极分子'),
        atEnd('candidates_at_end', '期末发展对象人数', 'candidate', '发展对象'),
        atEnd('probationary_at_end', '期末预备党员人数', 'probationary', '预备党员'),
      ];
    },
  ),
  ledger(
    {
      code: 'party_meeting_seat',
      name: '三会一课出勤',
      portfolio: 'organization',
      description:
        '三会一课和主题党日每名应到党员记一条（出席或缺席及原因；只登记了人数的会议按人数计）。',
      fields: [
        unit('branch', '党支部', { required: true }),
        date('held_on', '会议日期', { required: true }),
        choice('meeting_type', '会议类型', meetingTypes, { required: true }),
        text('topic', '会议主题'),
        text('member_name', '党员'),
        flag('present', '出席'),
        text('absence_reason', '缺席原因'),
      ],
      dateField: 'held_on',
      unitField: 'branch',
    },
    (m) => [
      m.rate('attendance_rate', '三会一课党员出勤率', [eq('present', true)], [], {
        phrase: say('达到', '党员参会率', undefined, { trend: false }),
      }),
    ],
  ),
  ledger(
    {
      code: PARTY_MEETING_GAP,
      name: '应开未开会议',
      portfolio: 'organization',
      description: '按本镇会议频次要求，党支部在已结束的月份或季度中少开的会议（自动计算）。',
      fields: [
        unit('branch', '党支部', { required: true }),
        choice('meeting_type', '会议类型', meetingTypes, { required: true }),
        choice('period', '要求频次', [
          ['month', '每月'],
          ['quarter', '每季度'],
        ]),
        date('period_start', '期间开始'),
        date('period_end', '期间结束', { required: true }),
        count('required', '应开次数', '次'),
        count('held', '已开次数', '次'),
        count('missing', '缺开次数', '次'),
      ],
      dateField: 'period_end',
      unitField: 'branch',
    },
    (m) => [
      m.sum('missing', '应开未开会议次数', '次', 'missing'),
      m.distinct('branches', '有缺开会议的党支部数', '个', 'branch'),
    ],
  ),
]);

export const isPartyMetricType = (code: string) => partyMetricTypes.some((t) => t.code === code);
