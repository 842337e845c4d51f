/**
 * Accounts: admins create users with role grants, change them, disable them and reset their
 * passwords. The username directory (login_name) is kept in step in the same transaction.
 */
import type { Kysely } from 'kysely';
import { ROLES, type Actor, type Role, type SystemRole } from '../../core/actor.ts';
import { Conflict, Forbidden, InvalidInput, NotFound } from '../../core/errors.ts';
import { newId } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import { updateVersioned } from '../../db/versioned.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { assertPasswordAcceptable, generatePassword, hashPassword } from './password.ts';
import { destroyUserSessions } from './session.service.ts';
import { assertTownManaged, checkSystemGrant } from './system-roles.ts';
import { canManageUsers } from './users.policy.ts';
import * as repo from './user.repository.ts';

type Db = Kysely<DB>;

export interface GrantInput {
  /** A town role; a system role only from the CLI (`actor` null), over the account's own town. */
  role: Role | SystemRole;
  townId?: string;
  unitId?: string | null;
}
export interface UserCreateInput {
  username: string;
  displayName: string;
  personId?: string | null;
  roles: GrantInput[];
  password?: string;
}
export interface UserUpdateInput {
  version: number;
  displayName?: string;
  personId?: string | null;
  disabled?: boolean;
  roles?: GrantInput[];
}
/** `actor` null means the system itself (first start, CLI, demo generator). */
export interface UserCtx {
  actor: Actor | null;
  townId: string;
  ip: string | null;
}

function actorName(ctx: UserCtx) {
  return ctx.actor?.displayName ?? '系统';
}

/**
 * A grant names a known role, a town that exists and that the acting admin administers (a county
 * supervisor over several towns is set up by an admin of all of them), and optionally a unit of
 * the account's own town.
 */
async function checkGrants(db: Db, ctx: UserCtx, roles: GrantInput[], kept: GrantInput[] = []) {
  for (const [i, g] of roles.entries()) {
    if (kept.some((k) => sameGrant(ctx, k, g))) continue;
    const system = checkSystemGrant(ctx, g);
    if (!system && !(ROLES as readonly string[]).includes(g.role))
      throw new InvalidInput(`第 ${i + 1} 个角色无效`, [
        { path: `roles.${i}.role`, label: '角色', message: '未知角色' },
      ]);
    const townId = g.townId ?? ctx.townId;
    const town = await repo.findTownName(db, townId);
    if (ctx.actor && !canManageUsers(ctx.actor, townId)) {
      throw new Forbidden(
        town
          ? `您不是“${town.name}”的管理员，不能授予该乡镇的角色`
          : '只能在您管理的乡镇内授予角色',
      );
    }
    if (g.unitId) {
      if (townId !== ctx.townId)
        throw new InvalidInput('单位范围只能是本乡镇的单位', [
          { path: `roles.${i}.unitId`, label: '范围单位', message: '只能选本乡镇的单位' },
        ]);
      if (!(await repo.unitExists(db, ctx.townId, g.unitId)))
        throw new InvalidInput('范围单位不存在', [
          { path: `roles.${i}.unitId`, label: '范围单位', message: '在本乡镇中不存在' },
        ]);
    }
    if (!town)
      throw new InvalidInput('授权乡镇不存在', [
        { path: `roles.${i}.townId`, label: '授权乡镇', message: '不存在' },
      ]);
  }
}

async function writeGrants(db: Db, townId: string, userId: string, roles: GrantInput[]) {
  await repo.replaceGrants(
    db,
    townId,
    userId,
    roles.map((g) => ({ role: g.role, townId: g.townId ?? townId, unitId: g.unitId ?? null })),
  );
}

function sameGrant(ctx: UserCtx, a: GrantInput, b: GrantInput): boolean {
  return (
    a.role === b.role &&
    (a.townId ?? ctx.townId) === (b.townId ?? ctx.townId) &&
    (a.unitId ?? null) === (b.unitId ?? null)
  );
}

/**
 * On an edit, grants in towns the acting admin does not administer (e.g. another town's share of
 * a county supervisor's scope) are passed through unchanged; removing one needs that town's admin.
 */
function grantsKeptFromOthers(
  ctx: UserCtx,
  before: { role: string; townId: string; unitId: string | null }[],
  roles: GrantInput[],
): GrantInput[] {
  const foreign = before.filter(
    (g) => ctx.actor && !canManageUsers(ctx.actor, g.townId),
  ) as GrantInput[];
  const dropped = foreign.find((g) => !roles.some((r) => sameGrant(ctx, g, r)));
  if (dropped) throw new Forbidden('该用户在您不管理的乡镇中还有角色，只有该乡镇的管理员才能移除');
  return foreign;
}

/** The linked person must be one of the account's own town (app_user → person is a foreign key). */
async function checkPerson(db: Db, townId: string, personId: string | null | undefined) {
  if (!personId) return;
  if (!(await repo.personExists(db, townId, personId)))
    throw new InvalidInput('关联人员：在本乡镇中不存在', [
      { path: 'personId', label: '关联人员', message: '在本乡镇中不存在' },
    ]);
}

export async function createUser(
  db: Db,
  ctx: UserCtx,
  input: UserCreateInput,
): Promise<{ id: string; password: string; generated: boolean }> {
  const username = input.username.toLowerCase();
  if (await repo.usernameTaken(db, username))
    throw new Conflict(`用户名“${input.username}”已被使用`);
  await checkPerson(db, ctx.townId, input.personId);
  await checkGrants(db, ctx, input.roles);
  const generated = !input.password;
  const password = input.password ?? generatePassword();
  if (!generated) assertPasswordAcceptable(password, 'password');
  const id = newId();
  await repo.insertUser(db, {
    townId: ctx.townId,
    id,
    username,
    displayName: input.displayName,
    personId: input.personId ?? null,
    passwordHash: await hashPassword(password),
    mustChangePassword: generated,
  });
  await writeGrants(db, ctx.townId, id, input.roles);
  await recordAudit(db, {
    townId: ctx.townId,
    actorUserId: ctx.actor?.userId ?? null,
    actorName: actorName(ctx),
    action: 'create',
    entityType: 'user',
    entityId: id,
    after: {
      username,
      displayName: input.displayName,
      personId: input.personId ?? null,
      roles: input.roles,
    },
    ip: ctx.ip,
  });
  return { id, password, generated };
}

export async function listUsers(db: Db, townId: string) {
  const users = await repo.listUserRows(db, townId);
  const grants = await repo.listGrantRows(db, townId);
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    personId: u.person_id,
    disabled: u.disabled,
    mustChangePassword: u.must_change_password,
    lastLoginAt: u.last_login_at ? new Date(u.last_login_at).toISOString() : null,
    version: u.version,
    roles: grants
      .filter((g) => g.user_id === u.id)
      // The column holds only ROLES (checked on every write by checkGrants).
      .map((g) => ({ role: g.role as Role, townId: g.scope_town_id, unitId: g.scope_unit_id })),
  }));
}

export async function updateUser(db: Db, ctx: UserCtx, id: string, input: UserUpdateInput) {
  const before = (await listUsers(db, ctx.townId)).find((u) => u.id === id);
  assertTownManaged(ctx, before);
  await checkPerson(db, ctx.townId, input.personId);
  if (input.roles)
    await checkGrants(db, ctx, input.roles, grantsKeptFromOthers(ctx, before.roles, input.roles));
  const values: Record<string, unknown> = {};
  if (input.displayName !== undefined) values.display_name = input.displayName;
  if (input.personId !== undefined) values.person_id = input.personId;
  if (input.disabled !== undefined) values.disabled = input.disabled;
  await updateVersioned(
    db,
    'app_user',
    { townId: ctx.townId, id, version: input.version },
    values,
    '用户',
  );
  if (input.roles) await writeGrants(db, ctx.townId, id, input.roles);
  if (input.disabled) await destroyUserSessions(db, ctx.townId, id);
  const after = (await listUsers(db, ctx.townId)).find((u) => u.id === id)!;
  await recordAudit(db, {
    townId: ctx.townId,
    actorUserId: ctx.actor?.userId ?? null,
    actorName: actorName(ctx),
    action: 'update',
    entityType: 'user',
    entityId: id,
    before,
    after,
    ip: ctx.ip,
  });
  return after;
}

export async function resetPassword(
  db: Db,
  ctx: UserCtx,
  id: string,
  password?: string,
): Promise<string> {
  assertTownManaged(
    ctx,
    (await listUsers(db, ctx.townId)).find((u) => u.id === id),
  );
  const next = password ?? generatePassword();
  if (password) assertPasswordAcceptable(password, 'password');
  if (!(await repo.setPassword(db, ctx.townId, id, await hashPassword(next), !password)))
    throw new NotFound('用户');
  await destroyUserSessions(db, ctx.townId, id);
  await recordAudit(db, {
    townId: ctx.townId,
    actorUserId: ctx.actor?.userId ?? null,
    actorName: actorName(ctx),
    action: 'password_reset',
    entityType: 'user',
    entityId: id,
    ip: ctx.ip,
  });
  return next;
}
