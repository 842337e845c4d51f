/**
 * Housekeeping of short-lived state kept in the database so app servers stay stateless: expired
 * sessions, login throttle counters and public rate-limit windows. Run by the scheduler's tick,
 * under its advisory lock; each delete is bounded by its expiry, so a late run is harmless.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { pruneThrottle } from '../domains/auth/throttle.ts';
import { deleteExpiredSessions, deleteOldRateWindows } from './scheduler.repository.ts';

export interface Pruned {
  sessions: number;
  throttles: number;
  rateLimits: number;
}

export async function pruneExpiredState(db: Kysely<DB>, now: Date = new Date()): Promise<Pruned> {
  const sessions = await deleteExpiredSessions(db, now);
  const throttles = await pruneThrottle(db);
  const rateLimits = await deleteOldRateWindows(db, now);
  return { sessions, throttles, rateLimits };
}
