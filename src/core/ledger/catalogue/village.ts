/**
 * Catalogue: village governance and assistance ledgers — households monitored against falling
 * back into poverty and the help they got, 四议两公开 decisions, 三务公开 disclosures, and
 * relief/subsidy payments by civil affairs.
 */
import type { LedgerTypeInput } from '../type.ts';
import {
  attachments,
  choice,
  count,
  date,
  eq,
  flag,
  ledger,
  longText,
  money,
  person,
  say,
  text,
  unit,
} from './build.ts';

export const villageLedgers: LedgerTypeInput[] = [
  ledger(
    {
      code: 'poverty_monitoring',
      name: '防返贫监测户与帮扶',
      portfolio: 'village_assistance',
      description: '纳入防止返贫监测的农户、风险类型、帮扶措施和帮扶资金，以及风险是否消除。',
      fields: [
        text('household_head', '户主姓名', { required: true, maxLength: 30 }),
        unit('village', '所在村', { required: true }),
        count('household_size', '家庭人口', '人'),
        choice(
          'risk_type',
          '主要风险类型',
          [
            ['illness', '因病'],
            ['disability', '因残'],
            ['schooling', '因学'],
            ['accident', '因意外事故'],
            ['unemployment', '因务工就业不稳'],
            ['disaster', '因自然灾害'],
            ['other', '其他'],
          ],
          { required: true },
        ),
        date('identified_on', '纳入监测日期', { required: true }),
        choice(
          'measure_kind',
          '主要帮扶措施',
          [
            ['industry', '产业帮扶'],
            ['employment', '就业帮扶'],
            ['medical', '医疗保障'],
            ['schooling', '教育资助'],
            ['social_security', '兜底保障'],
            ['other', '其他'],
          ],
          { required: true },
        ),
        longText('measures', '帮扶措施说明', { required: true }),
        money('help_amount', '帮扶资金(元)'),
        person('helper', '帮扶责任人'),
        flag('risk_cleared', '风险已消除'),
        date('cleared_on', '风险消除日期'),
      ],
      dateField: 'identified_on',
      unitField: 'village',
      personField: 'helper',
    },
    (m) => [
      m.count('households', '纳入监测户数', '户', {
        phrase: say('新识别纳入', '防返贫监测对象', '户'),
      }),
      m.count('by_risk_type', '各风险类型监测户数', '户', { groupBy: 'risk_type' }),
      m.sum('help_amount', '落实帮扶资金', '万元', 'help_amount', {
        phrase: say('落实', '帮扶资金', '万元'),
      }),
      m.count('risk_cleared', '消除风险户数', '户', {
        filters: [eq('risk_cleared', true)],
        periodField: 'cleared_on',
        phrase: say('消除', '返贫风险', '户', { pattern: '{n}{verb}{object}' }),
      }),
    ],
  ),
  ledger(
    {
      code: 'village_decision',
      name: '四议两公开',
      portfolio: 'village_assistance',
      description:
        '村级重大事项按党支部提议、两委商议、党员大会审议、村民代表会议决议和决议、结果公开办理的过程。',
      fields: [
        unit('village', '村(社区)', { required: true }),
        text('matter', '决策事项', { required: true }),
        choice(
          'matter_kind',
          '事项类别',
          [
            ['project', '工程项目'],
            ['funds', '集体资金使用'],
            ['assets', '集体资产处置'],
            ['contracting', '资源发包'],
            ['welfare', '惠民事项'],
            ['other', '其他'],
          ],
          { required: true },
        ),
        date('proposed_on', '提议日期', { required: true }),
        choice(
          'stage',
          '办理环节',
          [
            ['proposal', '党支部提议'],
            ['consultation', '两委商议'],
            ['review', '党员大会审议'],
            ['resolution', '村民代表会议决议'],
            ['resolution_public', '决议公开'],
            ['result_public', '结果公开'],
          ],
          { required: true },
        ),
        date('resolved_on', '决议日期'),
        money('amount', '涉及金额(元)'),
        count('representatives_present', '到会代表人数', '人'),
        count('votes_for', '赞成票数', '票'),
        attachments(),
      ],
      dateField: 'proposed_on',
      unitField: 'village',
      deed: {
        pattern: '{month}月，{village}按程序议定“{matter}”，涉及资金{#amount}',
        rank: ['amount'],
      },
    },
    (m) => [
      m.count('matters', '按四议两公开决策事项数', '件', {
        phrase: say('按“四议两公开”程序决策', '村级重大事项', '件', { parts: ['completed'] }),
      }),
      m.count('completed', '完成结果公开事项数', '件', {
        filters: [eq('stage', 'result_public')],
        phrase: say('', '已完成结果公开', '件', { pattern: '{object}的{n}' }),
      }),
      m.sum('amount', '决策事项涉及金额', '万元', 'amount', {
        phrase: say('涉及', '资金', '万元'),
      }),
      m.count('by_kind', '各类决策事项数', '件', { groupBy: 'matter_kind' }),
    ],
  ),
  ledger(
    {
      code: 'village_disclosure',
      name: '三务公开',
      portfolio: 'village_assistance',
      description: '各村(社区)党务、村务、财务公开的每一期，记录公开方式和事项数。',
      fields: [
        unit('village', '村(社区)', { required: true }),
        choice(
          'disclosure_kind',
          '公开类别',
          [
            ['party', '党务'],
            ['village', '村务'],
            ['finance', '财务'],
          ],
          {
            required: true,
          },
        ),
        text('period_label', '公开期次', { required: true, help: '如“第二季度”“十月份”' }),
        date('disclosed_on', '公开日期', { required: true }),
        choice(
          'method',
          '公开方式',
          [
            ['board', '公开栏'],
            ['online', '微信群/线上平台'],
            ['meeting', '会议公布'],
            ['other', '其他'],
          ],
          {
            required: true,
          },
        ),
        count('items', '公开事项数', '项'),
        attachments('photos', '公开照片'),
      ],
      dateField: 'disclosed_on',
      unitField: 'village',
    },
    (m) => [
      m.count('count', '三务公开期次', '次', { phrase: say('公开', '党务、村务、财务', '期') }),
      m.count('by_kind', '各类公开期次', '次', { groupBy: 'disclosure_kind' }),
      m.distinct('villages', '按期公开村(社区)数', '个', 'village', {
        phrase: say('', '村（社区）', '个', {
          pattern: '{n}{object}做到按期公开',
          trend: false,
          acrossUnits: true,
        }),
      }),
    ],
  ),
  ledger(
    {
      code: 'relief_payment',
      name: '低保/救助/优抚发放',
      portfolio: 'civil_affairs',
      description: '低保、特困供养、临时救助、优抚和残疾人补贴的每笔发放。',
      fields: [
        text('recipient', '领取人', { required: true, maxLength: 30 }),
        unit('village', '所在村(社区)', { required: true }),
        choice(
          'program',
          '发放项目',
          [
            ['subsistence', '城乡低保'],
            ['destitute', '特困供养'],
            ['temporary', '临时救助'],
            ['veterans', '优抚'],
            ['disability', '残疾人两项补贴'],
            ['other', '其他'],
          ],
          { required: true },
        ),
        date('paid_on', '发放日期', { required: true }),
        money('amount', '发放金额(元)', { required: true }),
        text('period_label', '所属月份', { help: '如“三月”' }),
        person('handler', '经办人'),
      ],
      dateField: 'paid_on',
      unitField: 'village',
      personField: 'handler',
    },
    (m) => [
      m.sum('amount', '发放救助保障资金', '万元', 'amount', {
        phrase: say('发放', '各类救助保障资金', '万元', { parts: ['subsistence_amount'] }),
      }),
      m.sum('subsistence_amount', '城乡低保发放金额', '万元', 'amount', {
        filters: [eq('program', 'subsistence')],
        phrase: say('', '城乡低保金', '万元'),
      }),
      m.sum('amount_by_program', '各项目发放金额', '万元', 'amount', { groupBy: 'program' }),
      m.count('payments', '发放人次', '人', { phrase: say('惠及', '困难群众', '人次') }),
      m.distinct('recipients', '保障对象人数', '人', 'recipient', {
        phrase: say('', '保障对象', '人', { trend: false }),
      }),
      m.sum('temporary_relief', '临时救助金额', '元', 'amount', {
        filters: [eq('program', 'temporary')],
        phrase: say('发放', '临时救助金', '元'),
      }),
    ],
  ),
];
