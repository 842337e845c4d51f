/**
 * Catalogue: the remaining areas a township's leaders answer for — investment projects and
 * village construction, farm technical services, education and health work, services to
 * veterans and to the elderly, supervision inspections, dispute screening and joint patrols,
 * militia training and emergency duty — so every portfolio has books a report can cite.
 */
import type { LedgerTypeInput } from '../type.ts';
import {
  choice,
  count,
  date,
  decimal,
  eq,
  ledger,
  money,
  person,
  say,
  text,
  unit,
} from './build.ts';

const served = (key = 'people', label = '服务人数') => count(key, label, '人');

export const workLedgers: LedgerTypeInput[] = [
  ledger(
    {
      code: 'investment_project',
      name: '招商引资和重点项目',
      portfolio: 'economy',
      description: '签约、开工、投产的招商引资项目和重点项目，记录协议投资额和带动就业。',
      fields: [
        text('name', '项目名称', { required: true }),
        choice(
          'sector',
          '产业类别',
          [
            ['industry', '工业'],
            ['agriculture', '现代农业'],
            ['service', '文旅和服务业'],
          ],
          { required: true },
        ),
        choice(
          'stage',
          '进展',
          [
            ['signed', '签约'],
            ['started', '开工'],
            ['producing', '投产'],
          ],
          { required: true },
        ),
        date('signed_on', '签约日期', { required: true }),
        money('investment', '协议投资额(元)', { required: true }),
        count('jobs', '带动就业', '人'),
        unit('village', '所在村(社区)'),
        person('contact', '包抓领导'),
      ],
      dateField: 'signed_on',
      unitField: 'village',
      personField: 'contact',
      deed: { pattern: '{month}月，{name}签约落地，协议投资{#investment}', rank: ['investment'] },
    },
    (m) => [
      m.count('projects', '签约项目数', '个', {
        phrase: say('签约', '招商引资项目', '个', { parts: ['started'] }),
      }),
      m.count('started', '开工投产项目数', '个', {
        filters: [{ field: 'stage', op: 'in', value: ['started', 'producing'] }],
        phrase: say('', '已开工或投产', '个', { pattern: '{object}的{n}' }),
      }),
      m.sum('investment', '协议投资额', '万元', 'investment', {
        phrase: say('协议投资', '', '万元'),
      }),
      m.sum('jobs', '带动就业人数', '人', 'jobs', { phrase: say('带动就业', '', '人') }),
    ],
  ),
  ledger(
    {
      code: 'construction_project',
      name: '镇村建设项目',
      portfolio: 'urban_construction',
      description: '道路、供水、亮化和公共设施等镇村建设项目，记录投资和进展。',
      fields: [
        text('name', '项目名称', { required: true }),
        unit('village', '所在村(社区)', { required: true }),
        choice(
          'kind',
          '类别',
          [
            ['road', '道路'],
            ['water', '供水'],
            ['lighting', '亮化'],
            ['public', '公共设施'],
          ],
          { required: true },
        ),
        date('started_on', '开工日期', { required: true }),
        money('investment', '投资额(元)', { required: true }),
        choice(
          'stage',
          '进展',
          [
            ['building', '在建'],
            ['done', '已完工'],
          ],
          { required: true },
        ),
      ],
      dateField: 'started_on',
      unitField: 'village',
      deed: {
        pattern: '{month}月，{village}{name}开工建设，投资{#investment}',
        rank: ['investment'],
      },
    },
    (m) => [
      m.count('projects', '实施建设项目数', '个', {
        phrase: say('实施', '镇村建设项目', '个', { parts: ['done'] }),
      }),
      m.count('done', '完工项目数', '个', {
        filters: [eq('stage', 'done')],
        phrase: say('', '已完工', '个'),
      }),
      m.sum('investment', '建设项目投资', '万元', 'investment', {
        phrase: say('完成投资', '', '万元'),
      }),
    ],
  ),
  ledger(
    {
      code: 'farm_service',
      name: '农技服务',
      portfolio: 'agriculture',
      description: '田间技术指导、病虫害统防统治、良种推广和农机作业服务。',
      fields: [
        unit('village', '服务村(社区)', { required: true }),
        choice(
          'kind',
          '服务类别',
          [
            ['guidance', '田间技术指导'],
            ['pest', '病虫害统防统治'],
            ['seeds', '良种推广'],
            ['machinery', '农机作业服务'],
          ],
          { required: true },
        ),
        date('served_on', '服务日期', { required: true }),
        count('households', '服务农户', '户', { required: true }),
        person('technician', '农技人员'),
      ],
      dateField: 'served_on',
      unitField: 'village',
      personField: 'technician',
      deed: {
        pattern: '{month}月，在{village}开展{kind}，服务农户{#households}',
        rank: ['households'],
      },
    },
    (m) => [
      m.count('services', '农技服务次数', '次', { phrase: say('开展', '农技服务', '次') }),
      m.sum('households', '服务农户数', '户', 'households', {
        phrase: say('服务', '农户', '户次'),
      }),
    ],
  ),
  ledger(
    {
      code: 'edu_health_work',
      name: '教育卫生工作',
      portfolio: 'education_health',
      description: '控辍保学走访、校园安全检查、老年人健康体检、家庭医生签约和健康教育。',
      fields: [
        choice(
          'kind',
          '工作类别',
          [
            ['dropout', '控辍保学走访'],
            ['campus', '校园安全检查'],
            ['checkup', '老年人健康体检'],
            ['doctor', '家庭医生签约服务'],
            ['lecture', '健康教育讲座'],
          ],
          { required: true },
        ),
        unit('village', '所在村(社区)'),
        date('held_on', '日期', { required: true }),
        served(),
      ],
      dateField: 'held_on',
      unitField: 'village',
      deed: { pattern: '{month}月，在{village}组织{kind}，服务群众{#people}', rank: ['people'] },
    },
    (m) => [
      m.count('events', '教育卫生工作次数', '次', {
        phrase: say('组织', '教育卫生专项工作', '次'),
      }),
      m.sum('people', '教育卫生服务人次', '人', 'people', { phrase: say('服务', '群众', '人次') }),
    ],
  ),
  ledger(
    {
      code: 'veteran_service',
      name: '退役军人服务',
      portfolio: 'social_security',
      description: '走访慰问退役军人和优抚对象、优待证办理、就业帮扶和光荣牌悬挂。',
      fields: [
        choice(
          'kind',
          '服务类别',
          [
            ['visit', '走访慰问'],
            ['card', '优待证办理'],
            ['employment', '就业帮扶'],
            ['plaque', '光荣牌悬挂'],
          ],
          { required: true },
        ),
        unit('village', '所在村(社区)'),
        date('served_on', '日期', { required: true }),
        served(),
      ],
      dateField: 'served_on',
      unitField: 'village',
      deed: {
        pattern: '{month}月，在{village}开展{kind}，服务退役军人和优抚对象{#people}',
        rank: ['people'],
      },
    },
    (m) => [
      m.count('services', '退役军人服务次数', '次', { phrase: say('开展', '退役军人服务', '次') }),
      m.sum('people', '服务退役军人人次', '人', 'people', {
        phrase: say('服务', '退役军人和优抚对象', '人次'),
      }),
    ],
  ),
  ledger(
    {
      code: 'elderly_care',
      name: '养老服务与关爱',
      portfolio: 'civil_affairs',
      description: '独居老人探访、助餐服务、高龄津贴审核和失能老人照护。',
      fields: [
        choice(
          'kind',
          '服务类别',
          [
            ['visit', '独居老人探访'],
            ['meal', '助餐服务'],
            ['allowance', '高龄津贴审核'],
            ['care', '失能老人照护'],
          ],
          { required: true },
        ),
        unit('village', '所在村(社区)', { required: true }),
        date('served_on', '日期', { required: true }),
        served('people', '服务老人'),
      ],
      dateField: 'served_on',
      unitField: 'village',
      deed: { pattern: '{month}月，在{village}开展{kind}，服务老人{#people}', rank: ['people'] },
    },
    (m) => [
      m.count('services', '养老服务次数', '次', { phrase: say('开展', '养老关爱服务', '次') }),
      m.sum('people', '服务老人人次', '人', 'people', { phrase: say('服务', '老年人', '人次') }),
    ],
  ),
  ledger(
    {
      code: 'discipline_inspection',
      name: '监督检查',
      portfolio: 'discipline',
      description:
        '围绕惠民资金、作风纪律、工程项目和村级事务开展的监督检查，记录发现和整改的问题。',
      fields: [
        text('subject', '检查事项', { required: true }),
        choice(
          'kind',
          '检查类别',
          [
            ['funds', '惠民惠农资金'],
            ['conduct', '作风纪律'],
            ['project', '工程项目'],
            ['village', '村级事务'],
          ],
          { required: true },
        ),
        date('checked_on', '检查日期', { required: true }),
        count('units', '检查单位', '个'),
        count('problems', '发现问题', '个'),
        count('fixed', '整改问题', '个'),
        person('leader', '带队领导'),
      ],
      dateField: 'checked_on',
      personField: 'leader',
      deed: {
        pattern: '{month}月，开展“{subject}”专项监督检查，发现问题{#problems}',
        rank: ['problems'],
      },
    },
    (m) => [
      m.count('inspections', '监督检查次数', '次', { phrase: say('开展', '监督检查', '次') }),
      m.sum('problems', '发现问题数', '个', 'problems', {
        phrase: say('发现', '问题', '个', { joins: ['fixed'] }),
      }),
      m.sum('fixed', '整改问题数', '个', 'fixed', { phrase: say('督促整改', '', '个') }),
    ],
  ),
  ledger(
    {
      code: 'dispute_screening',
      name: '矛盾纠纷排查',
      portfolio: 'politics_law',
      description: '各村(社区)每月矛盾纠纷排查，记录排查出的纠纷和当月化解数。',
      fields: [
        unit('village', '村(社区)', { required: true }),
        date('screened_on', '排查日期', { required: true }),
        count('found', '排查纠纷', '件', { required: true }),
        count('resolved', '化解纠纷', '件'),
        person('screener', '排查人'),
      ],
      dateField: 'screened_on',
      unitField: 'village',
      personField: 'screener',
      deed: {
        pattern: '{month}月，组织{village}开展矛盾纠纷排查，排查出纠纷{#found}',
        rank: ['found'],
      },
    },
    (m) => [
      m.count('rounds', '矛盾纠纷排查次数', '次', { phrase: say('组织', '矛盾纠纷排查', '次') }),
      m.sum('found', '排查纠纷数', '件', 'found', {
        phrase: say('排查出', '矛盾纠纷', '件', { joins: ['resolved'] }),
      }),
      m.sum('resolved', '化解纠纷数', '件', 'resolved', { phrase: say('化解', '', '件') }),
    ],
  ),
  ledger(
    {
      code: 'security_patrol',
      name: '群防群治巡逻',
      portfolio: 'politics_law',
      description: '平安志愿者、网格员和联防队的治安巡逻。',
      fields: [
        unit('village', '村(社区)', { required: true }),
        date('patrolled_on', '巡逻日期', { required: true }),
        count('patrollers', '参加人数', '人', { required: true }),
        decimal('hours', '巡逻时长', '小时'),
      ],
      dateField: 'patrolled_on',
      unitField: 'village',
      deed: {
        pattern: '{month}月，{village}组织群防群治巡逻，参加{#patrollers}',
        rank: ['patrollers'],
      },
    },
    (m) => [
      m.count('patrols', '治安巡逻次数', '次', { phrase: say('组织', '群防群治巡逻', '次') }),
      m.sum('patrollers', '参加巡逻人次', '人', 'patrollers', {
        phrase: say('', '参加巡逻', '人次'),
      }),
    ],
  ),
  ledger(
    {
      code: 'militia_drill',
      name: '民兵训练和应急处突',
      portfolio: 'armed_forces',
      description: '民兵军事训练、防汛抢险、森林防火和应急救援任务。',
      fields: [
        text('title', '任务名称', { required: true }),
        choice(
          'kind',
          '类别',
          [
            ['training', '军事训练'],
            ['flood', '防汛抢险'],
            ['fire', '森林防火'],
            ['rescue', '应急救援'],
          ],
          { required: true },
        ),
        date('held_on', '日期', { required: true }),
        count('participants', '参加民兵', '人', { required: true }),
        person('commander', '带队人'),
      ],
      dateField: 'held_on',
      personField: 'commander',
      deed: {
        pattern: '{month}月，组织民兵参加“{title}”，出动{#participants}',
        rank: ['participants'],
      },
    },
    (m) => [
      m.count('drills', '民兵训练和任务次数', '次', {
        phrase: say('组织', '民兵训练和应急任务', '次'),
      }),
      m.sum('participants', '参训民兵人次', '人', 'participants', {
        phrase: say('出动', '民兵', '人次'),
      }),
    ],
  ),
];

/** More books of the economy, safety, armed-forces and discipline offices. */
export const officeLedgers: LedgerTypeInput[] = [
  ledger(
    {
      code: 'collective_economy',
      name: '村集体经济',
      portfolio: 'economy',
      description: '各村(社区)集体经济的增收项目和收入：资产租赁、入股分红、服务创收和产业经营。',
      fields: [
        unit('village', '村(社区)', { required: true }),
        text('project', '增收项目', { required: true }),
        choice(
          'source',
          '收入来源',
          [
            ['lease', '资产租赁'],
            ['dividend', '入股分红'],
            ['service', '服务创收'],
            ['business', '产业经营'],
          ],
          { required: true },
        ),
        date('booked_on', '入账日期', { required: true }),
        money('income', '收入金额(元)', { required: true }),
      ],
      dateField: 'booked_on',
      unitField: 'village',
      deed: { pattern: '{month}月，{village}“{project}”实现集体收入{#income}', rank: ['income'] },
    },
    (m) => [
      m.sum('income', '村集体经济收入', '万元', 'income', {
        phrase: say('实现', '村集体经济收入', '万元'),
      }),
      m.distinct('villages', '有集体收入的村(社区)数', '个', 'village', {
        phrase: say('', '村（社区）', '个', {
          pattern: '{n}{object}有了稳定的集体收入',
          trend: false,
          acrossUnits: true,
        }),
      }),
      m.count('projects', '集体增收项目数', '个', { phrase: say('实施', '集体增收项目', '个') }),
    ],
  ),
  ledger(
    {
      code: 'emergency_drill',
      name: '应急演练',
      portfolio: 'safety',
      description: '消防、防汛、燃气泄漏和人员疏散等应急演练。',
      fields: [
        text('title', '演练名称', { required: true }),
        choice(
          'kind',
          '演练类别',
          [
            ['fire', '消防'],
            ['flood', '防汛'],
            ['gas', '燃气泄漏处置'],
            ['evacuation', '人员疏散'],
          ],
          { required: true },
        ),
        unit('village', '所在村(社区)'),
        date('held_on', '演练日期', { required: true }),
        count('participants', '参演人数', '人', { required: true }),
      ],
      dateField: 'held_on',
      unitField: 'village',
      deed: {
        pattern: '{month}月，在{village}组织“{title}”，参演{#participants}',
        rank: ['participants'],
      },
    },
    (m) => [
      m.count('drills', '应急演练次数', '次', { phrase: say('组织', '应急演练', '场') }),
      m.sum('participants', '参演人次', '人', 'participants', {
        phrase: say('', '参演干部群众', '人次'),
      }),
    ],
  ),
  ledger(
    {
      code: 'defense_education',
      name: '国防教育',
      portfolio: 'armed_forces',
      description: '国防知识进校园、进村居，全民国防教育日等宣传教育活动。',
      fields: [
        text('theme', '活动主题', { required: true }),
        unit('village', '所在村(社区)'),
        date('held_on', '活动日期', { required: true }),
        count('audience', '受教育人数', '人', { required: true }),
      ],
      dateField: 'held_on',
      unitField: 'village',
      deed: {
        pattern: '{month}月，在{village}开展“{theme}”国防教育，受教育群众{#audience}',
        rank: ['audience'],
      },
    },
    (m) => [
      m.count('events', '国防教育活动次数', '次', { phrase: say('开展', '国防教育活动', '场') }),
      m.sum('audience', '国防教育受众人次', '人', 'audience', {
        phrase: say('受教育', '群众和学生', '人次'),
      }),
    ],
  ),
  ledger(
    {
      code: 'village_supervision',
      name: '村务监督',
      portfolio: 'discipline',
      description: '村务监督委员会对村级事务的监督：列席会议、审核账目、提出并督促整改问题。',
      fields: [
        unit('village', '村(社区)', { required: true }),
        date('held_on', '日期', { required: true }),
        choice(
          'kind',
          '监督方式',
          [
            ['meeting', '列席村务会议'],
            ['audit', '审核村级账目'],
            ['project', '监督工程项目'],
            ['welfare', '监督惠民资金'],
          ],
          { required: true },
        ),
        count('items', '监督事项', '项', { required: true }),
        count('problems', '提出问题', '个'),
      ],
      dateField: 'held_on',
      unitField: 'village',
    },
    (m) => [
      m.count('checks', '村务监督次数', '次', {
        phrase: say('指导村务监督委员会开展监督', '', '次'),
      }),
      m.sum('problems', '村务监督提出问题数', '个', 'problems', {
        phrase: say('提出并督促整改', '问题', '个'),
      }),
    ],
  ),
];
