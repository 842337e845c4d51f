/**
 * Catalogue: cadres' own records kept by the offices that manage them — study and training
 * (干部教育培训, organisation office), law study, exams and 述法 (学法用法, rule-of-law office),
 * and the integrity file (廉政档案: personal-matters reports, integrity talks, pledges; discipline
 * office). Each record names the cadre, so a duty report's 学习、法治、廉洁 parts cite their own.
 */
import type { LedgerTypeInput } from '../type.ts';
import {
  choice,
  count,
  date,
  decimal,
  eq,
  flag,
  ledger,
  longText,
  person,
  say,
  text,
} from './build.ts';

export const personalLedgers: LedgerTypeInput[] = [
  ledger(
    {
      code: 'cadre_study',
      name: '干部学习培训',
      portfolio: 'organization',
      description: '干部参加党校调训、专题培训班、网络学院学习和外出考察学习的记录，含学时。',
      fields: [
        person('cadre', '参训干部', { required: true }),
        text('course', '班次/课程名称', { required: true }),
        choice(
          'kind',
          '培训类别',
          [
            ['party_school', '党校调训'],
            ['special', '专题培训班'],
            ['online', '网络学院学习'],
            ['visit', '外出考察学习'],
          ],
          { required: true },
        ),
        text('organizer', '举办单位'),
        date('started_on', '开班日期', { required: true }),
        decimal('hours', '学时', '小时', { required: true, max: 400 }),
        flag('certified', '已结业'),
      ],
      dateField: 'started_on',
      personField: 'cadre',
    },
    (m) => [
      m.count('courses', '参加培训期数', '次', {
        phrase: say('参加', '各级调训和专题培训', '期'),
      }),
      m.sum('hours', '学习培训学时', '小时', 'hours', {
        phrase: say('累计完成', '学习培训', '学时'),
      }),
    ],
  ),
  ledger(
    {
      code: 'law_study',
      name: '学法用法',
      portfolio: 'politics_law',
      description: '干部参加学法考试、年度述法、旁听庭审和集中学法的记录。',
      fields: [
        person('cadre', '干部', { required: true }),
        choice(
          'kind',
          '类别',
          [
            ['exam', '学法考试'],
            ['report', '年度述法'],
            ['court', '旁听庭审'],
            ['session', '集中学法'],
          ],
          { required: true },
        ),
        date('held_on', '日期', { required: true }),
        text('subject', '内容', { required: true }),
        decimal('score', '考试成绩', '分', { max: 100 }),
        flag('passed', '考试合格'),
      ],
      dateField: 'held_on',
      personField: 'cadre',
    },
    (m) => [
      m.count('exams', '参加学法考试次数', '次', {
        filters: [eq('kind', 'exam')],
        phrase: say('参加', '学法考试', '次'),
      }),
      m.count('exams_passed', '学法考试合格次数', '次', {
        filters: [eq('kind', 'exam'), eq('passed', true)],
        phrase: say('', '考试合格', '次'),
      }),
      m.count('reports', '述法次数', '次', {
        filters: [eq('kind', 'report')],
        phrase: say('', '述法', '次'),
      }),
      m.count('court', '旁听庭审次数', '次', {
        filters: [eq('kind', 'court')],
        phrase: say('旁听', '庭审', '次'),
      }),
    ],
  ),
  ledger(
    {
      code: 'integrity_file',
      name: '廉政档案',
      portfolio: 'discipline',
      description: '干部个人有关事项报告、接受和开展廉政谈话、签订廉洁承诺的记录。',
      fields: [
        person('cadre', '干部', { required: true }),
        choice(
          'kind',
          '类别',
          [
            ['personal_matters', '个人有关事项报告'],
            ['talk_received', '接受廉政谈话'],
            ['talk_given', '开展廉政谈话'],
            ['pledge', '签订廉洁承诺'],
          ],
          { required: true },
        ),
        date('on', '日期', { required: true }),
        count('people', '谈话人数', '人', { help: '开展廉政谈话时填写谈话对象人数' }),
        longText('notes', '情况说明'),
      ],
      dateField: 'on',
      personField: 'cadre',
    },
    (m) => [
      m.count('personal_matters', '个人有关事项报告次数', '次', {
        filters: [eq('kind', 'personal_matters')],
        phrase: say('如实报告', '个人有关事项', '次'),
      }),
      m.count('talks_received', '接受廉政谈话次数', '次', {
        filters: [eq('kind', 'talk_received')],
        phrase: say('接受', '廉政谈话', '次'),
      }),
      m.sum('talks_given', '廉政谈话人次', '人', 'people', {
        filters: [eq('kind', 'talk_given')],
        phrase: say('开展', '廉政谈话', '人次'),
      }),
      m.count('pledges', '签订廉洁承诺次数', '次', {
        filters: [eq('kind', 'pledge')],
        phrase: say('签订', '廉洁承诺', '份'),
      }),
    ],
  ),
];
