/**
 * Who sees and records branch life (三会一课, 主题党日, rosters; issue 14), from the permissions
 * table's `party` rows. A town-wide scope sees every branch; `portfolio` (班子成员) and `unit`
 * (专干) widen to every branch when the portfolio held — or carried by the staff member's unit — is
 * the organisation work (组织, 党建); otherwise `unit` narrows to the grant's unit subtree, so a
 * branch secretary (village cadre of the village) sees their own branch only. The ledger records
 * behind the meetings are checked again by the ledgers' own scope when written.
 */
import type { Kysely } from 'kysely';
import { grantsIn, type Actor } from '../../core/actor.ts';
import { scopesEnforced } from '../../core/access/enforcement.ts';
import { rolesWith, scopeOf, TOWN_WIDE } from '../../core/access/permissions.ts';
import type { RoutePolicy } from '../../core/access/policy.ts';
import { Forbidden } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import { portfoliosHeld } from '../org/holdings.service.ts';
import { portfoliosOfUnits, unitSubtree } from '../org/org.service.ts';

/** Portfolios whose holders (and whose units' staff) run the town's party branches. */
export const ORGANISATION_PORTFOLIOS = ['organization', 'party_building'];

const routeRoles = (action: 'read' | 'write' | 'configure'): RoutePolicy => ({
  name: `party.${action}`,
  allows: (a, p) => {
    const roles = rolesWith('party', action);
    return grantsIn(a, p.townId ?? '').some((g) => roles.includes(g.role));
  },
});

export const partyRead = routeRoles('read');
export const partyWrite = routeRoles('write');
export const partyConfigure = routeRoles('configure');

/** The branches (units) a caller may read or write: all, or the listed unit subtrees. */
export interface BranchScope {
  all: boolean;
  unitIds: string[];
}

const organisation = (codes: Iterable<string>) =>
  [...codes].some((c) => ORGANISATION_PORTFOLIOS.includes(c));

export async function branchScope(
  db: Kysely<DB>,
  actor: Actor,
  townId: string,
  action: 'read' | 'write' | 'configure',
): Promise<BranchScope> {
  if (!scopesEnforced()) return { all: true, unitIds: [] };
  const unitIds = new Set<string>();
  for (const g of grantsIn(actor, townId)) {
    const scope = scopeOf(g.role, 'party', action);
    if (TOWN_WIDE.includes(scope)) return { all: true, unitIds: [] };
    if (scope === 'portfolio' && organisation(await portfoliosHeld(db, townId, actor.personId)))
      return { all: true, unitIds: [] };
    if (scope !== 'unit' || !g.unitId) continue;
    if (g.role === 'staff') {
      const carried = await portfoliosOfUnits(db, townId, [g.unitId]);
      if (organisation([...carried.values()].flat())) return { all: true, unitIds: [] };
      // A staff member of another unit keeps no branch (a branch sits under a village).
    }
    for (const id of await unitSubtree(db, townId, g.unitId)) unitIds.add(id);
  }
  return { all: false, unitIds: [...unitIds] };
}

export const inBranchScope = (scope: BranchScope, branchId: string) =>
  scope.all || scope.unitIds.includes(branchId);

/** The organisation work only (frequencies, indicator sets, scores). */
export async function assertOrganiser(db: Kysely<DB>, actor: Actor, townId: string) {
  if (!(await branchScope(db, actor, townId, 'configure')).all)
    throw new Forbidden('此项由党委书记/镇长、分管组织（党建）的班子成员和组织工作专干管理');
}
