/**
 * Housekeeping of short-lived state kept in the database so app servers stay stateless: expired
 * sessions, login throttle counters and public rate-limit windows. Run by the scheduler's tick,
 * under its advisory lock; each delete is bounded by its expiry, so a late run is harmless.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { pruneThrottle } from '../domains/auth/throttle.ts';

/** Longer than any rate-limit window in use (the longest is 10 minutes). */
const RATE_WINDOW_KEEP = sql`interval '1 day'`;

export interface Pruned {
  sessions: number;
  throttles: number;
  rateLimits: number;
}

export async function pruneExpiredState(db: Kysely<DB>, now: Date = new Date()): Promise<Pruned> {
  const sessions = await db.deleteFrom('session').where('expires_at', '<', now).executeTakeFirst();
  const throttles = await pruneThrottle(db);
  const rateLimits = await db
    .deleteFrom('rate_limit')
    .where('window_started_at', '<', sql<Date>`${now}::timestamptz - ${RATE_WINDOW_KEEP}`)
    .executeTakeFirst();
  return {
    sessions: Number(sessions.numDeletedRows),
    throttles,
    rateLimits: Number(rateLimits.numDeletedRows),
  };
}
