/**
 * Who sees and runs 发展党员 (issue 14), read from the permissions table's `member_development`
 * row: town-wide roles see every branch; a `portfolio` scope holds when the 班子成员 holds the
 * organisation or party-building portfolio (组织委员), or the 专干's unit carries one; a `unit`
 * scope is the branches under the caller's grant units (a 村书记 sees their village's branch).
 */
import type { Kysely } from 'kysely';
import { grantsIn, type Actor } from '../../core/actor.ts';
import { scopesEnforced } from '../../core/access/enforcement.ts';
import { may, scopeOf } from '../../core/access/permissions.ts';
import type { RoutePolicy } from '../../http/route.ts';
import { Forbidden } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import { portfoliosHeld } from '../org/holdings.service.ts';
import { portfoliosOfUnits, unitSubtrees } from '../org/org.service.ts';
import type { BranchFilter } from './development.repository.ts';

export const ORGANISATION_PORTFOLIOS = ['organization', 'party_building'];

/**
 * The route rule is the whole rule: the role row, then `branchScope` (the organisation portfolio of
 * a 班子成员 or of a 专干's unit), so the session's allowed policies — and with them the menu —
 * match what the lists answer.
 */
export const developmentRead: RoutePolicy = {
  name: 'member_development.read',
  allows: (a, p) => may(a, p.townId ?? '', 'member_development', 'read'),
  holds: async (db, a, p) => void (await branchScope(db, a, p.townId ?? '', 'read')),
};

export const developmentManage: RoutePolicy = {
  name: 'member_development.manage',
  allows: (a, p) => may(a, p.townId ?? '', 'member_development', 'manage'),
  holds: async (db, a, p) => void (await branchScope(db, a, p.townId ?? '', 'manage')),
};

/** The page's own probe (who may read, who may manage): anyone the read row lets in at all. */
export const developmentAccess: RoutePolicy = {
  name: 'member_development.access',
  allows: (a, p) => may(a, p.townId ?? '', 'member_development', 'read'),
};

type DevAction = 'read' | 'manage';

async function holdsOrganisation(db: Kysely<DB>, actor: Actor, townId: string, role: string) {
  const organisation = (codes: string[]) => codes.some((c) => ORGANISATION_PORTFOLIOS.includes(c));
  if (role === 'portfolio_leader')
    return organisation(await portfoliosHeld(db, townId, actor.personId));
  const units = grantsIn(actor, townId)
    .filter((g) => g.role === role && g.unitId)
    .map((g) => g.unitId!);
  return (
    units.length > 0 &&
    organisation([...(await portfoliosOfUnits(db, townId, units)).values()].flat())
  );
}

/**
 * Each request's answers: the route's `holds` and the handler ask the same question of the same
 * actor (an object built per request from the session), so the portfolio and subtree lookups
 * run once per request instead of twice or three times.
 */
const answered = new WeakMap<Actor, Map<string, Promise<BranchFilter>>>();

/**
 * The branches the caller may `action` on: null for the whole town, else the branch ids (their
 * grant units' subtrees). Refuses in Chinese when the caller has none.
 */
export function branchScope(
  db: Kysely<DB>,
  actor: Actor,
  townId: string,
  action: DevAction,
): Promise<BranchFilter> {
  if (!scopesEnforced()) return Promise.resolve(null);
  const asked = answered.get(actor) ?? new Map<string, Promise<BranchFilter>>();
  answered.set(actor, asked);
  const key = `${townId}/${action}`;
  const known = asked.get(key);
  if (known) return known;
  const answer = computeBranchScope(db, actor, townId, action);
  asked.set(key, answer);
  return answer;
}

async function computeBranchScope(
  db: Kysely<DB>,
  actor: Actor,
  townId: string,
  action: DevAction,
): Promise<BranchFilter> {
  const grants = grantsIn(actor, townId);
  const unitRoots: string[] = [];
  for (const g of grants) {
    const scope = scopeOf(g.role, 'member_development', action);
    if (scope === 'town' || scope === 'county') return null;
    if (scope === 'portfolio' && (await holdsOrganisation(db, actor, townId, g.role))) return null;
    if (scope === 'unit' && g.unitId) unitRoots.push(g.unitId);
  }
  if (unitRoots.length) return unitSubtrees(db, townId, unitRoots);
  throw new Forbidden(
    action === 'manage'
      ? '发展党员由管理员、党委书记/镇长、分管组织（党建）的班子成员和承担组织工作的专干管理'
      : '只有组织（党建）工作人员和本支部书记可以查看发展党员',
  );
}
