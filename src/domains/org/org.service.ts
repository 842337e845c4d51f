/**
 * Use cases of the organisation: create, change and remove units, people and positions, each
 * checked against the town's own data and written to the audit log in the same transaction
 * (village liaisons: liaison.service.ts).
 */
import type { Kysely } from 'kysely';
import { assertPersonInTown, assertUnitInTown, invalid } from './org.checks.ts';
import type { Actor } from '../../core/actor.ts';
import { Conflict, NotFound } from '../../core/errors.ts';
import { newId } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import { deleteVersioned, updateVersioned } from '../../db/versioned.ts';
import { auditWrite } from '../audit/audit.service.ts';
import { assertUnreferenced } from './org.references.ts';
import * as repo from './org.repository.ts';
import * as writes from './org-write.repository.ts';

/** Unit ids of each root's subtree: other domains' scopes read units through this. */
export { unitSubtree, unitSubtrees } from './org.repository.ts';
import type {
  PersonCreateInput,
  PersonUpdateInput,
  PositionCreateInput,
  PositionUpdateInput,
  UnitCreateInput,
  UnitUpdateInput,
} from './org.schema.ts';

type Db = Kysely<DB>;
export interface Ctx {
  actor: Actor;
  townId: string;
  ip: string | null;
}

export async function assertPortfolios(db: Db, codes: readonly string[], label = '分管领域') {
  const known = new Set((await repo.listPortfolios(db)).map((p) => p.code));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length) invalid('portfolios', label, `未知的分管领域编码：${unknown.join('、')}`);
}

// ---- units ----------------------------------------------------------------------------------

/** Unit codes are unique within a town (unit_code_uq): name the unit already using it. */
async function assertUnitCodeFree(
  db: Db,
  townId: string,
  code: string | null | undefined,
  exceptId?: string,
) {
  if (!code) return;
  const holder = await repo.findUnitByCode(db, townId, code);
  if (holder && holder.id !== exceptId)
    throw new Conflict(`单位编码“${code}”已被“${holder.name}”使用，请换一个编码`);
}

export async function createUnit(db: Db, ctx: Ctx, input: UnitCreateInput) {
  if (input.parentId)
    await assertUnitInTown(db, ctx.townId, input.parentId, 'parentId', '上级单位');
  await assertUnitCodeFree(db, ctx.townId, input.code);
  const portfolios = [...new Set(input.portfolios ?? [])].sort();
  await assertPortfolios(db, portfolios, '承担业务');
  const row = await writes.insertUnit(db, {
    townId: ctx.townId,
    id: newId(),
    parentId: input.parentId ?? null,
    kind: input.kind,
    name: input.name,
    code: input.code ?? null,
    sortOrder: input.sortOrder ?? 0,
  });
  await repo.setUnitPortfolios(db, ctx.townId, row.id, portfolios);
  await auditWrite(db, ctx, 'create', 'unit', row.id, null, { ...row, portfolios });
  return repo.toUnit(row, portfolios);
}

export async function updateUnit(db: Db, ctx: Ctx, id: string, input: UnitUpdateInput) {
  const before = await repo.findUnit(db, ctx.townId, id);
  if (!before) throw new NotFound('单位');
  const beforePortfolios = (await repo.unitPortfolios(db, ctx.townId, [id])).get(id) ?? [];
  const portfolios = input.portfolios ? [...new Set(input.portfolios)].sort() : beforePortfolios;
  if (input.portfolios) await assertPortfolios(db, portfolios, '承担业务');
  if (input.parentId) {
    await assertUnitInTown(db, ctx.townId, input.parentId, 'parentId', '上级单位');
    const subtree = await repo.unitSubtree(db, ctx.townId, id);
    if (subtree.includes(input.parentId))
      invalid('parentId', '上级单位', '不能把单位移到它自己或它的下级单位之下');
  }
  await assertUnitCodeFree(db, ctx.townId, input.code, id);
  const values: Record<string, unknown> = {};
  if (input.parentId !== undefined) values.parent_id = input.parentId;
  if (input.kind !== undefined) values.kind = input.kind;
  if (input.name !== undefined) values.name = input.name;
  if (input.code !== undefined) values.code = input.code;
  if (input.sortOrder !== undefined) values.sort_order = input.sortOrder;
  const row = await updateVersioned(
    db,
    'unit',
    { townId: ctx.townId, id, version: input.version },
    values,
    '单位',
  );
  if (input.portfolios) await repo.setUnitPortfolios(db, ctx.townId, id, portfolios);
  await auditWrite(
    db,
    ctx,
    'update',
    'unit',
    id,
    { ...before, portfolios: beforePortfolios },
    { ...row, portfolios },
  );
  return repo.toUnit(row as never, portfolios);
}

/** 本单位承担的业务 of some units (read by the ledger scope: staff keep their unit's types). */
export function portfoliosOfUnits(
  db: Db,
  townId: string,
  unitIds: readonly string[],
): Promise<Map<string, string[]>> {
  return repo.unitPortfolios(db, townId, unitIds);
}

/**
 * A unit is removed only when nothing refers to it any more (sub-units, people, positions,
 * liaisons, account scopes, appeals, ledgers …); the 409 names what is left. The version is
 * checked first so a stale page learns that, not a count that may have changed.
 */
export async function deleteUnit(db: Db, ctx: Ctx, id: string, version: number) {
  await assertVersion(db, 'unit', ctx.townId, id, version, '单位');
  await assertUnreferenced(
    db,
    'unit',
    { town_id: ctx.townId, id },
    (what) => `该单位下还有 ${what}，请先调整后再删除`,
  );
  const row = await deleteVersioned(db, 'unit', { townId: ctx.townId, id, version }, '单位');
  await auditWrite(db, ctx, 'delete', 'unit', id, row, null);
}

/** 404 for a missing row, 409 for a stale version: the same answers `deleteVersioned` gives. */
async function assertVersion(
  db: Db,
  table: 'unit' | 'person',
  townId: string,
  id: string,
  version: number,
  what: string,
) {
  const current = await writes.versionOf(db, table, townId, id);
  if (current === undefined) throw new NotFound(what);
  if (current !== version)
    throw new Conflict(`该${what}已被他人修改（当前版本 ${current}），请刷新后重试`);
}

// ---- people ---------------------------------------------------------------------------------

function personValues(input: Partial<PersonCreateInput>) {
  const v: Record<string, unknown> = {};
  if (input.name !== undefined) v.name = input.name;
  if (input.gender !== undefined) v.gender = input.gender;
  if (input.birthDate !== undefined) v.birth_date = input.birthDate;
  if (input.phone !== undefined) v.phone = input.phone;
  if (input.partyMember !== undefined) v.party_member = input.partyMember;
  if (input.unitId !== undefined) v.unit_id = input.unitId;
  if (input.note !== undefined) v.note = input.note;
  return v;
}

export async function createPerson(db: Db, ctx: Ctx, input: PersonCreateInput) {
  if (input.unitId) await assertUnitInTown(db, ctx.townId, input.unitId, 'unitId', '所在单位');
  const row = await writes.insertPerson(db, ctx.townId, newId(), {
    name: input.name,
    ...personValues(input),
  });
  await auditWrite(db, ctx, 'create', 'person', row.id, null, row);
  return repo.toPerson(row, []);
}

export async function updatePerson(db: Db, ctx: Ctx, id: string, input: PersonUpdateInput) {
  const before = await repo.findPerson(db, ctx.townId, id);
  if (!before) throw new NotFound('人员');
  if (input.unitId) await assertUnitInTown(db, ctx.townId, input.unitId, 'unitId', '所在单位');
  const row = await updateVersioned(
    db,
    'person',
    { townId: ctx.townId, id, version: input.version },
    personValues(input),
    '人员',
  );
  await auditWrite(db, ctx, 'update', 'person', id, before, row);
  return repo.toPerson(row as never, []);
}

/** A person is removed only when no position, liaison, login account or record names them. */
export async function deletePerson(db: Db, ctx: Ctx, id: string, version: number) {
  await assertVersion(db, 'person', ctx.townId, id, version, '人员');
  await assertUnreferenced(
    db,
    'person',
    { town_id: ctx.townId, id },
    (what) => `该人员还关联 ${what}，请先调整后再删除`,
  );
  const row = await deleteVersioned(db, 'person', { townId: ctx.townId, id, version }, '人员');
  await auditWrite(db, ctx, 'delete', 'person', id, row, null);
}

// ---- positions ------------------------------------------------------------------------------

function checkDates(startsOn: string | undefined, endsOn: string | null | undefined) {
  if (startsOn && endsOn && endsOn < startsOn)
    invalid('endsOn', '任职结束日期', '不能早于开始日期');
}

export async function createPosition(db: Db, ctx: Ctx, input: PositionCreateInput) {
  await assertPersonInTown(db, ctx.townId, input.personId, 'personId', '人员');
  await assertUnitInTown(db, ctx.townId, input.unitId, 'unitId', '任职单位');
  await assertPortfolios(db, input.portfolios ?? []);
  checkDates(input.startsOn, input.endsOn);
  const id = newId();
  await writes.insertPosition(db, {
    townId: ctx.townId,
    id,
    personId: input.personId,
    unitId: input.unitId,
    title: input.title,
    leadership: input.leadership ?? false,
    startsOn: input.startsOn,
    endsOn: input.endsOn ?? null,
  });
  await repo.setPositionPortfolios(db, ctx.townId, id, input.portfolios ?? []);
  const [created] = await repo.listPositions(db, ctx.townId, { id });
  await auditWrite(db, ctx, 'create', 'position', id, null, created);
  return created!;
}

export async function updatePosition(db: Db, ctx: Ctx, id: string, input: PositionUpdateInput) {
  const [before] = await repo.listPositions(db, ctx.townId, { id });
  if (!before) throw new NotFound('任职记录');
  if (input.personId) await assertPersonInTown(db, ctx.townId, input.personId, 'personId', '人员');
  if (input.unitId) await assertUnitInTown(db, ctx.townId, input.unitId, 'unitId', '任职单位');
  if (input.portfolios) await assertPortfolios(db, input.portfolios);
  checkDates(
    input.startsOn ?? before.startsOn,
    input.endsOn === undefined ? before.endsOn : input.endsOn,
  );
  const values: Record<string, unknown> = {};
  if (input.personId !== undefined) values.person_id = input.personId;
  if (input.unitId !== undefined) values.unit_id = input.unitId;
  if (input.title !== undefined) values.title = input.title;
  if (input.leadership !== undefined) values.leadership = input.leadership;
  if (input.startsOn !== undefined) values.starts_on = input.startsOn;
  if (input.endsOn !== undefined) values.ends_on = input.endsOn;
  await updateVersioned(
    db,
    'position',
    { townId: ctx.townId, id, version: input.version },
    values,
    '任职记录',
  );
  if (input.portfolios) await repo.setPositionPortfolios(db, ctx.townId, id, input.portfolios);
  const [after] = await repo.listPositions(db, ctx.townId, { id });
  await auditWrite(db, ctx, 'update', 'position', id, before, after);
  return after!;
}

export async function deletePosition(db: Db, ctx: Ctx, id: string, version: number) {
  const [before] = await repo.listPositions(db, ctx.townId, { id });
  await deleteVersioned(db, 'position', { townId: ctx.townId, id, version }, '任职记录');
  await auditWrite(db, ctx, 'delete', 'position', id, before, null);
}
