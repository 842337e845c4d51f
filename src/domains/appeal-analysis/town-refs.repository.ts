/**
 * Lookups behind town-refs.ts: whether a unit or person id names a row of this town (and the
 * unit's kind, since a village field must name a village).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB>;

/** The unit's kind, or undefined when the id is no unit of this town. */
export async function unitKindInTown(
  db: Db,
  townId: string,
  unitId: string,
): Promise<string | undefined> {
  const u = await db
    .selectFrom('unit')
    .select('kind')
    .where('town_id', '=', townId)
    .where('id', '=', unitId)
    .executeTakeFirst();
  return u?.kind;
}

export async function personInTown(db: Db, townId: string, personId: string): Promise<boolean> {
  const p = await db
    .selectFrom('person')
    .select('id')
    .where('town_id', '=', townId)
    .where('id', '=', personId)
    .executeTakeFirst();
  return Boolean(p);
}
