/**
 * Checks that ids a form sends (village, owner unit, owner person) name rows of this town, so a
 * foreign id is a 422 with the field's Chinese name rather than a foreign-key 500.
 */
import type { Kysely } from 'kysely';
import { InvalidInput } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import { personInTown, unitKindInTown } from './town-refs.repository.ts';

export async function assertInTown(
  db: Kysely<DB>,
  townId: string,
  refs: {
    villageId?: string | null | undefined;
    ownerUnitId?: string | null | undefined;
    ownerPersonId?: string | null | undefined;
  },
): Promise<void> {
  if (refs.villageId) {
    if ((await unitKindInTown(db, townId, refs.villageId)) !== 'village')
      throw new InvalidInput('所在村（社区）在本乡镇中不存在', [
        { path: 'villageId', label: '所在村（社区）', message: '在本乡镇中不存在' },
      ]);
  }
  if (refs.ownerUnitId) {
    if ((await unitKindInTown(db, townId, refs.ownerUnitId)) === undefined)
      throw new InvalidInput('责任单位在本乡镇中不存在', [
        { path: 'ownerUnitId', label: '责任单位', message: '在本乡镇中不存在' },
      ]);
  }
  if (refs.ownerPersonId) {
    if (!(await personInTown(db, townId, refs.ownerPersonId)))
      throw new InvalidInput('责任人在本乡镇中不存在', [
        { path: 'ownerPersonId', label: '责任人', message: '在本乡镇中不存在' },
      ]);
  }
}
