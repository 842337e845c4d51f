/**
 * Catalogue: the remaining areas a township's leaders answer for — investment projects and
 * village construction, farm technical services, education and health work, services to
 * veterans and to the elderly, supervision inspections, dispute screening and joint patrols,
 * militia training and emergency duty — so every portfolio has books a report can cite.
 */
import type { LedgerTypeInput } from '../type.ts';
import { choice, count, date, eq, ledger, money, person, say, text, unit } from './build.ts';

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
];
