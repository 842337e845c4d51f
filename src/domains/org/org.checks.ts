/** Checks shared by the organisation's use cases: ids that must name the town's own rows. */
import type { Kysely } from 'kysely';
import { InvalidInput } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import * as repo from './org.repository.ts';

type Db = Kysely<DB>;

export function invalid(path: string, label: string, message: string): never {
  throw new InvalidInput(`${label}：${message}`, [{ path, label, message }]);
}

export async function assertUnitInTown(
  db: Db,
  townId: string,
  unitId: string,
  path: string,
  label: string,
) {
  const unit = await repo.findUnit(db, townId, unitId);
  if (!unit) invalid(path, label, '在本乡镇中不存在');
  return unit;
}

export async function assertPersonInTown(
  db: Db,
  townId: string,
  personId: string,
  path: string,
  label: string,
) {
  if (!(await repo.findPerson(db, townId, personId))) invalid(path, label, '在本乡镇中不存在');
}
