/**
 * Role catalogue for workflow permissions: account roles a user holds in the town, and relation
 * roles the caller derives from the actor's relation to one order (its assignee, its case leader).
 * Workflow data may name only these roles, so a typo in a kind definition fails at load.
 */
import { ROLES as ACCOUNT_ROLE_LIST, ROLE_LABELS as ACCOUNT_ROLE_LABELS } from '../access/roles.ts';

/** Roles held by an account (账号角色): the one list in core/access/roles.ts. */
export const ACCOUNT_ROLES = ACCOUNT_ROLE_LIST;

/** Roles that hold only for one order; the caller computes them and passes them with the actor. */
export const RELATION_ROLES = [
  'assignee',
  'co_handler',
  'case_leader',
  'reporter',
  'owner',
] as const;

export const ROLES = [...ACCOUNT_ROLES, ...RELATION_ROLES] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  ...ACCOUNT_ROLE_LABELS,
  assignee: '承办单位人员',
  co_handler: '协办单位人员',
  case_leader: '包案领导',
  reporter: '反映人',
  owner: '办事责任人',
};

/** The person acting: account roles plus the relation roles that hold for this order. */
export interface Actor {
  userId: string;
  roles: readonly string[];
}

export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}
