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
    },
    (m) => [
      m.count('count', '宣传信息采用数', '条'),
      m.count('count_by_level', '各级媒体采用数', '条', { groupBy: 'level' }),
      m.count('count_by_channel', '各渠道发布数', '条', { groupBy: 'channel' }),
      m.count('provincial_or_above', '省级及以上媒体采用数', '条', {
        filters: [oneOf('level', ['national', 'provincial'])],
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
    },
    (m) => [
      m.count('sessions', '理论学习次数', '次'),
      m.count('center_group_sessions', '中心组学习次数', '次', {
        filters: [eq('form', 'center_group')],
      }),
      m.count('sessions_by_form', '各形式学习次数', '次', { groupBy: 'form' }),
      m.sum('attendance', '参学人次', '人', 'attendees'),
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
      }),
      m.sum('sites_replaced', '更换破损标语/国旗数', '个', 'quantity', {
        filters: [eq('action', 'replaced')],
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
    },
    (m) => [
      m.count('count', '文明实践活动场次', '次'),
      m.count('count_by_category', '各类文明实践活动场次', '次', { groupBy: 'category' }),
      m.sum('participants', '文明实践活动参与人次', '人', 'participants'),
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
    },
    (m) => [
      m.count('count', '志愿服务次数', '次'),
      m.sum('volunteer_hours', '志愿服务时长', '小时', 'hours'),
      m.sum('volunteers', '参与志愿者人次', '人', 'volunteers'),
    ],
  ),
];
