/**
 * Who may see and act on appeals (DESIGN 2), as small predicates: town first, then role, then
 * the relation to the order. Route policies gate the endpoint; `appealScope` narrows every query
 * to what the caller may read; `relationRoles` derives the per-order workflow roles (assignee =
 * member of the assigned unit, co_handler, case_leader, owner) on the server.
 */
import type { Kysely } from 'kysely';
import { grantsIn, type Actor } from '../../core/actor.ts';
import type { DB } from '../../db/schema.ts';
import { scopesEnforced } from '../../core/access/enforcement.ts';
import { BUILT_IN_KINDS } from '../../core/workflow/index.ts';
import { unitSubtrees } from '../org/org.service.ts';
import {
  liaisonVillagesHeld,
  portfoliosHeld,
  todaySpan,
  type DaySpan,
} from '../org/holdings.service.ts';
import { may, rolesWith, TOWN_WIDE } from '../../core/access/permissions.ts';
import type { RoutePolicy } from '../../core/access/policy.ts';
import {
  personUnitsToday,
  portfolioCategoryRoots,
  type AppealScope,
} from './appeal-scope.repository.ts';

// The scope's SQL form lives with the queries; callers keep importing it from here.
export { scopeSql, type AppealScope } from './appeal-scope.repository.ts';

type Db = Kysely<DB>;

// Route level: which roles may call at all, from the permissions table (core/access).
export const appealsRead: RoutePolicy = {
  name: 'appeals.read',
  allows: (a, p) => may(a, p.townId ?? '', 'appeals', 'read'),
};
export const appealsIntake: RoutePolicy = {
  name: 'appeals.intake',
  allows: (a, p) => may(a, p.townId ?? '', 'appeals', 'intake'),
};
/** Roles that work on orders; county supervisors read only (DESIGN 2), 复核 is recorded by the town. */
export const appealsAct: RoutePolicy = {
  name: 'appeals.act',
  allows: (a, p) => may(a, p.townId ?? '', 'appeals', 'act'),
};
/** 督办 by hand: town leaders (DESIGN 2, "supervise"). */
export const appealsSupervise: RoutePolicy = {
  name: 'appeals.supervise',
  allows: (a, p) => may(a, p.townId ?? '', 'appeals', 'supervise'),
};
/**
 * 查看联系方式 at route level: the roles that handle orders. Which order's contact is shown is
 * `canRevealContact`'s decision; portfolio leaders pass here because a 包案领导 answers the petitioner.
 */
export const appealsReveal: RoutePolicy = {
  name: 'appeals.reveal',
  allows: (a, p) => may(a, p.townId ?? '', 'appeals', 'reveal'),
};

/**
 * Whether the caller may register an order of this kind: the intake permission and an account
 * role the kind's opening action names (the engine checks the same roles when it opens the order).
 */
export function mayStartKind(
  actor: Actor,
  townId: string,
  initialRoles: readonly string[],
): boolean {
  if (!may(actor, townId, 'appeals', 'intake')) return false;
  return grantsIn(actor, townId).some((g) => initialRoles.includes(g.role));
}

/** Whether the caller may fire workflow actions at all (the transition route's policy). */
export function mayAct(actor: Actor, townId: string): boolean {
  return may(actor, townId, 'appeals', 'act');
}

/**
 * The days a scope is taken over: today for live reads (the town's local date, as for every
 * deadline), or a report's period — a 述职报告 counts the portfolios and 包联 villages held during
 * its year, not the ones held on the day it is drafted. "Held on a day" is org's rule
 * (org/holdings.repository.ts).
 */
export type ScopeDays = DaySpan;

/** What part of the town's appeals the actor reads; `days` (default today) dates portfolios and 包联. */
export async function appealScope(
  db: Db,
  actor: Actor,
  townId: string,
  days: ScopeDays = todaySpan(),
): Promise<AppealScope> {
  if (!scopesEnforced()) return { all: true };
  const grants = grantsIn(actor, townId);
  if (grants.some((g) => rolesWith('appeals', 'read', TOWN_WIDE).includes(g.role) && !g.unitId))
    return { all: true };
  const scope = {
    all: false as const,
    categoryRoots: [] as string[],
    kinds: [] as string[],
    villageIds: [] as string[],
    unitIds: [] as string[],
    personId: actor.personId,
  };
  if (grants.some((g) => g.role === 'portfolio_leader')) {
    const portfolios = await portfoliosHeld(db, townId, actor.personId, days);
    if (portfolios.length) {
      scope.categoryRoots = await portfolioCategoryRoots(db, portfolios);
      scope.kinds = Object.values(BUILT_IN_KINDS)
        .filter((k) => k.kpi.portfolio && portfolios.includes(k.kpi.portfolio))
        .map((k) => k.kind);
    }
    scope.villageIds.push(...(await liaisonVillagesHeld(db, townId, actor.personId, days)));
  }
  const unitRoots = grants.filter((g) => g.role === 'staff' && g.unitId).map((g) => g.unitId!);
  scope.unitIds = await unitSubtrees(db, townId, unitRoots);
  const villageRoots = grants
    .filter((g) => g.role === 'village_cadre' && g.unitId)
    .map((g) => g.unitId!);
  const villageUnits = await unitSubtrees(db, townId, villageRoots);
  scope.villageIds.push(...villageUnits);
  scope.unitIds.push(...villageUnits);
  return scope;
}

/** Units the actor belongs to: granted unit subtrees, their own unit and their current positions' units. */
export async function actorUnits(db: Db, actor: Actor, townId: string): Promise<Set<string>> {
  const ids = new Set(
    await unitSubtrees(
      db,
      townId,
      grantsIn(actor, townId)
        .filter((g) => g.unitId)
        .map((g) => g.unitId!),
    ),
  );
  if (actor.personId) {
    for (const unitId of await personUnitsToday(db, townId, actor.personId)) ids.add(unitId);
  }
  return ids;
}

/** Account roles in the town plus the relation roles that hold for this order. */
export function workflowRoles(
  actor: Actor,
  townId: string,
  units: Set<string>,
  assignment: Record<string, string | string[]>,
): string[] {
  const roles: string[] = grantsIn(actor, townId).map((g) => g.role);
  const unit = assignment.unit;
  if (typeof unit === 'string' && units.has(unit)) roles.push('assignee');
  const co = assignment.coHandlers;
  if (Array.isArray(co) && co.some((u) => units.has(u))) roles.push('co_handler');
  if (actor.personId && assignment.caseLeader === actor.personId) roles.push('case_leader');
  if (actor.personId && assignment.owner === actor.personId) roles.push('owner');
  return [...new Set(roles)];
}

/** The town desk and leaders: they may see any resident's contact in their scope, not only on orders they handle. */
export function revealsAnyContact(actor: Actor, townId: string): boolean {
  if (!scopesEnforced()) return true;
  // Town-wide revealers (permissions table); everyone else through their relation to the order.
  return may(actor, townId, 'appeals', 'reveal', ['town']);
}

/**
 * The relation roles plus `handler` when the caller is the order's 经办人 (handler_person_id: who
 * registered and mediates a dispute, who claimed a hotline order). Contacts only: not a workflow role.
 */
export function contactRelation(
  actor: Actor,
  relation: string[],
  handlerPersonId: string | null,
): string[] {
  return actor.personId && handlerPersonId === actor.personId ? [...relation, 'handler'] : relation;
}

/** Whether the caller may see a resident's full contact on this order (audited when they do). */
export function canRevealContact(actor: Actor, townId: string, relation: string[]): boolean {
  if (revealsAnyContact(actor, townId)) return true;
  return relation.some((r) =>
    ['assignee', 'co_handler', 'case_leader', 'owner', 'handler'].includes(r),
  );
}
