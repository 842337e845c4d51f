/**
 * Who may read and change a town's organisation (DESIGN 2): everyone holding any grant in the
 * town reads it (county supervisors included); only the town's admins and leaders change it.
 * Contacts of people are shown in full only to admins and leaders.
 */
import { hasRoleIn, type Actor } from '../../core/actor.ts';
import { scopesEnforced } from '../../core/access/enforcement.ts';
import type { RoutePolicy } from '../../core/access/policy.ts';

export function canReadOrg(actor: Actor, townId: string): boolean {
  return actor.grants.some((g) => g.townId === townId);
}

export function canWriteOrg(actor: Actor, townId: string): boolean {
  return hasRoleIn(actor, townId, 'admin', 'leader');
}

export function canSeeContacts(actor: Actor, townId: string): boolean {
  return !scopesEnforced() || hasRoleIn(actor, townId, 'admin', 'leader');
}

export const orgRead: RoutePolicy = {
  name: 'org.read',
  allows: (a, p) => canReadOrg(a, p.townId ?? ''),
};
export const orgWrite: RoutePolicy = {
  name: 'org.write',
  allows: (a, p) => canWriteOrg(a, p.townId ?? ''),
};
