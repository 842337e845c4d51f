/**
 * Catalogue: rule-of-law, integrity, petitions and armed-forces ledgers — legal publicity,
 * integrity education, petition receptions, conscription stages and militia reorganisation.
 */
import type { LedgerTypeInput } from '../type.ts';
import {
  choice,
  count,
  date,
  eq,
  flag,
  ledger,
  longText,
  oneOf,
  person,
  say,
  text,
  unit,
} from './build.ts';

export const lawLedgers: LedgerTypeInput[] = [
  ledger(
    {
      code: 'legal_publicity',
      name: '法治宣传',
      portfolio: 'politics_law',
      description: '普法讲座、集中宣传、入户宣传和新媒体普法等活动。',
      fields: [
        text('theme', '宣传主题', { required: true }),
        choice(
          'form',
          '宣传形式',
          [
            ['lecture', '法治讲座'],
            ['stall', '集中宣传'],
            ['door_to_door', '入户宣传'],
            ['online', '新媒体普法'],
            ['circuit_trial', '巡回审判/以案说法'],
            ['other', '其他'],
          ],
          { required: true },
        ),
        date('held_on', '活动日期', { required: true }),
        unit('village', '所在村(社区)'),
        count('audience', '受众人数', '人'),
        count('materials', '发放资料', '份'),
        person('organizer', '负责人'),
      ],
      dateField: 'held_on',
      unitField: 'village',
      personField: 'organizer',
      deed: {
        pattern: '{month}月，围绕“{theme}”在{village}开展{form}，受众{#audience}',
        rank: ['audience'],
      },
    },
    (m) => [
      m.count('events', '法治宣传活动次数', '次', { phrase: say('开展', '法治宣传活动', '场') }),
      m.sum('audience', '法治宣传受众人次', '人', 'audience', {
        phrase: say('覆盖', '群众', '人次'),
      }),
    ],
  ),
  ledger(
    {
      code: 'integrity_education',
      name: '廉政教育',
      portfolio: 'discipline',
      description: '廉政党课、警示教育、以案促改、廉政谈话等教育活动。',
      fields: [
        text('title', '活动名称', { required: true }),
        choice(
          'form',
          '教育形式',
          [
            ['lecture', '廉政党课'],
            ['warning', '警示教育'],
            ['case_reform', '以案促改'],
            ['site_visit', '参观廉政教育基地'],
            ['talk', '廉政谈话'],
            ['other', '其他'],
          ],
          { required: true },
        ),
        date('held_on', '日期', { required: true }),
        unit('host_unit', '组织单位'),
        count('attendees', '参加人数', '人'),
        person('speaker', '主讲人'),
      ],
      dateField: 'held_on',
      unitField: 'host_unit',
      personField: 'speaker',
      deed: {
        pattern: '{month}月，组织“{title}”，参加党员干部{#attendance}',
        rank: ['attendees'],
      },
    },
    (m) => [
      m.count('events', '廉政教育次数', '次', {
        phrase: say('开展', '廉政教育', '次', { parts: ['warning_sessions'] }),
      }),
      m.count('warning_sessions', '警示教育次数', '次', {
        filters: [oneOf('form', ['warning', 'case_reform'])],
        phrase: say('', '警示教育和以案促改', '次'),
      }),
      m.count('talks', '廉政谈话次数', '次', {
        filters: [eq('form', 'talk')],
        phrase: say('', '廉政谈话', '次'),
      }),
      m.sum('attendance', '受教育党员干部人次', '人', 'attendees', {
        phrase: say('', '党员干部受教育', '人次'),
      }),
    ],
  ),
  ledger(
    {
      code: 'petition_reception',
      name: '信访接待',
      portfolio: 'petitions',
      description: '领导接访日、群众来访、下访和来电的每次接待及是否化解。',
      fields: [
        text('visitor', '来访人', { required: true, maxLength: 30 }),
        unit('village', '所属村(社区)'),
        date('received_on', '接待日期', { required: true }),
        person('receiver', '接待领导/干部', { required: true }),
        choice(
          'reception_kind',
          '接待方式',
          [
            ['leader_day', '领导接访日'],
            ['walk_in', '群众来访'],
            ['home_visit', '干部下访'],
            ['phone', '来电'],
          ],
          { required: true },
        ),
        choice(
          'issue_kind',
          '反映问题类别',
          [
            ['land', '土地征用'],
            ['construction', '工程建设'],
            ['wages', '劳资纠纷'],
            ['neighbour', '邻里纠纷'],
            ['social_security', '社会保障'],
            ['other', '其他'],
          ],
          { required: true },
        ),
        count('people', '来访人数', '人'),
        longText('summary', '反映问题', { required: true }),
        flag('resolved', '已化解'),
        date('resolved_on', '化解日期'),
      ],
      dateField: 'received_on',
      unitField: 'village',
      personField: 'receiver',
    },
    (m) => [
      m.count('receptions', '接待来访群众批次', '次', {
        phrase: say('接待', '来访群众', '批次', { joins: ['people'], parts: ['leader_days'] }),
      }),
      m.sum('people', '接待来访群众人次', '人', 'people', {
        phrase: say('', '', '人次', { pattern: '{n}' }),
      }),
      m.count('leader_days', '领导接访日接待批次', '次', {
        filters: [eq('reception_kind', 'leader_day')],
        phrase: say('', '领导接访日接待', '批次'),
      }),
      m.rate('resolved_rate', '信访事项化解率', [eq('resolved', true)], [], {
        phrase: say('达到', '信访事项化解率'),
      }),
    ],
  ),
  ledger(
    {
      code: 'conscription',
      name: '征兵',
      portfolio: 'armed_forces',
      description: '适龄青年兵役登记、应征报名、体检和批准入伍各环节，每进入一个环节记一条。',
      fields: [
        text('name', '姓名', { required: true, maxLength: 30 }),
        unit('village', '所在村(社区)'),
        choice(
          'stage',
          '环节',
          [
            ['registered', '兵役登记'],
            ['applied', '应征报名'],
            ['examined', '参加体检'],
            ['enlisted', '批准入伍'],
          ],
          {
            required: true,
          },
        ),
        date('stage_on', '日期', { required: true }),
        choice('education', '学历', [
          ['high_school', '高中'],
          ['vocational', '中专/职高'],
          ['college', '大专'],
          ['bachelor', '本科及以上'],
        ]),
        flag('student', '在校大学生'),
        flag('exam_passed', '体检合格'),
      ],
      dateField: 'stage_on',
      unitField: 'village',
    },
    (m) => [
      m.count('by_stage', '征兵各环节人数', '人', { groupBy: 'stage' }),
      m.count('registered', '兵役登记人数', '人', {
        filters: [eq('stage', 'registered')],
        phrase: say('完成', '适龄青年兵役登记', '人'),
      }),
      m.count('examined', '参加体检人数', '人', {
        filters: [eq('stage', 'examined')],
        phrase: say('组织', '应征青年体检', '人'),
      }),
      m.count('enlisted', '批准入伍人数', '人', {
        filters: [eq('stage', 'enlisted')],
        phrase: say('输送', '新兵', '名', { parts: ['graduates_enlisted'] }),
      }),
      m.count('graduates_enlisted', '大学生入伍人数', '人', {
        filters: [eq('stage', 'enlisted'), oneOf('education', ['college', 'bachelor'])],
        phrase: say('', '大学生', '名'),
      }),
    ],
  ),
  ledger(
    {
      code: 'militia_roster',
      name: '民兵整组',
      portfolio: 'armed_forces',
      description: '年度民兵整组名册：基干与普通民兵、编组、退役军人和党员比例。',
      fields: [
        text('name', '姓名', { required: true, maxLength: 30 }),
        unit('village', '所在村(社区)', { required: true }),
        choice(
          'militia_kind',
          '民兵类别',
          [
            ['primary', '基干民兵'],
            ['ordinary', '普通民兵'],
          ],
          { required: true },
        ),
        text('squad', '编组/分队'),
        flag('veteran', '退役军人'),
        flag('party_member', '中共党员'),
        date('enrolled_on', '编入日期', { required: true }),
        count('training_days', '年度训练天数', '天'),
      ],
      dateField: 'enrolled_on',
      unitField: 'village',
    },
    (m) => [
      m.count('enrolled', '整组民兵人数', '人', {
        phrase: say('整组编建', '民兵', '名', { parts: ['primary', 'veterans'], trend: false }),
      }),
      m.count('primary', '基干民兵人数', '人', {
        filters: [eq('militia_kind', 'primary')],
        phrase: say('', '基干民兵', '名', { trend: false }),
      }),
      m.count('veterans', '退役军人民兵人数', '人', {
        filters: [eq('veteran', true)],
        phrase: say('', '退役军人', '名', { trend: false }),
      }),
    ],
  ),
];
