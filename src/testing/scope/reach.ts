/**
 * The row-level half of the scope matrix's expectations: what each demo caller should see, written
 * out from DESIGN 2's role table over the raw tables (units, positions, 包联, grants, rows). It
 * deliberately does not call the policies (appeal.policy.ts, ledgers.policy.ts, …) — checking a
 * filter against itself proves nothing — so a removed, loosened or over-tight filter shows.
 */
import { sql, type Kysely } from 'kysely';
import type { Role } from '../../core/actor.ts';
import { localDateOf } from '../../core/calendar/index.ts';
import type { DB } from '../../db/schema.ts';
// Data, not policy: which portfolio owns a whole kind town-wide (信访 → petitions), DESIGN 5.
import { BUILT_IN_KINDS } from '../../core/workflow/index.ts';

/** DESIGN 2, the role table: who reads a resource town-wide (no unit narrowing). */
export const TOWN_WIDE: Record<'appeals' | 'ledgers' | 'reports' | 'contacts', readonly Role[]> = {
  appeals: ['admin', 'leader', 'dispatcher', 'county_supervisor'],
  ledgers: ['admin', 'leader', 'county_supervisor'],
  reports: ['admin', 'leader', 'county_supervisor'],
  /** Full phone numbers and birth dates of people; everyone else gets them masked. */
  contacts: ['admin', 'leader'],
};

export interface AppealRaw {
  id: string;
  kind: string;
  village_id: string | null;
  unit_id: string | null;
  co_handler_unit_ids: string[];
  category_root: string | null;
  case_leader_person_id: string | null;
  owner_person_id: string | null;
  handler_person_id: string | null;
  contact_phone: string | null;
  closed: boolean;
  merged: boolean;
  overdue: boolean;
  received_on: string;
}
export interface RecordRaw {
  id: string;
  type_code: string;
  unit_id: string | null;
  person_id: string | null;
  occurred_on: string;
}
/** 问题清单 and 承诺事项 rows (commitments have no category). */
export interface OwnedRaw {
  id: string;
  village_id: string | null;
  category_root: string | null;
  owner_unit_id: string | null;
  owner_person_id: string | null;
}
interface Dated {
  person_id: string;
  starts_on: string;
  ends_on: string | null;
}

/** The raw facts of one town, read once (the demo town plus the matrix's fixtures). */
export interface TownFacts {
  townId: string;
  today: string;
  children: Map<string, string[]>;
  unitByName: Map<string, string>;
  unitPortfolios: Map<string, string[]>;
  categoryPortfolio: Map<string, string | null>;
  typePortfolio: Map<string, string>;
  positions: (Dated & { portfolios: string[] })[];
  liaisons: (Dated & { village_id: string })[];
  users: Map<
    string,
    { userId: string; personId: string | null; grants: { role: Role; unitId: string | null }[] }
  >;
  people: Map<string, { phone: string | null; birthDate: string | null }>;
  appeals: AppealRaw[];
  records: RecordRaw[];
  reports: { id: string; person_id: string }[];
  problems: OwnedRaw[];
  commitments: OwnedRaw[];
}

/** Each user holding a grant in the town, by username, with their grants. */
async function usersOf(db: Kysely<DB>, townId: string): Promise<TownFacts['users']> {
  const rows = async <T>(q: ReturnType<typeof sql<T>>) => (await q.execute(db)).rows;
  const grants = await rows<{
    username: string;
    id: string;
    person_id: string | null;
    role: Role;
    scope_unit_id: string | null;
  }>(sql`
    select u.username, u.id, u.person_id, r.role, r.scope_unit_id
    from app_user u join user_role r on r.town_id = u.town_id and r.user_id = u.id
    where r.scope_town_id = ${townId}`);
  const users = new Map<string, TownFacts['users'] extends Map<string, infer V> ? V : never>();
  for (const g of grants) {
    const u = users.get(g.username) ?? { userId: g.id, personId: g.person_id, grants: [] };
    u.grants.push({ role: g.role, unitId: g.scope_unit_id });
    users.set(g.username, u);
  }
  return users;
}

export async function loadTownFacts(db: Kysely<DB>, townId: string): Promise<TownFacts> {
  const rows = async <T>(q: ReturnType<typeof sql<T>>) => (await q.execute(db)).rows;
  const units = await rows<{ id: string; parent_id: string | null; name: string }>(
    sql`select id, parent_id, name from unit where town_id = ${townId}`,
  );
  const children = new Map<string, string[]>();
  for (const u of units)
    if (u.parent_id) children.set(u.parent_id, [...(children.get(u.parent_id) ?? []), u.id]);
  const group = <K, V>(list: { k: K; v: V }[]) =>
    list.reduce((m, { k, v }) => m.set(k, [...(m.get(k) ?? []), v]), new Map<K, V[]>());
  const unitPortfolios = group(
    (
      await rows<{ unit_id: string; portfolio_code: string }>(
        sql`select unit_id, portfolio_code from unit_portfolio where town_id = ${townId}`,
      )
    ).map((r) => ({ k: r.unit_id, v: r.portfolio_code })),
  );
  const positions = await rows<Dated & { portfolios: string[] | null }>(sql`
    select p.person_id, to_char(p.starts_on, 'YYYY-MM-DD') as starts_on,
      to_char(p.ends_on, 'YYYY-MM-DD') as ends_on,
      (select array_agg(pp.portfolio_code) from position_portfolio pp
       where pp.town_id = p.town_id and pp.position_id = p.id) as portfolios
    from position p where p.town_id = ${townId}`);
  return {
    townId,
    today: localDateOf(new Date()),
    children,
    unitByName: new Map(units.map((u) => [u.name, u.id])),
    unitPortfolios,
    categoryPortfolio: new Map(
      (
        await rows<{ code: string; portfolio_code: string | null }>(
          sql`select code, portfolio_code from appeal_category`,
        )
      ).map((c) => [c.code, c.portfolio_code]),
    ),
    typePortfolio: new Map(
      (
        await rows<{ code: string; portfolio: string }>(
          sql`select distinct on (code) code, portfolio from ledger_type
              where town_id = ${townId} order by code, version desc`,
        )
      ).map((t) => [t.code, t.portfolio]),
    ),
    positions: positions.map((p) => ({ ...p, portfolios: p.portfolios ?? [] })),
    liaisons: await rows(sql`
      select person_id, village_id, to_char(starts_on, 'YYYY-MM-DD') as starts_on,
        to_char(ends_on, 'YYYY-MM-DD') as ends_on
      from village_liaison where town_id = ${townId}`),
    users: await usersOf(db, townId),
    people: new Map(
      (
        await rows<{ id: string; phone: string | null; birth_date: string | null }>(
          sql`select id, phone, to_char(birth_date, 'YYYY-MM-DD') as birth_date from person where town_id = ${townId}`,
        )
      ).map((p) => [p.id, { phone: p.phone, birthDate: p.birth_date }]),
    ),
    appeals: await rows(sql`
      select id, kind, village_id, unit_id, co_handler_unit_ids, category_root, case_leader_person_id,
        owner_person_id, handler_person_id, contact_phone,
        closed_at is not null as closed, merged_into is not null as merged,
        (closed_at is null and merged_into is null and next_due_at < now()) as overdue,
        to_char(received_on, 'YYYY-MM-DD') as received_on
      from appeal where town_id = ${townId}`),
    records: await rows(sql`
      select id, type_code, unit_id, person_id, to_char(occurred_on, 'YYYY-MM-DD') as occurred_on
      from ledger_record where town_id = ${townId} and deleted_at is null`),
    reports: await rows(sql`select id, person_id from report where town_id = ${townId}`),
    problems: await rows(sql`
      select id, village_id, category_root, owner_unit_id, owner_person_id
      from appeal_problem where town_id = ${townId}`),
    commitments: await rows(sql`
      select id, village_id, null as category_root, owner_unit_id, owner_person_id
      from appeal_commitment where town_id = ${townId}`),
  };
}

type FactsUser = TownFacts['users'] extends Map<string, infer V> ? V : never;

/** A unit and every unit below it, from the raw tree. */
export function subtreeOf(f: TownFacts, root: string): string[] {
  return [root, ...(f.children.get(root) ?? []).flatMap((c) => subtreeOf(f, c))];
}

/** How far a caller's view of a row must and may go: `must` rows are shown, `none` rows never. */
export type Reach = 'must' | 'may' | 'none';

export interface CallerReach {
  personId: string | null;
  userId: string;
  appeal(a: AppealRaw): Reach;
  /** A problem or commitment: read like the orders it gathers (village, owner unit, portfolio, own). */
  owned(o: OwnedRaw): Reach;
  record(r: RecordRaw): Reach;
  report(personId: string): Reach;
  fullContacts: boolean;
}

/** The sets a user's grants, current positions and 包联 open to them. */
function scopeOf(f: TownFacts, user: FactsUser) {
  const roles = new Set(user.grants.map((g) => g.role));
  const me = user.personId;
  const current = (d: Dated) =>
    d.person_id === me && d.starts_on <= f.today && (d.ends_on === null || d.ends_on >= f.today);
  const unitsOf = (role: Role) =>
    new Set(
      user.grants
        .filter((g) => g.role === role && g.unitId)
        .flatMap((g) => subtreeOf(f, g.unitId!)),
    );
  const held = roles.has('portfolio_leader')
    ? new Set(f.positions.filter(current).flatMap((p) => p.portfolios))
    : new Set<string>();
  const liaisonVillages = roles.has('portfolio_leader')
    ? new Set(f.liaisons.filter(current).map((l) => l.village_id))
    : new Set<string>();
  const staffUnits = unitsOf('staff');
  const villageUnits = unitsOf('village_cadre');
  const carried = new Set(
    user.grants
      .filter((g) => g.role === 'staff' && g.unitId)
      .flatMap((g) => f.unitPortfolios.get(g.unitId!) ?? []),
  );
  const townWide = (list: readonly Role[]) =>
    user.grants.some((g) => list.includes(g.role) && !g.unitId);
  const unitGrantWithoutUnit = user.grants.some(
    (g) => (g.role === 'staff' || g.role === 'village_cadre') && !g.unitId,
  );
  return {
    held,
    liaisonVillages,
    staffUnits,
    villageUnits,
    carried,
    townWide,
    unitGrantWithoutUnit,
  };
}

/**
 * DESIGN 2 for one demo user: the union of their grants' unit subtrees, current portfolios and
 * 包联 villages, and what is theirs.
 */
export function reachOf(f: TownFacts, username: string): CallerReach {
  const user = f.users.get(username);
  if (!user) throw new Error(`no grants in town for ${username}`);
  const me = user.personId;
  const {
    held,
    liaisonVillages,
    staffUnits,
    villageUnits,
    carried,
    townWide,
    unitGrantWithoutUnit,
  } = scopeOf(f, user);

  const appeal = (a: AppealRaw): Reach => {
    if (townWide(TOWN_WIDE.appeals)) return 'must';
    const kindPortfolio = BUILT_IN_KINDS[a.kind]?.kpi.portfolio ?? null;
    const inPortfolio =
      (a.category_root !== null && held.has(f.categoryPortfolio.get(a.category_root) ?? '')) ||
      (kindPortfolio !== null && held.has(kindPortfolio));
    const inVillage =
      a.village_id !== null &&
      (liaisonVillages.has(a.village_id) || villageUnits.has(a.village_id));
    const assignedUnit = [a.unit_id, ...a.co_handler_unit_ids].some(
      (u) => u !== null && (staffUnits.has(u) || villageUnits.has(u)),
    );
    const assignedMe =
      me !== null && [a.case_leader_person_id, a.owner_person_id, a.handler_person_id].includes(me);
    return inPortfolio || inVillage || assignedUnit || assignedMe ? 'must' : 'none';
  };
  const owned = (o: OwnedRaw): Reach => {
    if (townWide(TOWN_WIDE.appeals)) return 'must';
    const inPortfolio =
      o.category_root !== null && held.has(f.categoryPortfolio.get(o.category_root) ?? '');
    const inVillage =
      o.village_id !== null &&
      (liaisonVillages.has(o.village_id) || villageUnits.has(o.village_id));
    const ownerUnit =
      o.owner_unit_id !== null &&
      (staffUnits.has(o.owner_unit_id) || villageUnits.has(o.owner_unit_id));
    return inPortfolio || inVillage || ownerUnit || (me !== null && o.owner_person_id === me)
      ? 'must'
      : 'none';
  };
  const record = (r: RecordRaw): Reach => {
    if (townWide(TOWN_WIDE.ledgers) || unitGrantWithoutUnit) return 'must';
    const portfolio = f.typePortfolio.get(r.type_code) ?? '';
    if (held.has(portfolio) || carried.has(portfolio)) return 'must';
    if (r.unit_id !== null && (staffUnits.has(r.unit_id) || villageUnits.has(r.unit_id)))
      return 'must';
    if (me !== null && r.person_id === me && villageUnits.size) return 'must';
    // A staff member named on a record elsewhere sees it when their unit keeps that type too.
    if (me !== null && r.person_id === me && staffUnits.size) return 'may';
    return 'none';
  };
  const report = (personId: string): Reach => {
    if (townWide(TOWN_WIDE.reports)) return 'must';
    return me !== null && personId === me ? 'must' : 'none';
  };
  return {
    personId: me,
    userId: user.userId,
    appeal,
    owned,
    record,
    report,
    fullContacts: townWide(TOWN_WIDE.contacts),
  };
}
