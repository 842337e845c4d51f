/**
 * Reads behind problem detection (problem.detect.ts): the orders of a period that may form a
 * problem (masters only: an order merged into another is the same appeal again) and the town's
 * villages by name.
 */
import type { Kysely, RawBuilder, SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB>;

function orderRows(db: Db, townId: string, appealScope: RawBuilder<SqlBool>) {
  return db
    .selectFrom('appeal as a')
    .select([
      'a.id',
      'a.code',
      'a.title',
      'a.content',
      'a.village_id',
      'a.category_code',
      'a.category_root',
      'a.received_on',
      'a.state',
      'a.contact_phone',
    ])
    .where('a.town_id', '=', townId)
    .where('a.merged_into', 'is', null)
    .where(appealScope);
}

/** Orders of these kinds received in [from, to] (inclusive), oldest first, at most `limit`. */
export function periodOrders(
  db: Db,
  townId: string,
  appealScope: RawBuilder<SqlBool>,
  f: { kinds: readonly string[]; villageId?: string | undefined; from: string; to: string },
  limit: number,
) {
  let q = orderRows(db, townId, appealScope).where('a.kind', 'in', f.kinds);
  if (f.villageId) q = q.where('a.village_id', '=', f.villageId);
  return q
    .where('a.received_on', '>=', f.from)
    .where('a.received_on', '<=', f.to)
    .orderBy('a.received_on')
    .orderBy('a.id')
    .limit(limit)
    .execute();
}

/** These orders (any kind, any date) when the scope lets the caller see them. */
export function ordersById(
  db: Db,
  townId: string,
  appealScope: RawBuilder<SqlBool>,
  ids: readonly string[],
) {
  if (ids.length === 0) return Promise.resolve([]);
  return orderRows(db, townId, appealScope).where('a.id', 'in', ids).execute();
}

export function townVillages(db: Db, townId: string) {
  return db
    .selectFrom('unit')
    .select(['id', 'name'])
    .where('town_id', '=', townId)
    .where('kind', '=', 'village')
    .execute();
}
