/**
 * Checks of appeal writes that the workflow engine cannot make: category codes in the county
 * catalogue, assigned units and people of this town, and a live master order for 合并.
 */
import type { Kysely } from 'kysely';
import { InvalidInput } from '../../core/errors.ts';
import type { KindDefinition } from '../../core/workflow/index.ts';
import type { DB } from '../../db/schema.ts';
import { categoryRoots } from './appeal.context.ts';
import * as repo from './appeal.repository.ts';
import * as lookup from './appeal-lookup.repository.ts';

type Db = Kysely<DB>;

export function invalid(path: string, label: string, message: string): never {
  throw new InvalidInput(`${label}${message}`, [{ path, label, message: `${label}${message}` }]);
}

/** The root of a category code of the county catalogue; an unknown code is invalid. */
export async function categoryRoot(db: Db, code: string): Promise<string> {
  const root = (await categoryRoots(db)).get(code);
  if (!root) invalid('categoryCode', '诉求类别', `「${code}」不在县级标准类别中`);
  return root;
}

/** Ids the engine only checks for shape: every assigned unit and person must exist in this town. */
export async function assertAssignees(
  db: Db,
  townId: string,
  def: KindDefinition,
  action: string,
  values: Record<string, unknown>,
) {
  const t = action === def.initial.id ? def.initial : def.transitions.find((x) => x.id === action);
  for (const f of t?.fields ?? []) {
    const v = values[f.name];
    if (v === undefined) continue;
    const ids = Array.isArray(v) ? (v as string[]) : [String(v)];
    const table =
      f.type === 'unit_id' || f.type === 'unit_ids' || f.type === 'village_id'
        ? 'unit'
        : f.type === 'person_id' || f.type === 'person_ids'
          ? 'person'
          : null;
    if (!table || !ids.length) continue;
    // A village field names a unit of kind village.
    const kind = f.type === 'village_id' ? 'village' : undefined;
    const found = await lookup.existingIds(db, table, townId, ids, kind);
    if (found.length < new Set(ids).size)
      invalid(
        `payload.${f.name}`,
        f.label,
        f.type === 'village_id' ? '不是本乡镇的村（社区）' : '在本乡镇中不存在',
      );
  }
}

/** 合并: the master is another live order of the town, given by id or tracking code. */
export async function masterOf(
  db: Db,
  townId: string,
  row: repo.AppealRow,
  ref: string,
): Promise<string> {
  const master = /^[0-9a-f-]{36}$/i.test(ref)
    ? await lookup.findAppealById(db, townId, ref)
    : await repo.findByCode(db, townId, ref);
  if (!master) invalid('payload.masterOrderId', '主工单', '不存在');
  if (master.id === row.id) invalid('payload.masterOrderId', '主工单', '不能是本工单自己');
  if (master.merged_into)
    invalid('payload.masterOrderId', '主工单', '本身已被合并，请选择它所合并到的工单');
  return master.id;
}
