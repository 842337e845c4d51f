/** A cheap read that shows the database answers and whether any town exists yet (first start). */
import type { Kysely } from 'kysely';
import type { DB } from './schema.ts';

export async function anyTownId(db: Kysely<DB>): Promise<string | undefined> {
  const town = await db.selectFrom('town').select('id').limit(1).executeTakeFirst();
  return town?.id;
}
