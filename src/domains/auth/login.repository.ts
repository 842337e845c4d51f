/** Queries of signing in: the account behind a username (through the global login directory). */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB>;

export async function findAccount(db: Db, username: string) {
  const entry = await db
    .selectFrom('login_name')
    .selectAll()
    .where('username', '=', username.toLowerCase())
    .executeTakeFirst();
  if (!entry) return undefined;
  return db
    .selectFrom('app_user')
    .selectAll()
    .where('town_id', '=', entry.town_id)
    .where('id', '=', entry.user_id)
    .executeTakeFirst();
}

export async function touchLastLogin(db: Db, townId: string, userId: string): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ last_login_at: new Date() })
    .where('town_id', '=', townId)
    .where('id', '=', userId)
    .execute();
}
