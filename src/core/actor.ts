/**
 * Who is acting: a logged-in user with role grants, each over one town and optionally a unit
 * subtree (DESIGN 2). Pure helpers here; the policies in each domain build on them.
 */

import type { Role, SystemRole } from './access/roles.ts';

export {
  ROLES,
  ROLE_LABELS,
  SYSTEM_ROLES,
  SYSTEM_ROLE_LABELS,
  type Role,
  type SystemRole,
} from './access/roles.ts';

/** One role over one town, narrowed to a unit subtree when `unitId` is set. */
export interface Grant {
  role: Role;
  townId: string;
  unitId: string | null;
}

export interface Actor {
  userId: string;
  /** The town that administers this account. */
  homeTownId: string;
  username: string;
  displayName: string;
  personId: string | null;
  grants: Grant[];
  /** Installation-wide roles (absent: none). */
  systemRoles?: SystemRole[];
  sessionId: string;
}

/**
 * The caller of a write: who acts, in which town (the path's, or their own), from which address.
 * Services take it so the change and its audit entry name the same caller.
 */
export interface WriteCtx {
  actor: Actor;
  townId: string;
  ip: string | null;
}

export function holdsSystemRole(actor: Actor, role: SystemRole): boolean {
  return actor.systemRoles?.includes(role) ?? false;
}

export function grantsIn(actor: Actor, townId: string): Grant[] {
  return actor.grants.filter((g) => g.townId === townId);
}

export function hasRoleIn(actor: Actor, townId: string, ...roles: Role[]): boolean {
  return actor.grants.some((g) => g.townId === townId && roles.includes(g.role));
}

/** Towns the actor may read anything of. */
export function townsInScope(actor: Actor): string[] {
  return [...new Set(actor.grants.map((g) => g.townId))];
}
