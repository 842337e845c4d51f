/**
 * Queries of dismissed proposals (忽略): the dismissal with its order set, the town's active
 * dismissals for detection, and the list a user may see (those touching an order in their scope).
 * Every function takes the town.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB>;

export interface DismissalRow {
  id: string;
  problem_id: string | null;
  title: string;
  village_id: string | null;
  category_code: string | null;
  reason: string;
  dismissed_by_name: string;
  dismissed_at: Date | string;
  revoked_at: Date | string | null;
}

export async function insertDismissal(
  db: Db,
  row: {
    town_id: string;
    id: string;
    problem_id: string | null;
    title: string;
    village_id: string | null;
    category_code: string | null;
    reason: string;
    dismissed_by: string | null;
    dismissed_by_name: string;
  },
  appealIds: string[],
): Promise<void> {
  await db.insertInto('appeal_problem_dismissal').values(row).execute();
  await db
    .insertInto('appeal_problem_dismissal_order')
    .values(
      appealIds.map((appeal_id) => ({ town_id: row.town_id, dismissal_id: row.id, appeal_id })),
    )
    .execute();
}

const COLUMNS = [
  'd.id',
  'd.problem_id',
  'd.title',
  'd.village_id',
  'd.category_code',
  'd.reason',
  'd.dismissed_by_name',
  'd.dismissed_at',
  'd.revoked_at',
] as const;

/** Active dismissals of the town with their order ids: detection applies all of them, whoever dismissed. */
export async function activeDismissals(
  db: Db,
  townId: string,
): Promise<(DismissalRow & { appealIds: string[] })[]> {
  const rows = await db
    .selectFrom('appeal_problem_dismissal as d')
    .innerJoin('appeal_problem_dismissal_order as o', (j) =>
      j.onRef('o.town_id', '=', 'd.town_id').onRef('o.dismissal_id', '=', 'd.id'),
    )
    .select([...COLUMNS, 'o.appeal_id'])
    .where('d.town_id', '=', townId)
    .where('d.revoked_at', 'is', null)
    .orderBy('d.dismissed_at')
    .orderBy('d.id')
    .execute();
  const byId = new Map<string, DismissalRow & { appealIds: string[] }>();
  for (const r of rows) {
    const d = byId.get(r.id) ?? { ...r, appealIds: [] };
    d.appealIds.push(r.appeal_id);
    byId.set(r.id, d);
  }
  return [...byId.values()];
}

/**
 * Visible = at least one of its orders is in the caller's appeal scope (predicate over
 * `appeal as a`).
 */
function visible(appealScope: RawBuilder<SqlBool>) {
  return sql<SqlBool>`exists (
    select 1 from appeal_problem_dismissal_order o
    join appeal a on a.town_id = o.town_id and a.id = o.appeal_id
    where o.town_id = d.town_id and o.dismissal_id = d.id and ${appealScope})`;
}

export async function listDismissals(
  db: Db,
  townId: string,
  appealScope: RawBuilder<SqlBool>,
  limit: number,
): Promise<DismissalRow[]> {
  return db
    .selectFrom('appeal_problem_dismissal as d')
    .select(COLUMNS)
    .where('d.town_id', '=', townId)
    .where('d.revoked_at', 'is', null)
    .where(visible(appealScope))
    .orderBy('d.dismissed_at', 'desc')
    .orderBy('d.id')
    .limit(limit)
    .execute();
}

export async function findDismissal(
  db: Db,
  townId: string,
  id: string,
  appealScope: RawBuilder<SqlBool>,
): Promise<DismissalRow | undefined> {
  return db
    .selectFrom('appeal_problem_dismissal as d')
    .select(COLUMNS)
    .where('d.town_id', '=', townId)
    .where('d.id', '=', id)
    .where(visible(appealScope))
    .executeTakeFirst();
}

export async function dismissalOrders(db: Db, townId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('appeal_problem_dismissal_order as o')
    .innerJoin('appeal as a', (j) =>
      j.onRef('a.town_id', '=', 'o.town_id').onRef('a.id', '=', 'o.appeal_id'),
    )
    .select(['o.dismissal_id', 'a.id', 'a.code', 'a.title', 'a.received_on'])
    .where('o.town_id', '=', townId)
    .where('o.dismissal_id', 'in', ids)
    .orderBy('a.received_on')
    .orderBy('a.id')
    .execute();
}

/** Undo: the row stays (who dismissed and who undid it remain readable); detection ignores it from now on. */
export async function revokeDismissal(
  db: Db,
  townId: string,
  id: string,
  by: { userId: string | null; name: string },
): Promise<boolean> {
  const r = await db
    .updateTable('appeal_problem_dismissal')
    .set({ revoked_at: new Date(), revoked_by: by.userId, revoked_by_name: by.name })
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
