/**
 * Use cases of village liaisons (包联): a leader looks after a village from a date, checked
 * against the town's own units and people and written to the audit log in the same transaction.
 */
import type { Kysely } from 'kysely';
import { NotFound } from '../../core/errors.ts';
import { newId } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import { deleteVersioned, updateVersioned } from '../../db/versioned.ts';
import { auditWrite } from '../audit/audit.service.ts';
import { assertPersonInTown, assertUnitInTown, invalid } from './org.checks.ts';
import * as repo from './org.repository.ts';
import * as writes from './org-write.repository.ts';
import type { LiaisonCreateInput, LiaisonUpdateInput } from './org.schema.ts';
import type { Ctx } from './org.service.ts';

type Db = Kysely<DB>;

export async function createLiaison(db: Db, ctx: Ctx, input: LiaisonCreateInput) {
  const village = await assertUnitInTown(
    db,
    ctx.townId,
    input.villageId,
    'villageId',
    '村（社区）',
  );
  if (village.kind !== 'village') invalid('villageId', '村（社区）', '所选单位不是村或社区');
  await assertPersonInTown(db, ctx.townId, input.personId, 'personId', '包联领导');
  if (input.endsOn && input.endsOn < input.startsOn)
    invalid('endsOn', '结束日期', '不能早于开始日期');
  const id = newId();
  await writes.insertLiaison(db, {
    townId: ctx.townId,
    id,
    villageId: input.villageId,
    personId: input.personId,
    startsOn: input.startsOn,
    endsOn: input.endsOn ?? null,
  });
  const [created] = await repo.listLiaisons(db, ctx.townId, id);
  await auditWrite(db, ctx, 'create', 'village_liaison', id, null, created);
  return created!;
}

/**
 * 结束包联: a liaison usually ends on a date (the leader moves on) rather than being deleted, so
 * the record of who looked after the village, and when, stays.
 */
export async function updateLiaison(db: Db, ctx: Ctx, id: string, input: LiaisonUpdateInput) {
  const [before] = await repo.listLiaisons(db, ctx.townId, id);
  if (!before) throw new NotFound('包联记录');
  const startsOn = input.startsOn ?? before.startsOn;
  const endsOn = input.endsOn === undefined ? before.endsOn : input.endsOn;
  if (endsOn && endsOn < startsOn) invalid('endsOn', '结束日期', '不能早于开始日期');
  const values: Record<string, unknown> = {};
  if (input.startsOn !== undefined) values.starts_on = input.startsOn;
  if (input.endsOn !== undefined) values.ends_on = input.endsOn;
  await updateVersioned(
    db,
    'village_liaison',
    { townId: ctx.townId, id, version: input.version },
    values,
    '包联记录',
  );
  const [after] = await repo.listLiaisons(db, ctx.townId, id);
  await auditWrite(db, ctx, 'update', 'village_liaison', id, before, after);
  return after!;
}

export async function deleteLiaison(db: Db, ctx: Ctx, id: string, version: number) {
  const row = await deleteVersioned(
    db,
    'village_liaison',
    { townId: ctx.townId, id, version },
    '包联记录',
  );
  await auditWrite(db, ctx, 'delete', 'village_liaison', id, row, null);
}
