/**
 * The installation-wide 系统运维 role (issue 10 item 7) in user management: only the command line
 * (no acting user) grants it, with no town or unit scope, and only it manages such an account.
 */
import { SYSTEM_ROLES } from '../../core/actor.ts';
import { Forbidden, NotFound } from '../../core/errors.ts';

interface Ctx {
  actor: unknown;
  townId: string;
}

/** Whether a grant is of a system role; refuses one a town admin gives, or one with a scope. */
export function checkSystemGrant(
  ctx: Ctx,
  g: { role: string; townId?: string; unitId?: string | null },
): boolean {
  const system = (SYSTEM_ROLES as readonly string[]).includes(g.role);
  if (system && (ctx.actor || g.unitId || (g.townId ?? ctx.townId) !== ctx.townId))
    throw new Forbidden('系统运维角色只能在命令行（lvzhi user add）授予，且不带乡镇或单位范围');
  return system;
}

/** A system operator's account is the CLI's: a town admin resetting it would own the calendar. */
export function assertTownManaged<U extends { roles: { role: string }[] }>(
  ctx: Ctx,
  user: U | undefined,
): asserts user is U {
  if (!user) throw new NotFound('用户');
  if (ctx.actor && user.roles.some((g) => (SYSTEM_ROLES as readonly string[]).includes(g.role)))
    throw new Forbidden('系统运维账号只能由命令行（lvzhi）管理，乡镇管理员不能修改');
}
