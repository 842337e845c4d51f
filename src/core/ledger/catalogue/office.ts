/**
 * Catalogue: more books of the economy, safety, armed-forces and discipline offices — village
 * collective economy, emergency drills, national-defence education, supervision of village affairs.
 */
import type { LedgerTypeInput } from '../type.ts';
import { choice, count, date, ledger, money, say, text, unit } from './build.ts';

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
