/**
 * Who may read and change a town's organisation (DESIGN 2), as the permissions table says
 * (`org` in src/core/access/permissions.ts): everyone holding any grant in the town reads it
 * (county supervisors included); only the town's admins and leaders change it. Contacts of people
 * are shown in full only to admins and leaders.
 */
import type { Actor } from '../../core/actor.ts';
import { scopesEnforced } from '../../core/access/enforcement.ts';
import { may } from '../../core/access/permissions.ts';
import type { RoutePolicy } from '../../core/access/policy.ts';

export function canReadOrg(actor: Actor, townId: string): boolean {
  return may(actor, townId, 'org', 'read');
}

export function canWriteOrg(actor: Actor, townId: string): boolean {
  return may(actor, townId, 'org', 'write');
}

export function canSeeContacts(actor: Actor, townId: string): boolean {
  return !scopesEnforced() || may(actor, townId, 'org', 'contacts');
}

export const orgRead: RoutePolicy = {
  name: 'org.read',
  allows: (a, p) => canReadOrg(a, p.townId ?? ''),
};
export const orgWrite: RoutePolicy = {
  name: 'org.write',
  allows: (a, p) => canWriteOrg(a, p.townId ?? ''),
};
