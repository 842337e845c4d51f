/**
 * Handler plumbing shared by domains: a write runs in one transaction with the caller's
 * context (actor, town from the path, client address), so the change and its audit entry
 * commit together or not at all.
 */
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { WriteCtx } from '../core/actor.ts';
import type { DB } from '../db/schema.ts';
import type { AppEnv } from './env.ts';
import { clientIp } from './openapi.ts';

/** The request's database handle. */
export const dbOf = (c: Context<AppEnv>) => c.get('deps').db;

/** The signed-in caller (for routes whose policy requires a session). */
export const actorOf = (c: Context<AppEnv>) => c.get('actor')!;

export function writeCtx(c: Context<AppEnv>): WriteCtx {
  return {
    actor: c.get('actor')!,
    townId: c.req.param('townId') ?? c.get('actor')!.homeTownId,
    ip: clientIp(c),
  };
}

export function inTransaction<T>(
  c: Context<AppEnv>,
  work: (trx: Kysely<DB>, ctx: WriteCtx) => Promise<T>,
): Promise<T> {
  const ctx = writeCtx(c);
  return c
    .get('deps')
    .db.transaction()
    .execute((trx) => work(trx, ctx));
}
