/** The user form's values and the grants it sends. */
import type { Role } from '../../api/auth.ts';
import type { RoleGrantInput, User } from '../../api/org.ts';

export interface UserValues {
  username: string;
  displayName: string;
  personId: string | null;
  roles: RoleGrantInput[];
}

/** A new account starts as 专干 of the current town, linked to nobody. */
export function initialUserValues(user: User | null, townId: string): Partial<UserValues> {
  return user
    ? {
        username: user.username,
        displayName: user.displayName,
        personId: user.personId,
        roles: user.roles,
      }
    : { roles: [{ role: 'staff' as Role, townId, unitId: null }], personId: null };
}

/** A unit scope belongs to the account's own town; a grant elsewhere covers that whole town. */
export function grantsInput(roles: readonly RoleGrantInput[], townId: string): RoleGrantInput[] {
  return roles.map((r) => {
    const town = r.townId ?? townId;
    return { role: r.role, townId: town, unitId: town === townId ? (r.unitId ?? null) : null };
  });
}
