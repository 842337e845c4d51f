/**
 * Who works in the demo town 青石镇: its offices with the portfolios they carry, the leadership
 * with their portfolios, and the office staff, with the demo accounts some of them sign in as.
 */
import type { Role } from '../core/actor.ts';

/**
 * Offices and what each carries (本单位承担的业务, unit_portfolio): their staff keep the ledger
 * types of these portfolios town-wide. 退役军人服务站 carries none of the catalogue's portfolios,
 * so its staff keep the old rule (the records of their own unit).
 */
export const OFFICES: {
  name: string;
  code: string;
  under: 'party' | 'gov';
  portfolios: string[];
}[] = [
  {
    name: '党政综合办公室',
    code: 'office_general',
    under: 'party',
    portfolios: ['office_affairs'],
  },
  {
    name: '党建工作办公室',
    code: 'office_party',
    under: 'party',
    portfolios: ['party_building', 'organization'],
  },
  {
    name: '宣传统战办公室',
    code: 'office_propaganda',
    under: 'party',
    portfolios: ['propaganda', 'ideology'],
  },
  { name: '纪检监察办公室', code: 'office_discipline', under: 'party', portfolios: ['discipline'] },
  {
    name: '平安建设办公室',
    code: 'office_safety_peace',
    under: 'gov',
    portfolios: ['politics_law'],
  },
  {
    name: '社会治理综合服务中心',
    code: 'office_governance',
    under: 'gov',
    portfolios: ['politics_law', 'petitions'],
  },
  { name: '经济发展办公室', code: 'office_economy', under: 'gov', portfolios: ['economy'] },
  {
    name: '农业农村办公室',
    code: 'office_agriculture',
    under: 'gov',
    portfolios: ['agriculture', 'village_assistance'],
  },
  {
    name: '社会事务办公室',
    code: 'office_social',
    under: 'gov',
    portfolios: ['civil_affairs', 'social_security', 'education_health'],
  },
  {
    name: '应急管理办公室',
    code: 'office_emergency',
    under: 'gov',
    portfolios: ['safety', 'transport'],
  },
  {
    name: '规划建设办公室',
    code: 'office_construction',
    under: 'gov',
    portfolios: ['urban_construction', 'environment'],
  },
  { name: '退役军人服务站', code: 'office_veterans', under: 'gov', portfolios: [] },
  { name: '人民武装部', code: 'office_armed', under: 'party', portfolios: ['armed_forces'] },
];

/** Town leadership: title, portfolios, office they sit in, demo username if any. */
export const LEADERS: {
  title: string;
  portfolios: string[];
  office: string;
  user?: { username: string; role: Role };
}[] = [
  {
    title: '党委书记',
    portfolios: ['party_building'],
    office: 'party',
    user: { username: 'shuji', role: 'leader' },
  },
  {
    title: '党委副书记、镇长',
    portfolios: ['economy'],
    office: 'gov',
    user: { username: 'zhenzhang', role: 'leader' },
  },
  { title: '党委副书记', portfolios: ['party_building', 'petitions'], office: 'party' },
  {
    title: '人大主席',
    portfolios: ['education_health', 'urban_construction', 'transport'],
    office: 'gov',
  },
  {
    title: '纪委书记',
    portfolios: ['discipline'],
    office: 'office_discipline',
    user: { username: 'jiwei', role: 'portfolio_leader' },
  },
  {
    title: '党委委员、组织委员',
    portfolios: ['organization'],
    office: 'office_party',
    user: { username: 'zuzhi', role: 'portfolio_leader' },
  },
  {
    title: '党委委员、宣传委员',
    portfolios: ['propaganda', 'ideology'],
    office: 'office_propaganda',
    user: { username: 'xuanchuan', role: 'portfolio_leader' },
  },
  {
    title: '党委委员、政法委员',
    portfolios: ['politics_law', 'petitions'],
    office: 'office_safety_peace',
    user: { username: 'zhengfa', role: 'portfolio_leader' },
  },
  {
    title: '党委委员、武装部长',
    portfolios: ['armed_forces'],
    office: 'office_armed',
    user: { username: 'wuzhuang', role: 'portfolio_leader' },
  },
  {
    title: '副镇长',
    portfolios: ['agriculture', 'village_assistance'],
    office: 'office_agriculture',
  },
  {
    title: '副镇长',
    portfolios: ['safety', 'environment'],
    office: 'office_emergency',
  },
  { title: '副镇长', portfolios: ['civil_affairs', 'social_security'], office: 'office_social' },
];

export const STAFF: { title: string; office: string; user?: { username: string; role: Role } }[] = [
  { title: '党政办主任', office: 'office_general' },
  { title: '党建专干', office: 'office_party' },
  { title: '组织干事', office: 'office_party' },
  { title: '宣传专干', office: 'office_propaganda', user: { username: 'zhuangan', role: 'staff' } },
  { title: '纪检专干', office: 'office_discipline' },
  { title: '综治专干', office: 'office_safety_peace' },
  { title: '信访专干', office: 'office_governance' },
  {
    title: '12345热线派单员',
    office: 'office_governance',
    user: { username: 'paidan', role: 'dispatcher' },
  },
  { title: '12345热线接线员', office: 'office_governance' },
  { title: '经济发展专干', office: 'office_economy' },
  { title: '农业技术员', office: 'office_agriculture' },
  { title: '民政专干', office: 'office_social' },
  { title: '安全生产监管员', office: 'office_emergency' },
  { title: '规划建设专干', office: 'office_construction' },
  { title: '退役军人服务专干', office: 'office_veterans' },
  { title: '武装干事', office: 'office_armed' },
];
