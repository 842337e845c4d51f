/**
 * Who writes a ledger record or file and its audit entry: shared by the record and attachment
 * services (kept apart from both so neither imports the other for it).
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.service.ts';

type Db = Kysely<DB>;

export interface Ctx {
  actor: Actor;
  townId: string;
  ip: string | null;
}

/** The user id to store as author: only a user of this town can be referenced (FK pairs town_id). */
export const authorId = (ctx: Ctx) =>
  ctx.actor.homeTownId === ctx.townId ? ctx.actor.userId : null;

export function audit(
  db: Db,
  ctx: Ctx,
  action: string,
  entityType: string,
  entityId: string,
  before: unknown,
  after: unknown,
) {
  return recordAudit(db, {
    townId: ctx.townId,
    actorUserId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    action,
    entityType,
    entityId,
    before,
    after,
    ip: ctx.ip,
  });
}
