/**
 * Attachments of an order (照片、材料): stored and type-checked by the ledgers' attachment code
 * (same 10 MB limit, same magic-byte allow-list, same audit), linked to the order and, once a
 * handler sends them with a 办理/答复 action, to that timeline event. Reading and downloading go
 * through the order's scope (another town's or an out-of-scope order's file is a 404); every
 * download is audited. Which photos the public sees is explicit: a resident's own photos are
 * public, staff photos stay private until a handler marks one 公开给群众 (revocable, audited);
 * only public photos carry the unguessable token Open311 publishes as `media_url`.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor, WriteCtx } from '../../core/actor.ts';
import { Conflict, InvalidInput, InvalidTransition, NotFound } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import { auditWrite, recordAudit } from '../audit/audit.service.ts';
import { PHOTO_KINDS, PHOTO_TYPES, uploadAttachment } from '../ledgers/attachment.service.ts';
import { appealScope, scopeSql } from './appeal.policy.ts';
import * as repo from './appeal.repository.ts';
import * as files from './appeal-attachment.repository.ts';
import { PUBLIC_CHANNELS } from '../../core/workflow/channels.ts';

type Db = Kysely<DB>;

async function scopedOrder(db: Db, actor: Actor, townId: string, id: string) {
  const row = await repo.findAppeal(db, townId, id, scopeSql(await appealScope(db, actor, townId)));
  if (!row) throw new NotFound('工单');
  return row;
}

interface ViewRow {
  id: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  event_seq: number | null;
  uploaded_by_name: string;
  created_at: Date | string;
  is_public: boolean;
  from_resident: boolean;
  published_at: Date | string | null;
  published_by_name: string | null;
}

function view(r: ViewRow) {
  return {
    id: r.id,
    filename: r.filename,
    contentType: r.content_type,
    size: Number(r.size),
    sha256: r.sha256,
    eventSeq: r.event_seq,
    uploadedByName: r.uploaded_by_name,
    createdAt: new Date(r.created_at).toISOString(),
    public: r.is_public,
    fromResident: r.from_resident,
    publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
    publishedByName: r.published_by_name,
  };
}

/** Orders a resident can see (tracking page, Open311): those filed through a public channel. */

/** 上传附件: any caller who may act on the order; archived orders are read-only. */
export async function attach(
  db: Db,
  ctx: WriteCtx,
  appealId: string,
  file: { filename: string; bytes: Uint8Array },
) {
  const order = await scopedOrder(db, ctx.actor, ctx.townId, appealId);
  if (order.state === 'archived') throw new InvalidTransition('工单已归档，不能再添加附件');
  const meta = await uploadAttachment(db, ctx, file, { owner: { kind: 'appeal', id: appealId } });
  const row = await files.insertAppealAttachment(db, {
    // Staff files start private: a site photo may show a resident's home or papers (公开 is a decision).
    town_id: ctx.townId,
    appeal_id: appealId,
    attachment_id: meta.id,
    uploaded_by_name: ctx.actor.displayName,
  });
  await auditWrite(db, ctx, 'appeal.attach', 'appeal', appealId, null, {
    attachmentId: meta.id,
    filename: meta.filename,
    size: meta.size,
  });
  return view({
    id: meta.id,
    filename: meta.filename,
    content_type: meta.contentType,
    size: meta.size,
    sha256: meta.sha256,
    event_seq: row.event_seq,
    uploaded_by_name: ctx.actor.displayName,
    created_at: row.created_at,
    is_public: false,
    from_resident: false,
    published_at: null,
    published_by_name: null,
  });
}

export async function listAttachments(db: Db, actor: Actor, townId: string, appealId: string) {
  await scopedOrder(db, actor, townId, appealId);
  const rows = await files.listAppealAttachments(db, townId, appealId);
  return { items: rows.map(view) };
}

/** 下载附件: the file of an order in the caller's scope; the download is audited. */
export async function downloadAttachment(
  db: Db,
  ctx: WriteCtx,
  appealId: string,
  attachmentId: string,
) {
  await scopedOrder(db, ctx.actor, ctx.townId, appealId);
  const row = await files.findAppealAttachmentFile(db, ctx.townId, appealId, attachmentId);
  if (!row) throw new NotFound('附件');
  await auditWrite(db, ctx, 'appeal.download_attachment', 'appeal', appealId, null, {
    attachmentId,
    filename: row.filename,
  });
  return row;
}

/** Ties files uploaded to this order to the event a transition just wrote (办理/答复 photos). */
export async function linkAttachments(
  db: Db,
  townId: string,
  appealId: string,
  seq: number,
  ids: string[],
): Promise<void> {
  const unique = [...new Set(ids)];
  if ((await files.linkToEvent(db, townId, appealId, seq, unique)) !== unique.length) {
    throw new InvalidInput('所附文件须是先上传到本工单、且尚未用于其他操作的附件', [
      { path: 'attachmentIds', label: '附件（照片）', message: '附件不属于本工单或已被使用' },
    ]);
  }
}

/**
 * 公开给群众 / 取消公开: a handler decides, photo by photo, what the resident and Open311 see.
 * Only photos, only on orders filed through a public channel (others have no public view).
 * Withdrawing drops the token, so the old media_url is a 404 at once; publishing again issues a
 * new one. Withdrawing is always allowed (also on archived orders); each change is audited.
 */
export async function setAttachmentVisibility(
  db: Db,
  ctx: WriteCtx,
  appealId: string,
  attachmentId: string,
  visible: boolean,
) {
  const order = await scopedOrder(db, ctx.actor, ctx.townId, appealId);
  const row = await files.findAppealAttachment(db, ctx.townId, appealId, attachmentId);
  if (!row) throw new NotFound('附件');
  if (row.is_public === visible) return view(row);
  const field = [{ path: 'public', label: '公开给群众', message: '' }];
  if (visible && !PHOTO_TYPES.includes(row.content_type))
    throw new InvalidInput('只有照片（JPG、PNG）可以公开给群众', [
      { ...field[0]!, message: '只有照片可以公开' },
    ]);
  if (visible && !PUBLIC_CHANNELS.includes(order.channel))
    throw new InvalidInput(
      '该工单不是群众经公开渠道（群众页面、Open311）提交的，没有对群众公开的页面',
      [{ ...field[0]!, message: '非公开渠道工单' }],
    );
  if (visible && order.state === 'archived')
    throw new InvalidTransition('工单已归档，不能再公开照片（取消公开仍可）');
  const at = new Date();
  const updated = await files.updateVisibility(
    db,
    { townId: ctx.townId, appealId, attachmentId },
    row.is_public,
    visible
      ? {
          is_public: true,
          public_token: randomUUID(),
          published_at: at,
          published_by_name: ctx.actor.displayName,
        }
      : { is_public: false, public_token: null, published_at: null, published_by_name: null },
  );
  if (!updated) throw new Conflict('该附件的公开状态刚刚已被他人修改，请刷新后重试');
  await auditWrite(
    db,
    ctx,
    visible ? 'appeal.publish_attachment' : 'appeal.unpublish_attachment',
    'appeal',
    appealId,
    { attachmentId, public: row.is_public },
    { attachmentId, filename: row.filename, public: visible },
  );
  return view({ ...row, ...updated });
}

/** The resident as the author of a file: no user, no unit; audit shows 群众 and the address. */
const RESIDENT = {
  userId: null,
  homeTownId: '',
  username: '',
  displayName: '群众',
  personId: null,
  grants: [],
} as unknown as Actor;
/** Enough to show the problem; a resident is not a records office. */
export const MAX_RESIDENT_PHOTOS = 3;

/**
 * A photo the resident sends with their public request: public from the start (it is theirs).
 * Photos only; at most MAX_RESIDENT_PHOTOS per order; the same picture sent twice (a retry) is
 * stored once. The caller (public intake) has checked the tracking code and the time window.
 */
export async function attachResidentPhoto(
  db: Db,
  at: { townId: string; ip: string | null },
  appealId: string,
  file: { filename: string; bytes: Uint8Array },
) {
  const mine = await files.listAppealAttachments(db, at.townId, appealId, { fromResident: true });
  const sha = createHash('sha256').update(file.bytes).digest('hex');
  const same = mine.find((r) => r.sha256 === sha);
  if (same) return view(same);
  if (mine.length >= MAX_RESIDENT_PHOTOS)
    throw new Conflict(`每件诉求最多上传 ${MAX_RESIDENT_PHOTOS} 张照片`);
  const ctx = { actor: RESIDENT, townId: at.townId, ip: at.ip };
  const meta = await uploadAttachment(db, ctx, file, {
    owner: { kind: 'appeal', id: appealId },
    // A resident sends photos only; the same content check as every upload, narrowed to JPG/PNG.
    allowed: PHOTO_KINDS,
    label: '照片',
  });
  const row = await files.insertAppealAttachment(db, {
    town_id: at.townId,
    appeal_id: appealId,
    attachment_id: meta.id,
    uploaded_by_name: '群众',
    from_resident: true,
    is_public: true,
    public_token: randomUUID(),
    published_at: new Date(),
    published_by_name: '群众',
  });
  await recordAudit(db, {
    townId: at.townId,
    actorUserId: null,
    actorName: '群众',
    action: 'appeal.resident_photo',
    entityType: 'appeal',
    entityId: appealId,
    after: { attachmentId: meta.id, filename: meta.filename, size: meta.size },
    ip: at.ip,
  });
  return view({
    ...row,
    id: meta.id,
    filename: meta.filename,
    content_type: meta.contentType,
    size: meta.size,
    sha256: meta.sha256,
  });
}

/** Read by the resident's tracking page (public-intake) and Open311's media_url. */
export { publicPhoto, publishedPhotos } from './appeal-attachment.repository.ts';
