/**
 * A year (2025) of ledger records for the demo town, over every catalogue type: dates follow
 * the seasons (quiet at Spring Festival and in August, busy in spring and autumn, patrols in the
 * travel rush, conscription in its statutory months), each record belongs to a village or to the
 * office of its portfolio and names a fitting person (propaganda items by the 宣传委员 and
 * 宣传专干, meetings held by each village's party branch). Driven by the field types, so a new
 * catalogue type gets data without new code. Every record is validated like a user's.
 */
import type { Kysely } from 'kysely';
import { ledgerCatalogue } from '../core/ledger/catalogue/index.ts';
import {
  recordColumns,
  uniqueKeys,
  validateRecordData,
  type RecordData,
} from '../core/ledger/record.ts';
import type { LedgerField, LedgerType } from '../core/ledger/type.ts';
import { newId } from '../db/ids.ts';
import type { DB } from '../db/schema.ts';
import { installCatalogue } from '../domains/ledgers/ledger-type.repository.ts';
import { personName, type SeededRandom } from './random.ts';

type Db = Kysely<DB>;
const YEAR = 2025;

/** Relative activity per month (Jan…Dec). */
const SEASON = [0.6, 0.4, 1.1, 1.2, 1.2, 1.1, 1.0, 0.7, 1.0, 1.2, 1.2, 1.0];
const SEASONS: Record<string, number[]> = {
  traffic_patrol: [2.0, 2.2, 0.8, 1.0, 1.4, 0.7, 0.7, 0.8, 0.9, 1.8, 0.7, 1.0],
  safety_hazard: [1.6, 1.0, 0.9, 1.0, 1.1, 1.5, 1.6, 1.4, 0.9, 1.0, 1.0, 1.3],
  conscription: [1.2, 1.0, 1.5, 1.6, 1.4, 1.2, 1.5, 1.3, 1.0, 0.2, 0.1, 0.1],
  branch_star_rating: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.3, 1],
  militia_roster: [0.2, 0.3, 2.5, 2.5, 1.0, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2],
};
/** Records per year for types not generated on a schedule. */
const VOLUME: Record<string, number> = {
  propaganda_item: 160,
  relief_payment: 260,
  safety_hazard: 130,
  traffic_patrol: 110,
  volunteer_service: 90,
  militia_roster: 80,
  civilization_activity: 80,
  theory_study: 60,
  member_development: 50,
  poverty_monitoring: 45,
  branch_star_rating: 16,
  village_disclosure: 64,
  reserve_cadre: 40,
  talent_pool: 50,
};
const OFFICE_OF: Record<string, string> = {
  propaganda: 'office_propaganda',
  organization: 'office_party',
  politics_law: 'office_safety_peace',
  civil_affairs: 'office_social',
  armed_forces: 'office_armed',
  transport: 'office_emergency',
  discipline: 'office_discipline',
  village_assistance: 'office_agriculture',
  economy: 'office_economy',
  safety: 'office_emergency',
  environment: 'office_construction',
  petitions: 'office_governance',
};
const VILLAGE_KEYS = new Set(['village', 'branch', 'station']);
/** A later date that only makes sense once the record says so (fixed_on needs fixed = true). */
const FOLLOW_UP: Record<string, (d: RecordData) => boolean> = {
  fixed_on: (d) => d.fixed === true,
  cleared_on: (d) => d.risk_cleared === true,
  resolved_on: (d) => d.resolved === true,
  done_on: (d) => d.status === 'done',
  fulfilled_on: (d) => d.status === 'fulfilled',
  handled_on: (d) => d.stage !== 'found',
};
const NAME_KEYS = new Set([
  'person_name',
  'name',
  'member_name',
  'wisher',
  'visitor',
  'household_head',
  'recipient',
  'party_name',
]);
const TEXTS: Record<string, string[]> = {
  title: [
    '青石镇开展春季植树活动',
    '乡村振兴产业项目建设提速',
    '志愿服务温暖独居老人',
    '人居环境整治见成效',
    '基层党建引领乡村治理',
    '青石茶叶喜获丰收',
    '防汛演练筑牢安全防线',
    '新时代文明实践站活动丰富',
  ],
  outlet: [
    '云溪县融媒体中心',
    '市日报',
    '省广播电视台',
    '青石镇政务公众号',
    '学习强国平台',
    '人民网',
  ],
  topic: [
    '学习贯彻党的二十届三中全会精神',
    '党纪学习教育',
    '习近平文化思想',
    '乡村振兴战略',
    '安全生产法律法规',
    '基层治理能力建设',
  ],
  theme: [
    '党纪学习教育',
    '我为群众办实事',
    '红色教育',
    '乡村振兴党员先行',
    '宪法宣传',
    '防范电信诈骗',
  ],
  place: ['村委会门口', '集镇农贸市场', '学校周边', '小型加工厂', '沿河步道', '村级道路弯道'],
  location: ['村委会广场', '集镇主街', '村口宣传栏', '文化礼堂', '组道交叉口'],
  post: ['集镇路口劝导站', '国道岔口劝导站', '学校路口劝导站'],
  item: ['农村道路硬化', '文化广场照明', '留守儿童课后辅导', '茶叶销售渠道', '农技培训场地'],
  wish: ['一套学习用品', '一台电暖器', '一次健康体检', '一辆儿童自行车', '一批冬衣'],
  matter: ['村集体经济项目立项', '村道维修资金使用', '集体土地流转方案', '村级公益岗位设置'],
  project: ['关爱独居老人', '河道清洁', '文明交通劝导', '义务理发', '图书漂流'],
  content: ['宣传标语', '社会主义核心价值观', '移风易俗倡议', '防溺水提示'],
  specialty: ['茶叶种植', '电商运营', '木工', '竹编', '养殖技术'],
  current_post: ['村文书', '网格员', '村妇联主席', '村团支部书记'],
  occupation: ['农民', '个体工商户', '教师', '村干部', '企业职工'],
  goods: ['米、油', '慰问金及生活用品', '棉被'],
  squad: ['一排一班', '一排二班', '应急分队'],
  period_label: ['第一季度', '第二季度', '第三季度', '第四季度'],
  partner: ['县供电公司', '镇卫生院', '县农商行'],
  team: ['青石镇志愿服务队', '巾帼志愿服务队', '党员先锋队'],
  claimed_by: ['镇机关党支部', '县农商行党支部', '爱心企业'],
  household: ['王家户', '李家户', '张家户', '陈家户'],
};

interface Home {
  kind: 'village' | 'office';
  unitId: string;
  branchId?: string;
  people: string[];
}

interface Directory {
  villages: Home[];
  offices: Map<string, Home>;
  leadersByPortfolio: Map<string, string[]>;
  anyOffice: Home;
}

async function loadDirectory(db: Db, townId: string): Promise<Directory> {
  const units = await db
    .selectFrom('unit')
    .select(['id', 'parent_id', 'kind', 'code'])
    .where('town_id', '=', townId)
    .orderBy('sort_order')
    .execute();
  const positions = await db
    .selectFrom('position')
    .select(['id', 'person_id', 'unit_id', 'leadership'])
    .where('town_id', '=', townId)
    .orderBy('starts_on')
    .orderBy('id')
    .execute();
  const portfolios = await db
    .selectFrom('position_portfolio')
    .select(['position_id', 'portfolio_code'])
    .where('town_id', '=', townId)
    .orderBy('position_id')
    .execute();
  const peopleAt = (unitId: string) =>
    positions.filter((p) => p.unit_id === unitId).map((p) => p.person_id);
  const villages = units
    .filter((u) => u.kind === 'village')
    .map((v): Home => ({
      kind: 'village',
      unitId: v.id,
      branchId: units.find((u) => u.parent_id === v.id && u.kind === 'branch')?.id,
      people: peopleAt(v.id),
    }));
  const offices = new Map(
    units
      .filter((u) => u.kind === 'office' && u.code)
      .map((o): [string, Home] => [
        o.code!,
        { kind: 'office', unitId: o.id, people: peopleAt(o.id) },
      ]),
  );
  const leadersByPortfolio = new Map<string, string[]>();
  for (const pp of portfolios) {
    const pos = positions.find((p) => p.id === pp.position_id);
    if (pos)
      leadersByPortfolio.set(pp.portfolio_code, [
        ...(leadersByPortfolio.get(pp.portfolio_code) ?? []),
        pos.person_id,
      ]);
  }
  return { villages, offices, leadersByPortfolio, anyOffice: [...offices.values()][0]! };
}

function dayIn(rng: SeededRandom, weights: number[]): string {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = rng.next() * total;
  let month = 0;
  while (month < 11 && x >= weights[month]!) x -= weights[month++]!;
  const days = new Date(Date.UTC(YEAR, month + 1, 0)).getUTCDate();
  return `${YEAR}-${String(month + 1).padStart(2, '0')}-${String(rng.int(1, days)).padStart(2, '0')}`;
}

function addDays(iso: string, days: number): string {
  const d = new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return d > `${YEAR}-12-31` ? `${YEAR}-12-31` : d;
}

function numberFor(
  rng: SeededRandom,
  f: Extract<LedgerField, { type: 'number' | 'money' }>,
  data: RecordData,
): number {
  if (f.key === 'year') return YEAR;
  if (f.key === 'stars') return rng.pick([2, 3, 3, 4, 4, 4, 5, 5]);
  if (f.key === 'score') return rng.int(70, 98);
  if (f.key === 'attendees' && typeof data.expected === 'number')
    return Math.round(data.expected * (0.8 + rng.next() * 0.2));
  if (f.type === 'money') return rng.int(2, 60) * 100;
  const unit = f.unit ?? '';
  const [lo, hi] =
    unit === '人'
      ? [5, 60]
      : unit === '小时'
        ? [1, 4]
        : unit === '户' || unit === '项'
          ? [1, 6]
          : unit === '天'
            ? [3, 15]
            : [1, 30];
  let n =
    f.integer || unit === '人'
      ? rng.int(lo, hi)
      : Math.round((lo + rng.next() * (hi - lo)) * 2) / 2;
  if (f.min !== undefined) n = Math.max(n, f.min);
  if (f.max !== undefined) n = Math.min(n, f.max);
  return n;
}

function textFor(rng: SeededRandom, f: LedgerField, names: Set<string>, i: number): string {
  if (NAME_KEYS.has(f.key)) return personName(rng, names).name;
  const pool = TEXTS[f.key];
  if (pool) return rng.pick(pool);
  return f.type === 'long_text' ? `${f.label}：按计划完成，情况良好。` : `${f.label}${i + 1}`;
}

/** One record's data: its home (village or office) decides unit and person fields. */
function recordData(
  rng: SeededRandom,
  type: LedgerType,
  dir: Directory,
  home: Home,
  date: string,
  names: Set<string>,
  i: number,
): RecordData {
  const data: RecordData = { [type.dateField]: date };
  const portfolioPeople = [
    ...(dir.leadersByPortfolio.get(type.portfolio) ?? []),
    ...(dir.offices.get(OFFICE_OF[type.portfolio] ?? '')?.people ?? []),
  ];
  for (const f of type.fields) {
    if (f.key in data || f.type === 'attachment' || f.removed) continue;
    if (!f.required && f.type !== 'person' && f.type !== 'unit' && !rng.chance(0.75)) continue;
    switch (f.type) {
      case 'unit':
        data[f.key] = f.key === 'branch' ? (home.branchId ?? home.unitId) : home.unitId;
        break;
      case 'person': {
        const pool =
          home.kind === 'village' && rng.chance(0.6)
            ? home.people
            : portfolioPeople.length
              ? portfolioPeople
              : home.people;
        if (pool.length) data[f.key] = rng.pick(pool);
        break;
      }
      case 'enum':
        data[f.key] =
          f.options[
            Math.min(
              f.options.length - 1,
              Math.floor(rng.next() * rng.next() * f.options.length * 1.6),
            )
          ]!.code;
        break;
      case 'boolean':
        data[f.key] = rng.chance(0.65);
        break;
      case 'number':
      case 'money':
        data[f.key] = numberFor(rng, f, data);
        break;
      case 'date':
        if (!FOLLOW_UP[f.key] || FOLLOW_UP[f.key]!(data))
          data[f.key] =
            f.key === 'birth_date'
              ? `${rng.int(1988, 2000)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`
              : addDays(date, rng.int(1, 40));
        break;
      default:
        data[f.key] = textFor(rng, f, names, i);
    }
  }
  return data;
}

const shiftDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * 发展党员: the dates of the stages passed before the record's own stage, consistent with the
 * type's waiting-period rules (a year and more as 积极分子, a year of 预备期, 18+ at application).
 */
function developmentDates(rng: SeededRandom, data: RecordData): void {
  const order = ['applicant', 'activist', 'candidate', 'probationary', 'full'];
  const reached = order.indexOf(String(data.stage));
  const on = String(data.stage_on);
  for (const k of ['applied_on', 'activist_on', 'candidate_on', 'probationary_on']) delete data[k];
  const probationary =
    reached === 4 ? shiftDays(on, -rng.int(366, 400)) : reached === 3 ? on : undefined;
  const candidate =
    reached === 2 ? on : probationary ? shiftDays(probationary, -rng.int(60, 150)) : undefined;
  const activist =
    reached === 1 ? on : candidate ? shiftDays(candidate, -rng.int(370, 500)) : undefined;
  const applied = reached === 0 ? on : activist ? shiftDays(activist, -rng.int(30, 200)) : on;
  Object.assign(
    data,
    { applied_on: applied },
    activist && { activist_on: activist },
    candidate && reached >= 3 && { candidate_on: candidate },
    probationary && reached >= 4 && { probationary_on: probationary },
  );
  data.birth_date = shiftDays(applied, -rng.int(19 * 365, 40 * 365));
}

/** Homes and dates of a type's records for the year: schedules for branch life, draws otherwise. */
function plan(
  rng: SeededRandom,
  type: LedgerType,
  dir: Directory,
): { home: Home; date: string; meetingType?: string }[] {
  const out: { home: Home; date: string; meetingType?: string }[] = [];
  const month = (m: number) =>
    `${YEAR}-${String(m).padStart(2, '0')}-${String(rng.int(3, 26)).padStart(2, '0')}`;
  if (type.code === 'branch_meeting') {
    // 三会一课: a committee meeting every month, a member assembly and a party lecture each quarter.
    for (const v of dir.villages)
      for (let m = 1; m <= 12; m++) {
        out.push({ home: v, date: month(m), meetingType: 'committee' });
        if (m % 3 === 0)
          out.push(
            { home: v, date: month(m), meetingType: 'member_assembly' },
            { home: v, date: month(m), meetingType: 'party_lecture' },
          );
      }
    return out;
  }
  if (type.code === 'theme_party_day') {
    for (const v of dir.villages)
      for (let m = 1; m <= 12; m++) out.push({ home: v, date: month(m) });
    return out;
  }
  if (type.code === 'branch_star_rating') {
    // One rating per branch and year (the type's unique rule).
    for (const v of dir.villages) out.push({ home: v, date: dayIn(rng, SEASONS[type.code]!) });
    return out;
  }
  const needsVillage = type.fields.some(
    (f) => f.type === 'unit' && f.required && VILLAGE_KEYS.has(f.key),
  );
  const n = VOLUME[type.code] ?? 60;
  const office = dir.offices.get(OFFICE_OF[type.portfolio] ?? '') ?? dir.anyOffice;
  for (let i = 0; i < n; i++) {
    const home =
      needsVillage || rng.chance(type.portfolio === 'propaganda' ? 0.3 : 0.5)
        ? rng.pick(dir.villages)
        : office;
    out.push({ home, date: dayIn(rng, SEASONS[type.code] ?? SEASON) });
  }
  return out;
}

/** Installs the catalogue in the town and writes the demo year of records; returns the count. */
export async function seedDemoLedgers(db: Db, townId: string, rng: SeededRandom): Promise<number> {
  await installCatalogue(db, townId);
  const dir = await loadDirectory(db, townId);
  const names = new Set<string>();
  let total = 0;
  for (const type of ledgerCatalogue) {
    const rows = plan(rng, type, dir).map((p, i) => {
      const data = recordData(rng, type, dir, p.home, p.date, names, i);
      if (p.meetingType) data.meeting_type = p.meetingType;
      if (type.code === 'member_development') developmentDates(rng, data);
      const valid = validateRecordData(type, data, 'write');
      const cols = recordColumns(type, valid);
      return {
        town_id: townId,
        id: newId(),
        type_code: type.code,
        type_version: type.version,
        unit_id: cols.unitId,
        person_id: cols.personId,
        occurred_on: cols.occurredOn!,
        data: JSON.stringify(valid),
        created_by: null,
        valid,
      };
    });
    for (let i = 0; i < rows.length; i += 1000)
      await db
        .insertInto('ledger_record')
        .values(rows.slice(i, i + 1000).map(({ valid: _v, ...r }) => r))
        .execute();
    // Unique values are claimed as a user's write claims them (ledger_unique).
    const claims = rows.flatMap((r) =>
      uniqueKeys(type, r.valid).map((k) => ({
        town_id: townId,
        type_code: type.code,
        field_key: k.key,
        value: k.value,
        record_id: r.id,
      })),
    );
    if (claims.length) await db.insertInto('ledger_unique').values(claims).execute();
    total += rows.length;
  }
  return total;
}
