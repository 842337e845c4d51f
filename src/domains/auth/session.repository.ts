/** Queries of sessions: the row behind a cookie (with its user), its touch, the user's grants, ends. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB>;

export async function insertSession(
  db: Db,
  row: {
    townId: string;
    id: string;
    userId: string;
    secretHash: string;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await db
    .insertInto('session')
    .values({
      town_id: row.townId,
      id: row.id,
      user_id: row.userId,
      secret_hash: row.secretHash,
      expires_at: row.expiresAt,
      ip: row.ip,
      user_agent: row.userAgent,
    })
    .execute();
}

/** The session and the account it belongs to (one row, or undefined). */
export function findSessionWithUser(db: Db, townId: string, sessionId: string) {
  return db
    .selectFrom('session as s')
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.town_id', '=', 's.town_id').onRef('u.id', '=', 's.user_id'),
    )
    .select([
      's.secret_hash',
      's.last_seen_at',
      's.expires_at',
      'u.id',
      'u.town_id',
      'u.username',
      'u.display_name',
      'u.person_id',
      'u.disabled',
    ])
    .where('s.town_id', '=', townId)
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
}

export async function touchSession(db: Db, townId: string, sessionId: string): Promise<void> {
  await db
    .updateTable('session')
    .set({ last_seen_at: new Date() })
    .where('town_id', '=', townId)
    .where('id', '=', sessionId)
    .execute();
}

/** Every role row of a user (town grants and system roles alike). */
export function userRoleRows(db: Db, townId: string, userId: string) {
  return db
    .selectFrom('user_role')
    .select(['role', 'scope_town_id', 'scope_unit_id'])
    .where('town_id', '=', townId)
    .where('user_id', '=', userId)
    .execute();
}

export async function deleteSession(db: Db, townId: string, sessionId: string): Promise<void> {
  await db
    .deleteFrom('session')
    .where('town_id', '=', townId)
    .where('id', '=', sessionId)
    .execute();
}

/** Ends a user's sessions, all of them or all but `except`. */
export async function deleteUserSessions(
  db: Db,
  townId: string,
  userId: string,
  except?: string,
): Promise<void> {
  let q = db.deleteFrom('session').where('town_id', '=', townId).where('user_id', '=', userId);
  if (except) q = q.where('id', '<>', except);
  await q.execute();
}
