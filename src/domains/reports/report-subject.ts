/**
 * Whose report it is: the person's positions held during the year decide the template role
 * (书记/镇长/副镇长/委员/专干/村书记 by title), the portfolios the 职 part covers, and the scope
 * their numbers are counted over (town-wide for the leadership, their office or village otherwise).
 */
import type { Kysely } from 'kysely';
import { NotFound } from '../../core/errors.ts';
import type { Role as TemplateRole } from '../../core/report/templates.ts';
import type { DB } from '../../db/schema.ts';
// Read-only look-ups of the organisation; org exposes them only through its repository.
import * as org from '../org/org-lookup.service.ts';
import { townName } from './report-lookup.repository.ts';

type Db = Kysely<DB>;

/** Title patterns in order: the first match wins, so 纪委书记 is tried before any 书记. */
const ROLE_BY_TITLE: Array<{ re: RegExp; role: TemplateRole }> = [
  { re: /纪委书记/u, role: 'discipline_secretary' },
  { re: /(村|社区).*(党支部|党总支|党委)书记|^(村|社区)书记/u, role: 'village_secretary' },
  { re: /^(党委书记|镇党委书记)$|(^|、)党委书记($|、)/u, role: 'party_secretary' },
  { re: /(^|、)镇长($|、)/u, role: 'mayor' },
  { re: /组织委员/u, role: 'organization_member' },
  { re: /宣传委员/u, role: 'propaganda_member' },
  { re: /政法委员/u, role: 'politics_law_member' },
  { re: /武装部长/u, role: 'armed_forces_head' },
  { re: /副镇长|副书记|人大主席|副主席|党委委员/u, role: 'deputy' },
];

/** A staff title without portfolio codes still says what the job is about. */
const PORTFOLIO_BY_TITLE: Array<{ re: RegExp; code: string }> = [
  { re: /宣传/u, code: 'propaganda' },
  { re: /党建|组织/u, code: 'organization' },
  { re: /纪检|监察/u, code: 'discipline' },
  { re: /综治|政法|平安/u, code: 'politics_law' },
  { re: /信访|12345|热线/u, code: 'petitions' },
  { re: /武装/u, code: 'armed_forces' },
  { re: /民政/u, code: 'civil_affairs' },
  { re: /安全|应急/u, code: 'safety' },
  { re: /经济/u, code: 'economy' },
  { re: /农业/u, code: 'agriculture' },
  { re: /规划|建设/u, code: 'urban_construction' },
  { re: /退役军人|社保|社会保障/u, code: 'social_security' },
  { re: /党政办/u, code: 'office_affairs' },
];

/**
 * Portfolios whose work is recorded in another portfolio's ledgers: 党的建设 in the 组织 books,
 * 意识形态 in the 宣传 books. Held together, they form one 职 subsection.
 */
export const LEDGER_PORTFOLIO: Record<string, string> = {
  party_building: 'organization',
  ideology: 'propaganda',
};

/**
 * 主要负责人 answer for the whole town: their 职 part reviews these areas town-wide besides what
 * they hold themselves (the secretary the party side, the mayor the government side).
 */
const OVERVIEW: Partial<Record<TemplateRole, string[]>> = {
  party_secretary: ['organization', 'propaganda', 'discipline', 'politics_law'],
  mayor: ['safety', 'environment', 'transport', 'village_assistance', 'petitions'],
};

export type CountScope =
  { kind: 'town' } | { kind: 'unit'; unitId: string } | { kind: 'person'; personId: string };

export interface ReportPortfolio {
  /** The ledger portfolio whose metrics fill this subsection (also picks its phrases). */
  code: string;
  label: string;
  /** Portfolio codes of the positions it stands for. */
  held: string[];
}

export interface ReportSubject {
  townId: string;
  personId: string;
  name: string;
  year: number;
  /** Title line, e.g. "青石镇党委委员、宣传委员". */
  title: string;
  role: TemplateRole;
  portfolios: ReportPortfolio[];
  /** Areas a principal leader reviews town-wide; skipped when they have no records source. */
  overview: boolean;
  scope: CountScope;
  /** Counted over a village (a village's cadres), not an office. */
  inVillage: boolean;
  /** The office's or village's orders a staff member or village cadre answers for. */
  appealUnitId?: string;
  /** Name of the place the figures describe: the town, the office or the village. */
  place: string;
  /** Villages the person was liaison (包联) leader of during the year. */
  liaisonVillages: string[];
  liaisonVillageIds: string[];
  /**
   * Who drafts from the same phrases about the same or neighbouring books, this person included:
   * the office's staff, or the town's village secretaries. Their drafts are told apart by wording
   * (see report.service).
   */
  colleagues: string[];
}

export function roleForTitles(titles: readonly string[], inVillage: boolean): TemplateRole {
  for (const { re, role } of ROLE_BY_TITLE) if (titles.some((t) => re.test(t))) return role;
  // A village's other cadres (主任, 委员) lead with the secretary; grid workers report like staff.
  if (inVillage && titles.some((t) => /主任|委员/u.test(t))) return 'village_secretary';
  return 'specialist';
}

export function periodOf(year: number) {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The portfolios a report covers: those held, else the village's or the title's and office's. */
function heldCodes(
  positions: Array<{ portfolios: string[]; title: string }>,
  role: TemplateRole,
  inVillage: boolean,
  carried: string[],
): string[] {
  const codes = [...new Set(positions.flatMap((p) => p.portfolios))];
  if (codes.length) return codes;
  // A village's party secretary answers for the village's whole life: its branch, its affairs,
  // its living environment and its civility (each counted over the village).
  if (role === 'village_secretary')
    return ['organization', 'village_assistance', 'environment', 'propaganda'];
  if (inVillage) return ['village_assistance'];
  const titles = positions.map((p) => p.title);
  return [
    ...new Set([
      ...PORTFOLIO_BY_TITLE.filter((r) => titles.some((t) => r.re.test(t)))
        .map((r) => r.code)
        .slice(0, 2),
      ...carried.filter((c) => !LEDGER_PORTFOLIO[c]),
    ]),
  ];
}

/** Everything drafting needs to know about the person; 404 when they are not of this town. */
export async function loadSubject(
  db: Db,
  townId: string,
  personId: string,
  year: number,
): Promise<ReportSubject> {
  const person = await org.findPerson(db, townId, personId);
  if (!person) throw new NotFound('人员');
  const { from, to } = periodOf(year);
  const positions = (await org.listPositions(db, townId, { personId })).filter(
    (p) => p.startsOn <= to && (p.endsOn === null || p.endsOn >= from),
  );
  const town = { name: await townName(db, townId) };
  // Only the units the person holds positions in (not the town's whole tree).
  const units = new Map<string, { id: string; kind: string; name: string }>();
  for (const id of new Set(positions.map((p) => p.unitId))) {
    const u = await org.findUnit(db, townId, id);
    if (u) units.set(u.id, u);
  }
  const titles = positions.map((p) => p.title);
  const village = positions.map((p) => units.get(p.unitId)).find((u) => u?.kind === 'village');
  const role = roleForTitles(titles, village !== undefined);
  const names = new Map((await org.listPortfolios(db)).map((p) => [p.code, p.name]));

  const mainUnit = positions[0] ? units.get(positions[0].unitId) : undefined;
  const leadership = positions.some((p) => p.leadership);
  const home = leadership || !mainUnit ? undefined : (village ?? mainUnit);
  // Office staff keep the books of what their office carries, for the whole town: their report
  // covers those portfolios town-wide (their orders are still the office's).
  const carried =
    home && !village ? ((await org.unitPortfolios(db, townId, [home.id])).get(home.id) ?? []) : [];
  const codes = heldCodes(positions, role, village !== undefined, carried);
  const keepsTownBooks = carried.length > 0 && codes.some((c) => carried.includes(c));
  const scope: CountScope =
    !home || keepsTownBooks ? { kind: 'town' } : { kind: 'unit', unitId: home.id };

  const overview = OVERVIEW[role] ?? [];
  const grouped = new Map<string, string[]>();
  for (const code of [...codes, ...overview]) {
    const source = LEDGER_PORTFOLIO[code] ?? code;
    grouped.set(source, [...(grouped.get(source) ?? []), code]);
  }
  const label = (held: string[]) =>
    held
      .map(
        (c) => (role === 'village_secretary' ? VILLAGE_LABEL[c] : undefined) ?? names.get(c) ?? c,
      )
      .join('、');
  const portfolios = [...grouped].map(([code, held]) => ({
    code,
    held,
    label: label([...new Set(held)]),
  }));

  const colleagues =
    role === 'village_secretary'
      ? await villageSecretaries(db, townId, year)
      : home && !village && !leadership
        ? await officeStaff(db, townId, home.id, year)
        : [personId];
  const prefix = village ? '' : town.name;
  const liaisons = (await org.listLiaisons(db, townId)).filter(
    (l) => l.personId === personId && l.startsOn <= to && (l.endsOn === null || l.endsOn >= from),
  );
  const liaisonVillages = liaisons.map((l) => l.villageName);
  return {
    townId,
    personId,
    name: person.name,
    year,
    role,
    portfolios,
    overview: overview.length > 0,
    scope,
    inVillage: scope.kind === 'unit' && village !== undefined,
    ...(home ? { appealUnitId: home.id } : {}),
    liaisonVillages: [...new Set(liaisonVillages)],
    liaisonVillageIds: [...new Set(liaisons.map((l) => l.villageId))],
    colleagues,
    place: scope.kind === 'unit' ? ((village ?? mainUnit)?.name ?? town.name) : town.name,
    title: titles.length ? `${prefix}${titles[0]}` : `${town.name}干部`,
  };
}

const VILLAGE_LABEL: Record<string, string> = {
  organization: '村党组织建设',
  village_assistance: '村务管理和乡村振兴',
  environment: '人居环境整治',
  propaganda: '精神文明建设',
};

/** Staff of an office (no leadership post) during the year, by id. */
/** The town's village cadres who draft as village secretaries in the year, in village order. */
async function villageSecretaries(db: Db, townId: string, year: number) {
  const { from, to } = periodOf(year);
  const villages = (await org.listUnits(db, townId)).filter((u) => u.kind === 'village');
  const order = new Map(villages.map((u, i) => [u.id, i]));
  const titles = new Map<string, { rank: number; titles: string[] }>();
  for (const p of await org.listPositions(db, townId, {})) {
    const rank = order.get(p.unitId);
    if (rank === undefined || p.startsOn > to || (p.endsOn !== null && p.endsOn < from)) continue;
    const held = titles.get(p.personId) ?? { rank, titles: [] };
    held.titles.push(p.title);
    held.rank = Math.min(held.rank, rank);
    titles.set(p.personId, held);
  }
  return [...titles]
    .filter(([, h]) => roleForTitles(h.titles, true) === 'village_secretary')
    .sort(([a, x], [b, y]) => x.rank - y.rank || (a < b ? -1 : 1))
    .map(([id]) => id);
}

async function officeStaff(db: Db, townId: string, unitId: string, year: number) {
  const { from, to } = periodOf(year);
  const held = (await org.listPositions(db, townId, { unitId })).filter(
    (p) => p.startsOn <= to && (p.endsOn === null || p.endsOn >= from),
  );
  const leaders = new Set(held.filter((p) => p.leadership).map((p) => p.personId));
  return [...new Set(held.map((p) => p.personId))].filter((id) => !leaders.has(id)).sort();
}
