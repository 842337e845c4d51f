/**
 * Catalogue: party-branch ledgers (基层党建) — branch meetings and lectures, theme party days,
 * yearly star ratings, the member development pipeline and visits to members in hardship.
 */
import type { LedgerTypeInput } from '../type.ts';
import {
  atLeast,
  choice,
  count,
  date,
  decimal,
  eq,
  flag,
  ledger,
  longText,
  money,
  attachments,
  person,
  say,
  text,
  unit,
} from './build.ts';

/** 发展党员 stages in pipeline order (GLOSSARY: applicant → … → full member). */
export const memberStages: [string, string][] = [
  ['applicant', '入党申请人'],
  ['activist', '入党积极分子'],
  ['candidate', '发展对象'],
  ['probationary', '预备党员'],
  ['full', '正式党员'],
];

const isStage = (stage: string) => [{ field: 'stage', op: 'eq' as const, value: stage }];

/**
 * The minimum waiting periods of 发展党员, as data (rules.ts date gaps):
 * 党章第一条 — 年满十八岁方可申请入党; 《中国共产党发展党员工作细则》第十三条 — 入党积极分子
 * 经过一年以上培养教育和考察方可列为发展对象; 党章第七条 — 预备期为一年，期满方可转正.
 */
const developmentRules: NonNullable<LedgerTypeInput['rules']> = [
  {
    kind: 'date_gap',
    from: 'birth_date',
    to: 'applied_on',
    min: { years: 18 },
    message: '年满十八岁方可申请入党',
  },
  {
    kind: 'date_gap',
    from: 'birth_date',
    to: 'stage_on',
    min: { years: 18 },
    when: isStage('applicant'),
    message: '年满十八岁方可申请入党',
  },
  {
    kind: 'date_gap',
    from: 'activist_on',
    to: 'stage_on',
    min: { years: 1 },
    when: isStage('candidate'),
    required: true,
    message: '入党积极分子经过一年以上培养考察方可列为发展对象',
  },
  {
    kind: 'date_gap',
    from: 'activist_on',
    to: 'candidate_on',
    min: { years: 1 },
    message: '入党积极分子经过一年以上培养考察方可列为发展对象',
  },
  {
    kind: 'date_gap',
    from: 'probationary_on',
    to: 'stage_on',
    min: { years: 1 },
    when: isStage('full'),
    required: true,
    message: '预备期为一年，期满方可转为正式党员',
  },
];

export const partyLedgers: LedgerTypeInput[] = [
  ledger(
    {
      code: 'branch_meeting',
      name: '三会一课',
      portfolio: 'organization',
      description: '支部党员大会、支委会、党小组会和党课，每次会议一条记录，含应到、实到人数。',
      fields: [
        choice(
          'meeting_type',
          '会议类型',
          [
            ['member_assembly', '支部党员大会'],
            ['committee', '支委会'],
            ['group', '党小组会'],
            ['party_lecture', '党课'],
          ],
          { required: true },
        ),
        unit('branch', '党支部', { required: true }),
        date('held_on', '召开日期', { required: true }),
        text('topic', '会议主题', { required: true }),
        count('expected', '应到人数', '人', { required: true }),
        count('attendees', '实到人数', '人', { required: true }),
        person('lecturer', '主持人/授课人'),
        longText('minutes', '会议记录'),
        attachments(),
      ],
      dateField: 'held_on',
      unitField: 'branch',
      personField: 'lecturer',
    },
    (m) => [
      m.count('held', '三会一课召开次数', '次', {
        phrase: say('召开', '“三会一课”', '次', { parts: ['party_lectures'] }),
      }),
      m.count('held_by_type', '各类会议召开次数', '次', { groupBy: 'meeting_type' }),
      m.count('party_lectures', '党课次数', '次', {
        filters: [eq('meeting_type', 'party_lecture')],
        phrase: say('', '党课', '次'),
      }),
      m.sum('attendance', '三会一课参会人次', '人', 'attendees', {
        phrase: say('', '党员参会', '人次'),
      }),
    ],
  ),
  ledger(
    {
      code: 'theme_party_day',
      name: '主题党日',
      portfolio: 'organization',
      description: '各支部每月固定主题党日活动，记录主题、形式与参加人数。',
      fields: [
        unit('branch', '党支部', { required: true }),
        date('held_on', '活动日期', { required: true }),
        text('theme', '活动主题', { required: true }),
        choice(
          'activity_form',
          '活动形式',
          [
            ['study', '学习研讨'],
            ['service', '志愿服务'],
            ['red_education', '红色教育'],
            ['visit', '走访慰问'],
            ['other', '其他'],
          ],
          { required: true },
        ),
        count('expected', '应参加人数', '人', { required: true }),
        count('attendees', '实参加人数', '人', { required: true }),
        longText('summary', '活动简况'),
        attachments('photos', '照片'),
      ],
      dateField: 'held_on',
      unitField: 'branch',
      deed: {
        pattern: '{month}月，{branch}以“{theme}”为主题开展主题党日，参加党员{#attendance}',
        rank: ['attendees'],
      },
    },
    (m) => [
      m.count('held', '主题党日开展次数', '次', {
        phrase: say('开展', '主题党日活动', '次', { joins: ['branches'] }),
      }),
      m.sum('attendance', '主题党日参加人次', '人', 'attendees', {
        phrase: say('', '参加党员', '人次'),
      }),
      m.distinct('branches', '开展主题党日的支部数', '个', 'branch', {
        phrase: say('', '党支部', '个', {
          pattern: '覆盖{n}{object}',
          trend: false,
          acrossUnits: true,
        }),
      }),
    ],
  ),
  ledger(
    {
      code: 'branch_star_rating',
      name: '党支部星级评定',
      portfolio: 'organization',
      description: '每年对各党支部按指标打分评定星级，记录得分、星级及是否晋级。',
      fields: [
        unit('branch', '党支部', { required: true }),
        count('year', '评定年度', '年', { required: true, max: 2100 }),
        {
          key: 'stars',
          label: '星级',
          type: 'number',
          unit: '星',
          integer: true,
          min: 1,
          max: 5,
          required: true,
        },
        decimal('score', '综合得分', '分', { max: 100 }),
        date('rated_on', '评定日期', { required: true }),
        flag('promoted', '较上年晋级'),
        longText('remark', '备注'),
      ],
      dateField: 'rated_on',
      unitField: 'branch',
      defaultSort: { field: 'score', direction: 'desc' },
      rules: [
        { kind: 'unique', fields: ['branch', 'year'], message: '每个党支部每年只评定一次星级' },
      ],
    },
    (m) => [
      m.distinct('rated_branches', '参评党支部数', '个', 'branch', {
        phrase: say('开展星级评定', '党支部', '个', {
          pattern: '对{n}{object}{verb}',
          parts: ['four_star_or_above', 'promoted'],
          trend: false,
          acrossUnits: true,
        }),
      }),
      m.count('five_star', '五星级党支部数', '个', {
        filters: [eq('stars', 5)],
        phrase: say('评定', '五星级党支部', '个', { trend: false, acrossUnits: true }),
      }),
      m.count('four_star_or_above', '四星级及以上党支部数', '个', {
        filters: [atLeast('stars', 4)],
        phrase: say('', '四星级及以上支部', '个', { trend: false, acrossUnits: true }),
      }),
      m.count('by_stars', '各星级党支部数', '个', { groupBy: 'stars' }),
      m.count('promoted', '晋级党支部数', '个', {
        filters: [eq('promoted', true)],
        phrase: say('', '比上年晋级的', '个', { trend: false, acrossUnits: true }),
      }),
    ],
  ),
  ledger(
    {
      code: 'member_development',
      name: '发展党员',
      portfolio: 'organization',
      description: '发展党员各阶段的确定记录：每进入一个阶段记一条，便于按阶段统计和查最短间隔。',
      fields: [
        text('person_name', '姓名', { required: true, maxLength: 30 }),
        unit('branch', '所在党支部', { required: true }),
        choice('stage', '所处阶段', memberStages, { required: true }),
        date('stage_on', '确定日期', { required: true }),
        person('introducer', '培养联系人/入党介绍人'),
        text('occupation', '职业/身份'),
        date('birth_date', '出生日期'),
        date('applied_on', '递交入党申请书日期', {
          help: '递交入党申请书的日期；入党申请人阶段即确定日期',
        }),
        date('activist_on', '确定为入党积极分子日期', { help: '发展对象及以后阶段的记录须填写' }),
        date('candidate_on', '确定为发展对象日期', { help: '预备党员及以后阶段的记录填写' }),
        date('probationary_on', '接收为预备党员日期', { help: '转为正式党员的记录须填写' }),
        longText('remark', '备注'),
      ],
      dateField: 'stage_on',
      unitField: 'branch',
      personField: 'introducer',
      rules: developmentRules,
    },
    (m) => [
      m.count('by_stage', '发展党员各阶段人数', '人', { groupBy: 'stage' }),
      m.count('activists', '确定入党积极分子人数', '人', {
        filters: [eq('stage', 'activist')],
        phrase: say('确定', '入党积极分子', '名'),
      }),
      m.count('probationary_admitted', '发展预备党员人数', '人', {
        filters: [eq('stage', 'probationary')],
        phrase: say('发展', '预备党员', '名'),
      }),
      m.count('full_members', '预备党员按期转正人数', '人', {
        filters: [eq('stage', 'full')],
        phrase: say('按期转正', '预备党员', '名', { pattern: '{object}{verb}{n}' }),
      }),
    ],
  ),
  ledger(
    {
      code: 'member_care_visit',
      name: '慰问困难党员/老党员',
      portfolio: 'organization',
      description: '节日及日常走访慰问生活困难党员、老党员和患病党员，记录慰问金与物资。',
      fields: [
        text('member_name', '党员姓名', { required: true, maxLength: 30 }),
        choice(
          'visit_kind',
          '慰问类别',
          [
            ['hardship', '生活困难党员'],
            ['senior', '老党员'],
            ['long_service', '党龄满五十年党员'],
            ['sick', '患病党员'],
          ],
          { required: true },
        ),
        unit('village', '所在村(社区)'),
        date('visited_on', '慰问日期', { required: true }),
        person('visitor', '慰问人'),
        money('cash', '慰问金(元)'),
        text('goods', '慰问物资'),
      ],
      dateField: 'visited_on',
      unitField: 'village',
      personField: 'visitor',
    },
    (m) => [
      m.count('visits', '走访慰问党员人次', '人', {
        phrase: say('走访慰问', '老党员和困难党员', '人次'),
      }),
      m.sum('cash', '发放慰问金', '元', 'cash', { phrase: say('发放', '慰问金', '元') }),
      m.count('by_kind', '各类党员慰问人次', '人', { groupBy: 'visit_kind' }),
    ],
  ),
];
