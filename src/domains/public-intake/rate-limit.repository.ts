/**
 * The `rate_limit` table: one fixed-window counter per key, shared by every app server (they are
 * stateless, DESIGN 3). Raw SQL because the window restart and the increment must be one
 * statement: expired windows restart at 1, so concurrent servers cannot both "reset" and lose hits
 * (the SET expressions read the row's old values, as PostgreSQL specifies).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Counts one hit for `key` in its window; returns the hits so far and the seconds left in the window. */
export async function countHit(
  db: Kysely<DB>,
  key: string,
  windowSeconds: number,
): Promise<{ hits: number; retryAfter: number }> {
  const expired = sql`rate_limit.window_started_at <= now() - ${windowSeconds} * interval '1 second'`;
  const r = await sql<{ hits: number; retry_after: number }>`
    insert into rate_limit (key, window_started_at, hits) values (${key}, now(), 1)
    on conflict (key) do update set
      hits = case when ${expired} then 1 else rate_limit.hits + 1 end,
      window_started_at = case when ${expired} then now() else rate_limit.window_started_at end
    returning hits, ceil(extract(epoch from
      (window_started_at + ${windowSeconds} * interval '1 second' - now())))::int as retry_after`.execute(
    db,
  );
  const row = r.rows[0]!;
  return { hits: Number(row.hits), retryAfter: Number(row.retry_after) };
}

/** The hits of `key` in its current window without counting one (0 when the window has passed). */
export async function currentHits(
  db: Kysely<DB>,
  key: string,
  windowSeconds: number,
): Promise<{ hits: number; retryAfter: number }> {
  const row = await db
    .selectFrom('rate_limit')
    .select([
      'hits',
      sql<number>`ceil(extract(epoch from
        (window_started_at + ${windowSeconds} * interval '1 second' - now())))::int`.as(
        'retry_after',
      ),
    ])
    .where('key', '=', key)
    .where(sql<boolean>`window_started_at > now() - ${windowSeconds} * interval '1 second'`)
    .executeTakeFirst();
  return { hits: Number(row?.hits ?? 0), retryAfter: Number(row?.retry_after ?? 0) };
}
