/**
 * The caller context of report use cases and their audit entries: every write to a report or
 * template is logged in the same transaction, without the document body (it is in revisions).
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import type { DB } from '../../db/schema.ts';
import { auditWrite } from '../audit/audit.service.ts';

export interface Ctx {
  actor: Actor;
  townId: string;
  ip: string | null;
}

/** Only a user of this town can be stored as author (the foreign key pairs town_id). */
export const authorId = (ctx: Ctx) =>
  ctx.actor.homeTownId === ctx.townId && ctx.actor.sessionId !== '' ? ctx.actor.userId : null;

/** The report's audit entry; the author stored is authorId's (none for another town's caller). */
export function audit(
  db: Kysely<DB>,
  ctx: Ctx,
  action: string,
  entityType: string,
  entityId: string,
  before: unknown,
  after: unknown,
) {
  return auditWrite(db, ctx, action, entityType, entityId, before, after, authorId(ctx));
}
