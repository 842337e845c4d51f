/**
 * Who writes a ledger record or file: shared by the record and attachment services (kept apart
 * from both so neither imports the other for it). Their audit entries go through auditWrite.
 */
import type { Actor } from '../../core/actor.ts';

export interface Ctx {
  actor: Actor;
  townId: string;
  ip: string | null;
}

/** The user id to store as author: only a user of this town can be referenced (FK pairs town_id). */
export const authorId = (ctx: Ctx) =>
  ctx.actor.homeTownId === ctx.townId ? ctx.actor.userId : null;
