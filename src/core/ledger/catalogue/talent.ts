/**
 * Catalogue: people and resources ledgers kept by the organisation office — member pairing
 * help, reserve cadres, the three lists (needs/resources/projects), micro-wishes, the talent
 * pool of local worthies, and training sessions.
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
  money,
  oneOf,
  person,
  say,
  text,
  unit,
} from './build.ts';

export const talentLedgers: LedgerTypeInput[] = [
  ledger(
    {
      code: 'member_pairing',
      name: '党员结对帮扶',
      portfolio: 'organization',
      description: '党员与困难群众结对，记录帮扶方式、内容和折合金额。',
      fields: [
        person('member', '帮扶党员', { required: true }),
        text('household', '帮扶对象(户主)', { required: true, maxLength: 30 }),
        unit('village', '所在村(社区)', { required: true }),
        date('helped_on', '帮扶日期', { required: true }),
        choice(
          'help_kind',
          '帮扶方式',
          [
            ['livelihood', '生活帮扶'],
            ['industry', '产业帮扶'],
            ['employment', '就业帮扶'],
            ['schooling', '助学'],
            ['medical', '就医帮扶'],
            ['other', '其他'],
          ],
          { required: true },
        ),
        longText('content', '帮扶内容'),
        money('amount', '折合金额(元)'),
      ],
      dateField: 'helped_on',
      unitField: 'village',
      personField: 'member',
    },
    (m) => [
      m.count('help_actions', '结对帮扶次数', '次', { phrase: say('开展', '结对帮扶', '次') }),
      m.distinct('households', '结对帮扶户数', '户', 'household', {
        phrase: say('联系帮扶', '困难群众', '户'),
      }),
      m.distinct('members', '参与结对党员人数', '人', 'member', {
        phrase: say('', '参与结对的党员', '名'),
      }),
      m.sum('amount', '结对帮扶折合金额', '元', 'amount', {
        phrase: say('', '帮扶物资和资金折合', '元'),
      }),
    ],
  ),
  ledger(
    {
      code: 'reserve_cadre',
      name: '后备干部',
      portfolio: 'organization',
      description: '村(社区)后备干部名册：学历、政治面貌、培养责任人和培训时长。',
      fields: [
        text('name', '姓名', { required: true, maxLength: 30 }),
        date('birth_date', '出生日期'),
        choice(
          'education',
          '学历',
          [
            ['junior_high', '初中及以下'],
            ['high_school', '高中/中专'],
            ['college', '大专'],
            ['bachelor', '本科'],
            ['postgraduate', '研究生'],
          ],
          { required: true },
        ),
        choice(
          'political_status',
          '政治面貌',
          [
            ['member', '中共党员'],
            ['probationary', '预备党员'],
            ['masses', '群众'],
            ['other', '其他'],
          ],
          { required: true },
        ),
        unit('village', '所在村(社区)', { required: true }),
        text('current_post', '现任职务'),
        date('listed_on', '纳入日期', { required: true }),
        person('mentor', '培养责任人'),
        decimal('training_hours', '累计培训时长', '小时'),
      ],
      dateField: 'listed_on',
      unitField: 'village',
      personField: 'mentor',
    },
    (m) => [
      m.count('count', '储备后备干部人数', '人', {
        phrase: say('新储备', '村级后备干部', '名', { parts: ['college_or_above'] }),
      }),
      m.count('college_or_above', '大专及以上学历后备干部', '人', {
        filters: [oneOf('education', ['college', 'bachelor', 'postgraduate'])],
        phrase: say('', '大专及以上学历的', '名'),
      }),
      m.count('by_village', '各村后备干部人数', '人', { groupBy: 'village' }),
    ],
  ),
  ledger(
    {
      code: 'three_lists',
      name: '三张清单',
      portfolio: 'organization',
      description: '需求清单、资源清单、项目清单的每一项及其对接、完成情况。',
      fields: [
        choice(
          'list_kind',
          '清单类别',
          [
            ['need', '需求清单'],
            ['resource', '资源清单'],
            ['project', '项目清单'],
          ],
          {
            required: true,
          },
        ),
        text('item', '事项', { required: true }),
        unit('village', '所在村(社区)', { required: true }),
        text('partner', '对接单位/个人'),
        date('listed_on', '列入日期', { required: true }),
        choice(
          'status',
          '进展',
          [
            ['open', '待对接'],
            ['matched', '已对接'],
            ['done', '已完成'],
          ],
          { required: true },
        ),
        date('done_on', '完成日期'),
      ],
      dateField: 'listed_on',
      unitField: 'village',
      deed: {
        pattern: '{month}月，对接{partner}办结“{item}”事项',
        rank: [],
        when: { field: 'status', equals: 'done' },
      },
    },
    (m) => [
      m.count('listed', '三张清单事项数', '件', {
        phrase: say('梳理', '需求、资源、项目清单事项', '项', { parts: ['done'] }),
      }),
      m.count('by_kind', '三张清单各类事项数', '件', { groupBy: 'list_kind' }),
      m.count('done', '清单事项完成数', '件', {
        filters: [eq('status', 'done')],
        phrase: say('', '已办结', '项'),
      }),
      m.rate('done_rate', '清单事项完成率', [eq('status', 'done')], [], {
        phrase: say('达到', '清单事项完成率'),
      }),
    ],
  ),
  ledger(
    {
      code: 'micro_wish',
      name: '微心愿',
      portfolio: 'organization',
      description: '群众提出的微心愿，由党员或单位认领并实现。',
      fields: [
        text('wisher', '心愿人', { required: true, maxLength: 30 }),
        text('wish', '心愿内容', { required: true }),
        unit('village', '所在村(社区)', { required: true }),
        date('posted_on', '发布日期', { required: true }),
        text('claimed_by', '认领人/单位'),
        choice(
          'status',
          '状态',
          [
            ['posted', '已发布'],
            ['claimed', '已认领'],
            ['fulfilled', '已实现'],
          ],
          { required: true },
        ),
        date('fulfilled_on', '实现日期'),
        money('value', '折合金额(元)'),
      ],
      dateField: 'posted_on',
      unitField: 'village',
    },
    (m) => [
      m.count('posted', '征集微心愿数', '个', { phrase: say('征集', '群众微心愿', '个') }),
      m.count('fulfilled', '实现微心愿数', '个', {
        filters: [eq('status', 'fulfilled')],
        periodField: 'fulfilled_on',
        phrase: say('帮助实现', '心愿', '个'),
      }),
      m.rate('fulfil_rate', '微心愿实现率', [eq('status', 'fulfilled')], [], {
        phrase: say('达到', '微心愿实现率'),
      }),
    ],
  ),
  ledger(
    {
      code: 'talent_pool',
      name: '乡贤/人才库',
      portfolio: 'organization',
      description: '本地乡贤、致富带头人、能工巧匠、返乡创业人员等人才名录。',
      fields: [
        text('name', '姓名', { required: true, maxLength: 30 }),
        choice(
          'category',
          '人才类别',
          [
            ['worthy', '乡贤'],
            ['entrepreneur', '致富带头人'],
            ['craftsman', '能工巧匠'],
            ['returnee', '返乡创业人员'],
            ['graduate', '大学毕业生'],
            ['other', '其他'],
          ],
          { required: true },
        ),
        unit('village', '所在村(社区)', { required: true }),
        text('specialty', '特长/从业领域'),
        date('registered_on', '入库日期', { required: true }),
        flag('engaged', '已参与家乡建设'),
        longText('contribution', '参与事项'),
      ],
      dateField: 'registered_on',
      unitField: 'village',
    },
    (m) => [
      m.count('count', '入库人才数', '人', {
        phrase: say('新纳入', '乡贤和本土人才', '名', { parts: ['engaged'] }),
      }),
      m.count('by_category', '各类人才数', '人', { groupBy: 'category' }),
      m.count('engaged', '参与家乡建设人才数', '人', {
        filters: [eq('engaged', true)],
        phrase: say('', '已参与家乡建设的', '名'),
      }),
    ],
  ),
  ledger(
    {
      code: 'training_session',
      name: '培训',
      portfolio: 'economy',
      description: '高素质农民、村干部、党员、技能与安全等培训班次及参训人数。',
      fields: [
        text('title', '培训名称', { required: true }),
        choice(
          'program',
          '培训类别',
          [
            ['farmer', '高素质农民'],
            ['village_cadre', '村干部'],
            ['party_member', '党员'],
            ['vocational', '职业技能'],
            ['safety', '安全生产'],
            ['other', '其他'],
          ],
          { required: true },
        ),
        date('held_on', '开班日期', { required: true }),
        unit('organizer', '承办单位'),
        count('trainees', '参训人数', '人', { required: true }),
        decimal('hours', '培训学时', '小时'),
        text('location', '培训地点'),
      ],
      dateField: 'held_on',
      unitField: 'organizer',
      deed: { pattern: '{month}月，举办“{title}”，培训{#trainees}', rank: ['trainees'] },
    },
    (m) => [
      m.count('sessions', '举办培训班次', '次', { phrase: say('举办', '各类培训班', '期') }),
      m.sum('trainees', '参训人次', '人', 'trainees', {
        phrase: say('培训', '', '人次', { parts: ['farmer_trainees'] }),
      }),
      m.sum('farmer_trainees', '培训高素质农民人次', '人', 'trainees', {
        filters: [eq('program', 'farmer')],
        phrase: say('', '高素质农民', '人次'),
      }),
    ],
  ),
];
