/**
 * Catalogue: propaganda and civilisation ledgers (宣传、意识形态、精神文明) — news items sent to
 * outlets, theory study sessions, flags/slogans/boards, civilisation-practice activities and
 * volunteer service.
 */
import type { LedgerTypeInput } from '../type.ts';
import {
  attachments,
  choice,
  count,
  date,
  decimal,
  eq,
  ledger,
  longText,
  oneOf,
  person,
  say,
  text,
  unit,
} from './build.ts';

const outletLevels: [string, string][] = [
  ['national', '国家级'],
  ['provincial', '省级'],
  ['municipal', '市级'],
  ['county', '县级'],
];

export const propagandaLedgers: LedgerTypeInput[] = [
  ledger(
    {
      code: 'propaganda_item',
      name: '宣传信息报送',
      portfolio: 'propaganda',
      description: '向各级媒体和平台报送并被采用的稿件、视频，按采用层级和渠道统计。',
      fields: [
        text('title', '标题', { required: true }),
        text('outlet', '采用媒体/平台', { required: true, help: '如报社、电视台、政务新媒体名称' }),
        choice('level', '采用层级', outletLevels, { required: true }),
        choice(
          'channel',
          '渠道',
          [
            ['official_account', '公众号'],
            ['video_account', '视频号'],
            ['media', '媒体'],
          ],
          {
            required: true,
          },
        ),
        date('published_on', '刊发日期', { required: true }),
        person('author', '作者', { required: true }),
        unit('source_unit', '报送单位'),
        text('link', '链接', { maxLength: 500 }),
        attachments(),
      ],
      dateField: 'published_on',
      personField: 'author',
      unitField: 'source_unit',
      deed: {
        pattern: '{month}月，反映本镇工作的稿件《{title}》被{outlet}采用',
        rank: ['level'],
        onlyOptions: ['national', 'provincial'],
      },
    },
    (m) => [
      m.count('count', '宣传信息采用数', '条', {
        phrase: say('在各级媒体和平台刊发', '宣传信息', '条', {
          parts: ['national', 'provincial', 'municipal'],
        }),
      }),
      m.count('count_by_level', '各级媒体采用数', '条', { groupBy: 'level' }),
      m.count('count_by_channel', '各渠道发布数', '条', { groupBy: 'channel' }),
      m.count('provincial_or_above', '省级及以上媒体采用数', '条', {
        filters: [oneOf('level', ['national', 'provincial'])],
        phrase: say('被', '省级及以上媒体采用', '条'),
      }),
      m.count('national', '国家级媒体采用数', '条', {
        filters: [eq('level', 'national')],
        phrase: say('', '国家级媒体', '条'),
      }),
      m.count('provincial', '省级媒体采用数', '条', {
        filters: [eq('level', 'provincial')],
        phrase: say('', '省级媒体', '条'),
      }),
      m.count('municipal', '市级媒体采用数', '条', {
        filters: [eq('level', 'municipal')],
        phrase: say('', '市级媒体', '条'),
      }),
    ],
  ),
  ledger(
    {
      code: 'theory_study',
      name: '理论学习/中心组学习',
      portfolio: 'propaganda',
      description: '党委理论学习中心组、干部集体学习、专题宣讲和研讨交流的每一次学习。',
      fields: [
        choice(
          'form',
          '学习形式',
          [
            ['center_group', '中心组学习'],
            ['cadre_collective', '干部集体学习'],
            ['branch_collective', '支部集中学习'],
            ['lecture', '专题宣讲'],
            ['seminar', '研讨交流'],
          ],
          { required: true },
        ),
        text('topic', '学习主题', { required: true }),
        date('held_on', '学习日期', { required: true }),
        unit('host_unit', '组织单位'),
        person('speaker', '主讲人/领学人'),
        count('attendees', '参学人数', '人'),
        decimal('hours', '学习时长', '小时', { max: 24 }),
        longText('notes', '学习内容摘要'),
        attachments(),
      ],
      dateField: 'held_on',
      unitField: 'host_unit',
      personField: 'speaker',
      deed: {
        pattern: '{month}月，围绕“{topic}”组织{form}，参学{#attendance}',
        rank: ['attendees'],
      },
    },
    (m) => [
      m.count('sessions', '理论学习次数', '次', {
        phrase: say('组织开展', '各类理论学习', '次', {
          parts: ['center_group_sessions', 'lectures', 'cadre_sessions', 'branch_sessions'],
        }),
      }),
      m.count('center_group_sessions', '中心组学习次数', '次', {
        filters: [eq('form', 'center_group')],
        phrase: say('', '党委理论学习中心组学习', '次'),
      }),
      m.count('lectures', '专题宣讲场次', '次', {
        filters: [eq('form', 'lecture')],
        phrase: say('', '专题宣讲', '场'),
      }),
      m.count('cadre_sessions', '干部集体学习次数', '次', {
        filters: [eq('form', 'cadre_collective')],
        phrase: say('', '机关干部集体学习', '次'),
      }),
      m.count('branch_sessions', '支部集中学习次数', '次', {
        filters: [eq('form', 'branch_collective')],
        phrase: say('', '集中学习', '次'),
      }),
      m.count('sessions_by_form', '各形式学习次数', '次', { groupBy: 'form' }),
      m.sum('attendance', '参学人次', '人', 'attendees', {
        phrase: say('', '参学干部群众', '人次'),
      }),
    ],
  ),
  ledger(
    {
      code: 'publicity_site',
      name: '标语/宣传阵地',
      portfolio: 'propaganda',
      description: '国旗、标语口号、宣传栏、电子屏等阵地的新设、更换和撤除，形成动态管理台账。',
      fields: [
        choice(
          'site_kind',
          '阵地类别',
          [
            ['national_flag', '国旗'],
            ['slogan', '标语口号'],
            ['board', '宣传栏'],
            ['screen', '电子屏'],
            ['culture_wall', '文化墙'],
          ],
          { required: true },
        ),
        choice(
          'action',
          '变动类型',
          [
            ['added', '新设'],
            ['replaced', '更换'],
            ['removed', '撤除'],
            ['inspected', '巡检'],
          ],
          {
            required: true,
          },
        ),
        unit('village', '所在村(社区)', { required: true }),
        text('location', '具体位置', { required: true }),
        text('content', '内容'),
        count('quantity', '数量', '处', { required: true }),
        date('acted_on', '变动日期', { required: true }),
        person('keeper', '管护责任人'),
        attachments('photos', '照片'),
      ],
      dateField: 'acted_on',
      unitField: 'village',
      personField: 'keeper',
    },
    (m) => [
      m.sum('sites_added', '新设宣传阵地数', '个', 'quantity', {
        filters: [eq('action', 'added')],
        phrase: say('新设', '标语、宣传栏等阵地', '处'),
      }),
      m.sum('sites_replaced', '更换破损标语/国旗数', '个', 'quantity', {
        filters: [eq('action', 'replaced')],
        phrase: say('更换', '破损的国旗和标语', '处'),
      }),
      m.sum('changes_by_kind', '各类阵地变动数', '个', 'quantity', { groupBy: 'site_kind' }),
    ],
  ),
  ledger(
    {
      code: 'civilization_activity',
      name: '新时代文明实践活动',
      portfolio: 'propaganda',
      description: '新时代文明实践所、站组织的理论宣讲、文化文艺、移风易俗等活动。',
      fields: [
        text('title', '活动名称', { required: true }),
        choice(
          'category',
          '活动类别',
          [
            ['theory', '理论宣讲'],
            ['culture', '文化文艺'],
            ['customs', '移风易俗'],
            ['health', '卫生健康'],
            ['science', '科学普及'],
            ['other', '其他'],
          ],
          { required: true },
        ),
        unit('station', '实践所/站', { required: true }),
        date('held_on', '活动日期', { required: true }),
        count('participants', '参与群众', '人'),
        count('volunteers', '志愿者人数', '人'),
        person('organizer', '负责人'),
        longText('summary', '活动简况'),
        attachments('photos', '照片'),
      ],
      dateField: 'held_on',
      unitField: 'station',
      personField: 'organizer',
      deed: {
        pattern: '{month}月，{station}组织“{title}”活动，吸引群众{#participants}参加',
        rank: ['participants'],
      },
    },
    (m) => [
      m.count('count', '文明实践活动场次', '次', {
        phrase: say('组织', '新时代文明实践活动', '场', {
          parts: ['theory_count', 'customs_count'],
        }),
      }),
      m.count('theory_count', '理论宣讲类活动场次', '次', {
        filters: [eq('category', 'theory')],
        phrase: say('', '理论宣讲', '场'),
      }),
      m.count('customs_count', '移风易俗类活动场次', '次', {
        filters: [eq('category', 'customs')],
        phrase: say('', '移风易俗活动', '场'),
      }),
      m.count('count_by_category', '各类文明实践活动场次', '次', { groupBy: 'category' }),
      m.sum('participants', '文明实践活动参与人次', '人', 'participants', {
        phrase: say('', '参与群众', '人次'),
      }),
    ],
  ),
  ledger(
    {
      code: 'volunteer_service',
      name: '志愿服务',
      portfolio: 'propaganda',
      description: '志愿服务队伍开展的每一次服务，记录志愿者人数、服务时长和服务对象。',
      fields: [
        text('project', '服务项目', { required: true }),
        text('team', '志愿服务队'),
        unit('village', '服务村(社区)'),
        date('served_on', '服务日期', { required: true }),
        count('volunteers', '志愿者人数', '人', { required: true }),
        decimal('hours', '服务总时长', '小时', { required: true, help: '所有志愿者时长之和' }),
        count('beneficiaries', '服务对象人数', '人'),
        longText('content', '服务内容'),
      ],
      dateField: 'served_on',
      unitField: 'village',
      deed: {
        pattern: '{month}月，组织志愿者{#volunteers}开展“{project}”服务',
        rank: ['volunteers', 'beneficiaries'],
      },
    },
    (m) => [
      m.count('count', '志愿服务次数', '次', { phrase: say('开展', '志愿服务', '次') }),
      m.sum('volunteer_hours', '志愿服务时长', '小时', 'hours', {
        phrase: say('', '累计服务时长', '小时', { trend: false }),
      }),
      m.sum('volunteers', '参与志愿者人次', '人', 'volunteers', {
        phrase: say('', '志愿者参与', '人次'),
      }),
    ],
  ),
];
