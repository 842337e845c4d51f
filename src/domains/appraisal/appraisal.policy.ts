/**
 * Who runs 民主测评 (issue 14, DESIGN 9). The town's organisation work: admins and the town's
 * leaders (党委书记/镇长), the 班子成员 who hold the 组织 or 党建 portfolio (组织委员) and the 专干
 * of a unit that carries one of them (组织干事, 党建专干). Route level lets the four roles in;
 * `assertManager` then asks the org domain for the portfolio, first thing in every handler, so a
 * 宣传委员 is refused before any round is looked up. Results of a person are read by managers,
 * county supervisors (组织部 oversight) and the person; ballots are public (a token is the key).
 */
import type { Kysely } from 'kysely';
import { grantsIn, hasRoleIn, type Actor } from '../../core/actor.ts';
import { scopesEnforced } from '../../core/access/enforcement.ts';
import type { RoutePolicy } from '../../core/access/policy.ts';
import { Forbidden } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import { portfoliosHeld } from '../org/holdings.service.ts';
import { portfoliosOfUnits } from '../org/org.service.ts';

/** Portfolios whose holders (and whose units' staff) run the town's appraisal rounds. */
export const ORGANISATION_PORTFOLIOS = ['organization', 'party_building'];

export const appraisalManage: RoutePolicy = {
  name: 'appraisal.manage',
  allows: (a, p) => hasRoleIn(a, p.townId ?? '', 'admin', 'leader', 'portfolio_leader', 'staff'),
};

export const appraisalAccess: RoutePolicy = {
  name: 'appraisal.access',
  allows: (a, p) => grantsIn(a, p.townId ?? '').length > 0,
};

export const appraisalResults: RoutePolicy = {
  name: 'appraisal.results',
  allows: (a, p) => grantsIn(a, p.townId ?? '').length > 0,
};

export async function isManager(db: Kysely<DB>, actor: Actor, townId: string): Promise<boolean> {
  if (!scopesEnforced() || hasRoleIn(actor, townId, 'admin', 'leader')) return true;
  const organisation = (codes: string[]) => codes.some((c) => ORGANISATION_PORTFOLIOS.includes(c));
  if (
    hasRoleIn(actor, townId, 'portfolio_leader') &&
    organisation(await portfoliosHeld(db, townId, actor.personId))
  )
    return true;
  const staffUnits = grantsIn(actor, townId)
    .filter((g) => g.role === 'staff' && g.unitId)
    .map((g) => g.unitId!);
  return (
    staffUnits.length > 0 &&
    organisation([...(await portfoliosOfUnits(db, townId, staffUnits)).values()].flat())
  );
}

export async function assertManager(db: Kysely<DB>, actor: Actor, townId: string): Promise<void> {
  if (!(await isManager(db, actor, townId)))
    throw new Forbidden(
      '民主测评由管理员、党委书记/镇长、分管组织（党建）的班子成员和承担组织工作的专干管理',
    );
}

/** A person's own results, or anyone's for managers and county supervisors. */
export async function assertResultReader(
  db: Kysely<DB>,
  actor: Actor,
  townId: string,
  personId: string,
): Promise<void> {
  if (actor.personId === personId || hasRoleIn(actor, townId, 'county_supervisor')) return;
  await assertManager(db, actor, townId);
}
