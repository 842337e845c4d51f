/**
 * Repository of the names and ids a report looks up in the town's organisation (the town's name
 * for the title, a unit's name for the scope line, whether a person exists).
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB>;

export async function townName(db: Db, townId: string): Promise<string> {
  const r = await db
    .selectFrom('town')
    .select('name')
    .where('id', '=', townId)
    .executeTakeFirstOrThrow();
  return r.name;
}

export async function unitName(db: Db, townId: string, unitId: string): Promise<string | null> {
  const r = await db
    .selectFrom('unit')
    .select('name')
    .where('town_id', '=', townId)
    .where('id', '=', unitId)
    .executeTakeFirst();
  return r?.name ?? null;
}

export async function personExists(db: Db, townId: string, personId: string): Promise<boolean> {
  const r = await db
    .selectFrom('person')
    .select('id')
    .where('town_id', '=', townId)
    .where('id', '=', personId)
    .executeTakeFirst();
  return r !== undefined;
}

/** Both predicates over the same row (e.g. counted by a chip and visible to the caller). */
export function bothHold(a: RawBuilder<SqlBool>, b: RawBuilder<SqlBool>): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${a} and ${b})`;
}
