/**
 * Repository of what appeals look up beside the order itself: the county-standard category tree,
 * the town's units and people an order names, and earlier orders a guard compares with.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB>;

const UUID = /^[0-9a-f-]{36}$/i;

/** The county-standard category tree (reference data, no town), parents first. */
export function listCategories(db: Db) {
  return db
    .selectFrom('appeal_category')
    .selectAll()
    .orderBy('parent_code', 'desc')
    .orderBy('sort_order')
    .execute();
}

/**
 * Ids among `ids` of units (or people) that exist in the town; malformed ids never match.
 * `unitKind` keeps only units of that kind (a village field names a village).
 */
export async function existingIds(
  db: Db,
  table: 'unit' | 'person',
  townId: string,
  ids: readonly string[],
  unitKind?: string,
): Promise<string[]> {
  const valid = ids.filter((x) => UUID.test(x));
  if (!valid.length) return [];
  const rows = await db
    .selectFrom(table)
    .select('id')
    .where('town_id', '=', townId)
    .where('id', 'in', valid)
    // `kind` is a column of unit only
    .$if(unitKind !== undefined, (q) => q.where('kind' as never, '=', unitKind as never))
    .execute();
  return rows.map((r) => r.id);
}

export async function unitKind(db: Db, townId: string, id: string): Promise<string | null> {
  const r = await db
    .selectFrom('unit')
    .select('kind')
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r?.kind ?? null;
}

export function unitNames(db: Db, townId: string) {
  return db.selectFrom('unit').select(['id', 'name']).where('town_id', '=', townId).execute();
}

/** An order of the town by id, outside any user scope (the service has checked the caller). */
export function findAppealById(db: Db, townId: string, id: string) {
  return db
    .selectFrom('appeal')
    .selectAll()
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findAppealsById(db: Db, townId: string, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('appeal')
    .selectAll()
    .where('town_id', '=', townId)
    .where('id', 'in', ids)
    .execute();
}

/**
 * Whether another order of the same kind, caller (phone) and category has reached one of
 * `states` — the facts a guard such as 复核后同一事实不再受理 reads.
 */
export async function sameFactsReached(
  db: Db,
  order: {
    town_id: string;
    id: string;
    kind: string;
    contact_phone: string;
    category_code: string | null;
  },
  states: readonly string[],
): Promise<boolean> {
  const earlier = await db
    .selectFrom('appeal')
    .select('id')
    .where('town_id', '=', order.town_id)
    .where('kind', '=', order.kind)
    .where('id', '!=', order.id)
    .where('contact_phone', '=', order.contact_phone)
    .where('category_code', '=', order.category_code)
    .where('state', 'in', states)
    .limit(1)
    .execute();
  return earlier.length > 0;
}
