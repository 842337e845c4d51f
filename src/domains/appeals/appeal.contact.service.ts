/**
 * 查看联系方式: a resident's full contact for the people who must call back, gated by the
 * policy's contact relation and written to the audit log.
 */
import type { Kysely } from 'kysely';
import type { WriteCtx } from '../../core/actor.ts';
import { Forbidden, NotFound } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import { auditWrite } from '../audit/audit.service.ts';
import {
  actorUnits,
  appealScope,
  canRevealContact,
  contactRelation,
  scopeSql,
  workflowRoles,
} from './appeal.policy.ts';
import * as repo from './appeal.repository.ts';
import { snapshotFromJson } from './appeal.snapshot.ts';

type Db = Kysely<DB>;

/** 查看联系方式: the full contact, for people who must call the resident back; every reveal is audited. */
export async function revealContact(db: Db, ctx: WriteCtx, id: string, reason: string) {
  const row = await repo.findAppeal(
    db,
    ctx.townId,
    id,
    scopeSql(await appealScope(db, ctx.actor, ctx.townId)),
  );
  if (!row) throw new NotFound('工单');
  const snapshot = snapshotFromJson(row.snapshot);
  const roles = workflowRoles(
    ctx.actor,
    ctx.townId,
    await actorUnits(db, ctx.actor, ctx.townId),
    snapshot.assignment,
  );
  if (
    !canRevealContact(
      ctx.actor,
      ctx.townId,
      contactRelation(ctx.actor, roles, row.handler_person_id),
    )
  )
    throw new Forbidden('只有派单员、领导和承办该工单的人员可以查看群众联系方式');
  await auditWrite(db, ctx, 'reveal_contact', 'appeal', id, null, { reason, code: row.code });
  return { contactName: row.contact_name, contactPhone: row.contact_phone };
}
