/**
 * Catalogue, continued from work.ts: supervision inspections, dispute screening, joint patrols
 * and militia training.
 */
import type { LedgerTypeInput } from '../type.ts';
import { choice, count, date, decimal, ledger, person, say, text, unit } from './build.ts';

export const workLedgersMore: LedgerTypeInput[] = [
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
