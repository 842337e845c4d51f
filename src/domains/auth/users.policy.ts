/**
 * Who may manage accounts and their grants (DESIGN 2): a town's admins, in that town only, as the
 * permissions table says (`users.manage` in src/core/access/permissions.ts). Granting or removing
 * a role in another town needs that town's admin too (user.service.ts asks `canManageUsers`).
 */
import type { Actor } from '../../core/actor.ts';
import { may } from '../../core/access/permissions.ts';
import type { RoutePolicy } from '../../core/access/policy.ts';

export function canManageUsers(actor: Actor, townId: string): boolean {
  return may(actor, townId, 'users', 'manage');
}

export const usersManage: RoutePolicy = {
  name: 'users.manage',
  allows: (a, p) => canManageUsers(a, p.townId ?? ''),
};
