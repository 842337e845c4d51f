/**
 * Use cases of towns and counties: read a town and its settings, edit it (its admin), add and
 * remove towns and rename a county (a county admin, see town.policy.ts), and the operator's
 * set-up from the command line (`lvzhi county add`, `lvzhi town add`).
 *
 * Audit: a change to one town is recorded in that town's chain. Adding or removing a town, and
 * renaming a county, is recorded in the chain of the acting admin's own town (where their account
 * lives), so a town added by mistake holds nothing and can still be removed.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { DEFAULT_OFFICE_HOURS, officeHoursSchema } from '../../core/calendar/index.ts';
import { Conflict, Forbidden, InvalidInput, NotFound } from '../../core/errors.ts';
import { newId } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import { invalidateTownSettings } from './town-settings.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { assertUnreferenced } from './org.references.ts';
import { isCountyAdminOf } from './town.policy.ts';
import * as repo from './town.repository.ts';
import type {
  CountyCreateInput,
  CountyUpdateInput,
  TownCreateInput,
  TownUpdateInput,
} from './town.schema.ts';

type Db = Kysely<DB>;
/** `actor` null means the operator at the command line. */
export interface TownCtx {
  actor: Actor | null;
  ip: string | null;
}

function settingsOf(raw: unknown): Record<string, unknown> {
  const value = typeof raw === 'string' ? JSON.parse(raw) : raw;
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

function officeHoursOf(settings: Record<string, unknown>) {
  const stored = Array.isArray(settings.officeHours)
    ? (settings.officeHours as [string, string][]).map(([start, end]) => ({ start, end }))
    : null;
  const parsed = stored && officeHoursSchema.safeParse({ periods: stored });
  return parsed?.success
    ? { periods: parsed.data.periods, isDefault: false }
    : { periods: DEFAULT_OFFICE_HOURS.periods, isDefault: true };
}

export async function getTown(db: Db, townId: string) {
  const town = await repo.findTown(db, townId);
  if (!town) throw new NotFound('乡镇');
  const county = await repo.findCounty(db, town.county_id);
  const hours = officeHoursOf(settingsOf(town.settings));
  return {
    id: town.id,
    countyId: town.county_id,
    countyName: county?.name ?? '',
    name: town.name,
    code: town.code,
    settings: { officeHours: hours.periods },
    defaultOfficeHours: hours.isDefault,
    version: town.version,
  };
}

async function isCountyAdmin(db: Db, actor: Actor, countyId: string): Promise<boolean> {
  return isCountyAdminOf(
    actor,
    (await repo.townsOfCounty(db, countyId)).map((t) => t.id),
  );
}

async function assertCountyAdmin(db: Db, ctx: TownCtx, countyId: string, action: string) {
  if (ctx.actor && !(await isCountyAdmin(db, ctx.actor, countyId)))
    throw new Forbidden(`只有本县（区）各乡镇的管理员（县级管理员）才能${action}`);
}

async function assertTownCodeFree(db: Db, code: string, exceptId?: string) {
  const holder = await repo.findTownByCode(db, code);
  if (holder && holder.id !== exceptId)
    throw new Conflict(`乡镇编码“${code}”已被“${holder.name}”使用，请换一个编码`);
}

async function assertTownNameFree(db: Db, countyId: string, name: string, exceptId?: string) {
  const same = (await repo.townsOfCounty(db, countyId)).find(
    (t) => t.name === name && t.id !== exceptId,
  );
  if (same) throw new Conflict(`本县（区）已有名为“${name}”的乡镇`);
}

function auditTown(
  db: Db,
  ctx: TownCtx,
  townId: string,
  action: string,
  entityType: string,
  entityId: string,
  before: unknown,
  after: unknown,
) {
  return recordAudit(db, {
    townId,
    actorUserId: ctx.actor?.userId ?? null,
    actorName: ctx.actor?.displayName ?? '系统',
    action,
    entityType,
    entityId,
    before,
    after,
    ip: ctx.ip,
  });
}

/** Counties of the towns the caller holds any grant in, each with those towns. */
export async function listCounties(db: Db, actor: Actor) {
  const inScope = new Set(actor.grants.map((g) => g.townId));
  const counties = await repo.countiesOfTowns(db, [...inScope]);
  return Promise.all(
    counties.map(async (c) => {
      const towns = await repo.townsOfCounty(db, c.id);
      return {
        id: c.id,
        name: c.name,
        code: c.code,
        version: c.version,
        isCountyAdmin: isCountyAdminOf(
          actor,
          towns.map((t) => t.id),
        ),
        towns: towns
          .filter((t) => inScope.has(t.id))
          .map((t) => ({ id: t.id, name: t.name, code: t.code, version: t.version })),
      };
    }),
  );
}

/** The town's admin edits name and office hours; a new code needs a county admin (links and Open311 use it). */
export async function updateTown(db: Db, ctx: TownCtx, townId: string, input: TownUpdateInput) {
  const before = await repo.findTown(db, townId);
  if (!before) throw new NotFound('乡镇');
  const values: Record<string, unknown> = {};
  if (input.name !== undefined && input.name !== before.name) {
    await assertTownNameFree(db, before.county_id, input.name, townId);
    values.name = input.name;
  }
  if (input.code !== undefined && input.code !== before.code) {
    await assertCountyAdmin(db, ctx, before.county_id, '修改乡镇编码');
    await assertTownCodeFree(db, input.code, townId);
    values.code = input.code;
  }
  if (input.settings?.officeHours)
    values.settings = JSON.stringify({
      ...settingsOf(before.settings),
      officeHours: checkedOfficeHours(input.settings.officeHours),
    });
  const after = await repo.updateVersionedRef(
    db,
    'town',
    { id: townId, version: input.version },
    values,
    '乡镇',
  );
  invalidateTownSettings(townId);
  await auditTown(db, ctx, townId, 'update', 'town', townId, before, after);
  return getTown(db, townId);
}

/** Office hours as stored ([['08:30','12:00'], …]), after the calendar's own rule (ordered, no overlap). */
function checkedOfficeHours(periods: { start: string; end: string }[]): [string, string][] {
  const parsed = officeHoursSchema.safeParse({ periods });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: ['settings', 'officeHours', ...i.path.slice(1)].join('.'),
      label: '办公时间',
      message: i.message,
    }));
    throw new InvalidInput(`办公时间：${issues[0]!.message}`, issues);
  }
  return parsed.data.periods.map((p) => [p.start, p.end]);
}

/**
 * Adds a town to a county. The county's admins (the creator among them) get an admin grant in
 * it, so they stay county admins. The CLI's first admin of a new town is made by the caller with
 * the user service.
 */
export async function createTown(db: Db, ctx: TownCtx, countyId: string, input: TownCreateInput) {
  const county = await repo.findCounty(db, countyId);
  if (!county) throw new NotFound('县（区）');
  await assertCountyAdmin(db, ctx, countyId, '新增乡镇');
  await assertTownCodeFree(db, input.code);
  await assertTownNameFree(db, countyId, input.name);
  const admins = await repo.countyAdmins(db, countyId);
  const id = newId();
  const town = await repo.insertTown(db, { id, countyId, name: input.name, code: input.code });
  for (const admin of admins) {
    await repo.insertAdminGrant(db, {
      homeTownId: admin.homeTownId,
      id: newId(),
      userId: admin.userId,
      scopeTownId: id,
    });
    await auditTown(db, ctx, admin.homeTownId, 'grant', 'user', admin.userId, null, {
      role: 'admin',
      townId: id,
      reason: '县级管理员自动获得新乡镇的管理员权限',
    });
  }
  await auditTown(db, ctx, ctx.actor?.homeTownId ?? id, 'create', 'town', id, null, {
    ...town,
    countyName: county.name,
    adminUserIds: admins.map((a) => a.userId),
  });
  return getTown(db, id);
}

/**
 * Removes a town that holds nothing (no unit, person, account, record or audit entry); other
 * towns' grants over it go with it. Anything else gets a 409 naming what the town holds.
 */
export async function deleteTown(db: Db, ctx: TownCtx, townId: string, version: number) {
  const town = await repo.findTown(db, townId);
  if (!town) throw new NotFound('乡镇');
  if (town.version !== version)
    throw new Conflict(`该乡镇已被他人修改（当前版本 ${town.version}），请刷新后重试`);
  await assertCountyAdmin(db, ctx, town.county_id, '删除乡镇');
  await repo.deleteForeignGrantsOver(db, townId);
  await assertUnreferenced(
    db,
    'town',
    { id: townId },
    (what) => `“${town.name}”已有 ${what}，不能删除（只能删除尚未使用的乡镇）`,
  );
  await repo.deleteTownRow(db, townId);
  invalidateTownSettings(townId);
  if (ctx.actor)
    await auditTown(db, ctx, ctx.actor.homeTownId, 'delete', 'town', townId, town, null);
}

/** The operator's first step on a new install (`lvzhi county add`); counties are not created over HTTP. */
export async function createCounty(db: Db, input: CountyCreateInput) {
  if (await repo.findCountyByCode(db, input.code))
    throw new Conflict(`县（区）编码“${input.code}”已存在`);
  return repo.insertCounty(db, { id: newId(), name: input.name, code: input.code });
}

export async function updateCounty(
  db: Db,
  ctx: TownCtx,
  countyId: string,
  input: CountyUpdateInput,
) {
  const before = await repo.findCounty(db, countyId);
  if (!before) throw new NotFound('县（区）');
  await assertCountyAdmin(db, ctx, countyId, '修改县（区）名称');
  const after = await repo.updateVersionedRef(
    db,
    'county',
    { id: countyId, version: input.version },
    { name: input.name },
    '县（区）',
  );
  if (ctx.actor)
    await auditTown(db, ctx, ctx.actor.homeTownId, 'update', 'county', countyId, before, after);
  return after;
}
