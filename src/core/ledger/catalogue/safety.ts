/**
 * Catalogue: safety, transport and environment ledgers — hazard inspection and rectification,
 * traffic persuasion and patrols, illegal building enforcement, and living-environment work.
 */
import type { LedgerTypeInput } from '../type.ts';
import {
  attachments,
  choice,
  count,
  date,
  decimal,
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

export const safetyLedgers: LedgerTypeInput[] = [
  ledger(
    {
      code: 'safety_hazard',
      name: '安全隐患排查',
      portfolio: 'safety',
      description: '排查发现的每处安全隐患，整改期限、是否整改完成及完成日期。',
      fields: [
        text('place', '隐患场所/部位', { required: true }),
        unit('village', '所在村(社区)'),
        choice(
          'hazard_kind',
          '隐患类别',
          [
            ['fire', '消防'],
            ['road', '道路交通'],
            ['construction', '建筑施工'],
            ['gas', '燃气'],
            ['chemicals', '危险化学品'],
            ['flood_geology', '防汛及地质灾害'],
            ['food', '食品安全'],
            ['other', '其他'],
          ],
          { required: true },
        ),
        choice(
          'severity',
          '隐患等级',
          [
            ['general', '一般隐患'],
            ['major', '重大隐患'],
          ],
          { required: true },
        ),
        date('found_on', '发现日期', { required: true }),
        longText('description', '隐患描述', { required: true }),
        person('inspector', '排查人'),
        date('deadline', '整改期限'),
        flag('fixed', '已整改'),
        date('fixed_on', '整改完成日期'),
        longText('measures', '整改措施'),
        attachments('photos', '整改前后照片'),
      ],
      dateField: 'found_on',
      unitField: 'village',
      personField: 'inspector',
      deed: {
        pattern: '{month}月，督促{village}{place}的{hazard_kind}隐患整改到位',
        rank: ['severity'],
        when: { field: 'fixed', equals: true },
      },
    },
    (m) => [
      m.count('found', '排查发现隐患数', '件', {
        phrase: say('排查发现', '各类安全隐患', '处', { parts: ['major'] }),
      }),
      m.count('fixed', '整改完成隐患数', '件', {
        filters: [eq('fixed', true)],
        periodField: 'fixed_on',
        phrase: say('整改销号', '隐患', '处'),
      }),
      m.rate('fix_rate', '隐患整改率', [eq('fixed', true)], [], {
        phrase: say('达到', '隐患整改率'),
      }),
      m.count('major', '重大隐患数', '件', {
        filters: [eq('severity', 'major')],
        phrase: say('', '重大隐患', '处'),
      }),
      m.count('by_kind', '各类隐患数', '件', { groupBy: 'hazard_kind' }),
    ],
  ),
  ledger(
    {
      code: 'traffic_patrol',
      name: '交通劝导/巡查',
      portfolio: 'transport',
      description: '交通劝导站和农村道路巡查的每次执勤，记录劝导违法行为次数和时长。',
      fields: [
        unit('village', '所在村(社区)'),
        text('post', '劝导站/路段', { required: true }),
        choice(
          'duty_kind',
          '执勤类型',
          [
            ['persuasion', '交通劝导'],
            ['patrol', '道路巡查'],
            ['publicity', '交通安全宣传'],
          ],
          {
            required: true,
          },
        ),
        date('duty_on', '执勤日期', { required: true }),
        count('staff', '参与劝导员', '人', { required: true }),
        count('violations_stopped', '劝导违法行为', '次'),
        decimal('hours', '执勤时长', '小时'),
        person('leader', '带班人'),
        longText('notes', '情况记录'),
      ],
      dateField: 'duty_on',
      unitField: 'village',
      personField: 'leader',
      deed: {
        pattern: '{month}月，在{post}开展{duty_kind}，劝导纠正交通违法行为{#violations_stopped}',
        rank: ['violations_stopped'],
      },
    },
    (m) => [
      m.count('duties', '交通劝导巡查次数', '次', {
        phrase: say('开展', '交通劝导和道路巡查', '次'),
      }),
      m.sum('violations_stopped', '劝导交通违法行为', '次', 'violations_stopped', {
        phrase: say('劝导纠正', '交通违法行为', '起'),
      }),
      m.sum('hours', '执勤时长', '小时', 'hours', {
        phrase: say('累计执勤', '', '小时', { trend: false }),
      }),
    ],
  ),
  ledger(
    {
      code: 'illegal_building',
      name: '违法建房查处',
      portfolio: 'environment',
      description: '巡查发现的违法占地建房及其制止、整改、拆除或补办手续的进展。',
      fields: [
        unit('village', '所在村(社区)', { required: true }),
        text('party_name', '当事人', { required: true, maxLength: 30 }),
        text('location', '位置', { required: true }),
        decimal('area', '占地面积', '平方米'),
        date('found_on', '发现日期', { required: true }),
        choice(
          'stage',
          '处置进展',
          [
            ['found', '已发现'],
            ['stopped', '已制止停工'],
            ['rectifying', '限期整改中'],
            ['demolished', '已拆除'],
            ['legalized', '已补办手续'],
            ['transferred', '已移交执法'],
          ],
          { required: true },
        ),
        date('handled_on', '处置完成日期'),
        person('handler', '责任人'),
        attachments('photos', '现场照片'),
      ],
      dateField: 'found_on',
      unitField: 'village',
      personField: 'handler',
      deed: {
        pattern: '{month}月，{location}的违法建筑依法拆除到位',
        rank: ['area'],
        when: { field: 'stage', equals: 'demolished' },
      },
    },
    (m) => [
      m.count('found', '发现违法建房', '件', {
        phrase: say('巡查发现', '违法占地建房', '处', { parts: ['demolished'] }),
      }),
      m.count('demolished', '拆除违法建筑', '件', {
        filters: [eq('stage', 'demolished')],
        phrase: say('', '已依法拆除', '处'),
      }),
      m.rate(
        'closed_rate',
        '违法建房处置完成率',
        [oneOf('stage', ['demolished', 'legalized', 'transferred'])],
        [],
        { phrase: say('达到', '违法建房处置完成率') },
      ),
    ],
  ),
  ledger(
    {
      code: 'living_environment',
      name: '人居环境整治',
      portfolio: 'environment',
      description: '各村(社区)开展的垃圾清运、污水治理、改厕、清理乱堆乱放等整治行动。',
      fields: [
        unit('village', '村(社区)', { required: true }),
        date('acted_on', '整治日期', { required: true }),
        choice(
          'task_kind',
          '整治内容',
          [
            ['garbage', '垃圾清运'],
            ['sewage', '污水治理'],
            ['toilet', '农村改厕'],
            ['greening', '绿化美化'],
            ['clutter', '清理乱堆乱放'],
            ['other', '其他'],
          ],
          { required: true },
        ),
        count('participants', '出动人数', '人'),
        decimal('garbage_tons', '清运垃圾', '吨'),
        count('issues_found', '发现问题', '个'),
        count('issues_fixed', '整改问题', '个'),
        person('inspector', '督查人'),
        attachments('photos', '照片'),
      ],
      dateField: 'acted_on',
      unitField: 'village',
      personField: 'inspector',
      deed: {
        pattern: '{month}月，{village}开展{task_kind}集中行动，出动干部群众{#participants}',
        rank: ['participants'],
      },
    },
    (m) => [
      m.count('actions', '人居环境整治行动次数', '次', {
        phrase: say('组织', '人居环境集中整治', '次'),
      }),
      m.sum('participants', '出动人次', '人', 'participants', {
        phrase: say('出动', '干部群众', '人次'),
      }),
      m.sum('issues_fixed', '整改人居环境问题', '个', 'issues_fixed', {
        phrase: say('整改', '环境卫生问题', '个'),
      }),
    ],
  ),
];
