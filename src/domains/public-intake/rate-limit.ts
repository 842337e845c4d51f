/**
 * A fixed-window request limit kept in the `rate_limit` table, so every app server counts the
 * same hits (app servers are stateless, DESIGN 3). Public, account-less endpoints use it per
 * client address to keep one machine from flooding the dispatch desk.
 */
import { sql, type Kysely } from 'kysely';
import { TooManyRequests } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';

export interface RateRule {
  /** Key prefix, e.g. `public_appeal`. */
  name: string;
  limit: number;
  windowSeconds: number;
  /** Chinese message; `{minutes}` is replaced by the wait. */
  message: string;
}

/** Counts one hit for `subject` and throws 429 (with Retry-After) once the window's limit is passed. */
export async function hitRateLimit(db: Kysely<DB>, rule: RateRule, subject: string): Promise<void> {
  // One statement: expired windows restart at 1, so concurrent servers cannot both "reset" and lose hits.
  // (The SET expressions read the row's old values, as PostgreSQL specifies.)
  const r = await sql<{ hits: number; retry_after: number }>`
    insert into rate_limit (key, window_started_at, hits) values (${`${rule.name}:${subject}`}, now(), 1)
    on conflict (key) do update set
      hits = case when rate_limit.window_started_at <= now() - ${rule.windowSeconds} * interval '1 second' then 1 else rate_limit.hits + 1 end,
      window_started_at = case when rate_limit.window_started_at <= now() - ${rule.windowSeconds} * interval '1 second' then now() else rate_limit.window_started_at end
    returning hits, ceil(extract(epoch from (window_started_at + ${rule.windowSeconds} * interval '1 second' - now())))::int as retry_after`.execute(
    db,
  );
  const row = r.rows[0]!;
  if (row.hits > rule.limit) {
    const seconds = Math.max(1, row.retry_after);
    throw new TooManyRequests(
      rule.message.replace('{minutes}', String(Math.ceil(seconds / 60))),
      seconds,
    );
  }
}
