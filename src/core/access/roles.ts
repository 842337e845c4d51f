/**
 * The account roles (DESIGN 2) and their one Chinese label list. Everything that names a role —
 * grants, the permissions table, workflow data, the web's role pickers and tags — imports these;
 * the web imports this file directly (`web/src/...` → `src/core/access/roles.ts`). Pure data, no
 * imports, so any layer (and the browser bundle) may use it.
 */

export const ROLES = [
  'admin',
  'leader',
  'portfolio_leader',
  'staff',
  'village_cadre',
  'dispatcher',
  'county_supervisor',
] as const;
export type Role = (typeof ROLES)[number];

/** DESIGN 2's names, shown wherever a role is shown (user admin, sign-in, workflow refusals). */
export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  leader: '党委书记/镇长',
  portfolio_leader: '班子成员',
  staff: '专干/站所',
  village_cadre: '村(社区)干部/网格员',
  dispatcher: '接线员/派单员',
  county_supervisor: '县级督查',
};

/**
 * Roles over the whole installation rather than a town (DESIGN 2, 系统运维): national reference
 * data such as the statutory work calendar. They are never part of `grants`, so no town policy can
 * let them in; only the CLI grants them (a town admin cannot), and only policies that ask
 * `holdsSystemRole` honour them.
 */
export const SYSTEM_ROLES = ['system_operator'] as const;
export type SystemRole = (typeof SYSTEM_ROLES)[number];
export const SYSTEM_ROLE_LABELS: Record<SystemRole, string> = { system_operator: '系统运维' };

/** Role pickers: every role with its label, in DESIGN 2's order. */
export const ROLE_OPTIONS: readonly { value: Role; label: string }[] = ROLES.map((r) => ({
  value: r,
  label: ROLE_LABELS[r],
}));

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
