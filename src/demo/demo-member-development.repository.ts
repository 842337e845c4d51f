/** Queries of the demo 发展党员 seed: the admin account it acts as and the imported rows. */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export function adminUserId(db: Kysely<DB>, townId: string) {
  return db
    .selectFrom('app_user')
    .select(['id'])
    .where('town_id', '=', townId)
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
}

export function pipelineRows(db: Kysely<DB>, townId: string) {
  return db
    .selectFrom('member_candidate')
    .select(['id', 'state', 'stage_on', 'version'])
    .where('town_id', '=', townId)
    .orderBy('applied_on')
    .orderBy('person_name')
    .orderBy('id')
    .execute();
}
