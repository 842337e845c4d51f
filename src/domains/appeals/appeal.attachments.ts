/**
 * Attachments of an order (照片、材料): stored and type-checked by the ledgers' attachment code
 * (same 10 MB limit, same magic-byte allow-list, same audit), linked to the order and, once a
 * handler sends them with a 办理/答复 action, to that timeline event. Reading and downloading go
 * through the order's scope (another town's or an out-of-scope order's file is a 404); every
 * download is audited. Photos of orders filed through public channels get an unguessable token,
 * which Open311 publishes as `media_url`.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { InvalidInput, InvalidTransition, NotFound } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import type { WriteCtx } from '../../server/handler.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { ALLOWED_TYPES, uploadAttachment } from '../ledgers/attachment.service.ts';
import { appealScope, scopeSql } from './appeal.policy.ts';
import * as repo from './appeal.repository.ts';

type Db = Kysely<DB>;

const PHOTO_TYPES: string[] = [ALLOWED_TYPES.jpg, ALLOWED_TYPES.png];

async function scopedOrder(db: Db, actor: Actor, townId: string, id: string) {
  const row = await repo.findAppeal(db, townId, id, scopeSql(await appealScope(db, actor, townId)));
  if (!row) throw new NotFound('工单');
  return row;
}

const COLUMNS = ['f.id', 'f.filename', 'f.content_type', 'f.size', 'f.sha256', 'aa.event_seq', 'aa.uploaded_by_name', 'aa.created_at'] as const;

function view(r: { id: string; filename: string; content_type: string; size: number; sha256: string; event_seq: number | null; uploaded_by_name: string; created_at: Date | string }) {
  return { id: r.id, filename: r.filename, contentType: r.content_type, size: Number(r.size), sha256: r.sha256, eventSeq: r.event_seq, uploadedByName: r.uploaded_by_name, createdAt: new Date(r.created_at).toISOString() };
}

/** 上传附件: any caller who may act on the order; archived orders are read-only. */
export async function attach(db: Db, ctx: WriteCtx, appealId: string, file: { filename: string; bytes: Uint8Array }) {
  const order = await scopedOrder(db, ctx.actor, ctx.townId, appealId);
  if (order.state === 'archived') throw new InvalidTransition('工单已归档，不能再添加附件');
  const meta = await uploadAttachment(db, ctx, file);
  const row = await db.insertInto('appeal_attachment').values({
    town_id: ctx.townId, appeal_id: appealId, attachment_id: meta.id, uploaded_by_name: ctx.actor.displayName,
    public_token: PHOTO_TYPES.includes(meta.contentType) ? randomUUID() : null,
  }).returning(['created_at', 'event_seq']).executeTakeFirstOrThrow();
  await recordAudit(db, { townId: ctx.townId, actorUserId: ctx.actor.userId, actorName: ctx.actor.displayName, action: 'appeal.attach', entityType: 'appeal', entityId: appealId, after: { attachmentId: meta.id, filename: meta.filename, size: meta.size }, ip: ctx.ip });
  return view({ id: meta.id, filename: meta.filename, content_type: meta.contentType, size: meta.size, sha256: meta.sha256, event_seq: row.event_seq, uploaded_by_name: ctx.actor.displayName, created_at: row.created_at });
}

export async function listAttachments(db: Db, actor: Actor, townId: string, appealId: string) {
  await scopedOrder(db, actor, townId, appealId);
  const rows = await db.selectFrom('appeal_attachment as aa').innerJoin('attachment as f', (j) => j.onRef('f.town_id', '=', 'aa.town_id').onRef('f.id', '=', 'aa.attachment_id'))
    .select([...COLUMNS]).where('aa.town_id', '=', townId).where('aa.appeal_id', '=', appealId).orderBy('aa.created_at').execute();
  return { items: rows.map(view) };
}

/** 下载附件: the file of an order in the caller's scope; the download is audited. */
export async function downloadAttachment(db: Db, ctx: WriteCtx, appealId: string, attachmentId: string) {
  await scopedOrder(db, ctx.actor, ctx.townId, appealId);
  const row = await db.selectFrom('appeal_attachment as aa').innerJoin('attachment as f', (j) => j.onRef('f.town_id', '=', 'aa.town_id').onRef('f.id', '=', 'aa.attachment_id'))
    .select(['f.id', 'f.filename', 'f.content_type', 'f.bytes']).where('aa.town_id', '=', ctx.townId).where('aa.appeal_id', '=', appealId).where('aa.attachment_id', '=', attachmentId).executeTakeFirst();
  if (!row) throw new NotFound('附件');
  await recordAudit(db, { townId: ctx.townId, actorUserId: ctx.actor.userId, actorName: ctx.actor.displayName, action: 'appeal.download_attachment', entityType: 'appeal', entityId: appealId, after: { attachmentId, filename: row.filename }, ip: ctx.ip });
  return row;
}

/** Ties files uploaded to this order to the event a transition just wrote (办理/答复 photos). */
export async function linkAttachments(db: Db, townId: string, appealId: string, seq: number, ids: string[]): Promise<void> {
  const unique = [...new Set(ids)];
  const r = await db.updateTable('appeal_attachment').set({ event_seq: seq }).where('town_id', '=', townId).where('appeal_id', '=', appealId)
    .where('attachment_id', 'in', unique).where('event_seq', 'is', null).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== unique.length) {
    throw new InvalidInput('所附文件须是先上传到本工单、且尚未用于其他操作的附件', [{ path: 'attachmentIds', label: '附件（照片）', message: '附件不属于本工单或已被使用' }]);
  }
}

/**
 * A photo published as Open311 media_url: only by its token, only for orders filed through a
 * public channel (the resident page or Open311), never any other file type.
 */
export function publicPhoto(db: Db, token: string) {
  return db.selectFrom('appeal_attachment as aa')
    .innerJoin('attachment as f', (j) => j.onRef('f.town_id', '=', 'aa.town_id').onRef('f.id', '=', 'aa.attachment_id'))
    .innerJoin('public_request as pr', (j) => j.onRef('pr.town_id', '=', 'aa.town_id').onRef('pr.appeal_id', '=', 'aa.appeal_id'))
    .select(['f.content_type', 'f.bytes', 'f.filename']).where('aa.public_token', '=', token).where('f.content_type', 'in', PHOTO_TYPES).executeTakeFirst();
}
