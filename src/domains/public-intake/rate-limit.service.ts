/**
 * Fixed-window request limits kept in the `rate_limit` table (rate-limit.repository.ts), so every
 * app server counts the same hits. Public, account-less endpoints use them per client address to
 * keep one machine from flooding the desk or guessing tracking codes; signed-in features that
 * could be abused as an oracle (the duplicate hint's phone match) use them per user.
 */
import type { Kysely } from 'kysely';
import { TooManyRequests } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import { countHit, currentHits } from './rate-limit.repository.ts';

export interface RateRule {
  /** Key prefix, e.g. `public_appeal`. */
  name: string;
  limit: number;
  windowSeconds: number;
  /** Chinese message; `{minutes}` is replaced by the wait. */
  message: string;
}

function refuse(rule: RateRule, retryAfter: number): never {
  const seconds = Math.max(1, retryAfter);
  throw new TooManyRequests(
    rule.message.replace('{minutes}', String(Math.ceil(seconds / 60))),
    seconds,
  );
}

/** Counts one hit for `subject` and throws 429 (with Retry-After) once the window's limit is passed. */
export async function hitRateLimit(db: Kysely<DB>, rule: RateRule, subject: string): Promise<void> {
  const r = await countHit(db, `${rule.name}:${subject}`, rule.windowSeconds);
  if (r.hits > rule.limit) refuse(rule, r.retryAfter);
}

/** Throws 429 if `subject` has already used up the window's limit, without counting a hit. */
export async function checkRateLimit(
  db: Kysely<DB>,
  rule: RateRule,
  subject: string,
): Promise<void> {
  const r = await currentHits(db, `${rule.name}:${subject}`, rule.windowSeconds);
  if (r.hits >= rule.limit) refuse(rule, r.retryAfter);
}

/** Whether `subject` was marked within the last `windowSeconds` (see markSeen). */
export async function wasSeen(
  db: Kysely<DB>,
  name: string,
  subject: string,
  windowSeconds: number,
): Promise<boolean> {
  return (await currentHits(db, `${name}:${subject}`, windowSeconds)).hits > 0;
}

/** Remembers `subject` for `windowSeconds` (a rate_limit row the scheduler prunes afterwards). */
export async function markSeen(
  db: Kysely<DB>,
  name: string,
  subject: string,
  windowSeconds: number,
): Promise<void> {
  await countHit(db, `${name}:${subject}`, windowSeconds);
}
