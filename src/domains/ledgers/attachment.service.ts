/**
 * Attachments (附件): stored in the database (one backup holds everything), identified by their
 * content against an allow-list that the name's extension must agree with, Office files checked
 * for zip bombs, names stripped of invisible characters (src/core/files), limited in size.
 *
 * Each file belongs to one owner (issue 10 item 5): the order it was filed with, or the ledger
 * record that first listed it. Until a record claims it, an upload is its uploader's alone. A
 * record may list only its own files or its author's unclaimed uploads, and a download is allowed
 * to whoever may read the owner record — never because some other record mentions the id.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { InvalidInput, NotFound, PayloadTooLarge } from '../../core/errors.ts';
import { FILE_KINDS, identifyUpload, type FileKind } from '../../core/files/file-type.ts';
import { ZIP_LIMITS } from '../../core/files/zip-guard.ts';
import { newId } from '../../db/ids.ts';
import type { AttachmentOwner, DB } from '../../db/schema.ts';
import * as files from './attachment.repository.ts';
import * as records from './ledger-record.repository.ts';
import { authorId, type Ctx } from './ledger-audit.ts';
import { auditWrite } from '../audit/audit.service.ts';
import * as types from './ledger-type.repository.ts';
import { recordInScope, recordScope } from './ledgers.policy.ts';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** What an attachment may be: PDF, photos, Word and Excel files. */
export const ATTACHMENT_KINDS: readonly FileKind[] = ['pdf', 'jpg', 'png', 'docx', 'xlsx'];
export const PHOTO_KINDS: readonly FileKind[] = ['jpg', 'png'];
export const PHOTO_TYPES: string[] = PHOTO_KINDS.map((k) => FILE_KINDS[k].mime);

export interface UploadOptions {
  /** The order (or record) the file is filed with; none: the uploader's until a record claims it. */
  owner?: { kind: AttachmentOwner; id: string };
  allowed?: readonly FileKind[];
  /** How the form calls the field (附件, 照片). */
  label?: string;
}

export async function uploadAttachment(
  db: Kysely<DB>,
  ctx: Ctx,
  file: { filename: string | null; bytes: Uint8Array },
  options: UploadOptions = {},
) {
  const label = options.label ?? '附件';
  if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES)
    throw new PayloadTooLarge(`${label}不能超过 10 MB`);
  if (file.bytes.byteLength === 0)
    throw new InvalidInput(`${label}是空文件`, [
      { path: 'file', label, message: `${label}是空文件` },
    ]);
  const identified = await identifyUpload(file.bytes, file.filename, {
    allowed: options.allowed ?? ATTACHMENT_KINDS,
    zipLimits: ZIP_LIMITS.attachment,
    label,
  });
  const row = {
    id: newId(),
    filename: identified.filename,
    contentType: identified.mime,
    size: file.bytes.byteLength,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
  };
  await files.insertAttachment(db, ctx.townId, {
    ...row,
    bytes: file.bytes,
    createdBy: authorId(ctx),
    uploadedBy: ctx.actor.userId,
    owner: options.owner ?? null,
  });
  await auditWrite(db, ctx, 'create', 'attachment', row.id, null, {
    id: row.id,
    filename: row.filename,
    content_type: row.contentType,
    size: row.size,
    sha256: row.sha256,
    owner: options.owner ?? null,
  });
  return row;
}

/**
 * The file through the ledger route: the caller's own unclaimed upload, or a file of a record the
 * caller may read (a deleted record's only for town-wide readers). Files of orders are read
 * through the order (appeal-attachments.service.ts), with its audit.
 */
export async function readAttachment(db: Kysely<DB>, actor: Actor, townId: string, id: string) {
  const row = await files.findAttachment(db, townId, id);
  if (!row) throw new NotFound('附件');
  if (row.owner_kind === null) {
    if (row.uploaded_by !== null && row.uploaded_by === actor.userId) return row;
    throw new NotFound('附件');
  }
  if (row.owner_kind !== 'ledger_record') throw new NotFound('附件');
  const record = await records.findRecord(db, townId, row.owner_id!);
  const scope = await recordScope(db, actor, townId, await types.currentTypes(db, townId), false);
  const readable =
    !!record &&
    (scope.all ||
      (!record.deleted_at &&
        recordInScope(scope, {
          typeCode: record.type_code,
          unitId: record.unit_id,
          personId: record.person_id,
        })));
  if (!readable) throw new NotFound('附件');
  return row;
}

/**
 * Which of `ids` a record may list: files it already owns, and unclaimed uploads of the author.
 * `recordId` null: a record not yet written (create, import).
 */
export async function linkableAttachments(
  db: Kysely<DB>,
  townId: string,
  ids: string[],
  by: { userId: string | null; recordId: string | null },
): Promise<Set<string>> {
  const rows = await files.ownership(db, townId, ids);
  return new Set(
    rows
      .filter((r) =>
        r.owner_kind === null
          ? by.userId !== null && r.uploaded_by === by.userId
          : r.owner_kind === 'ledger_record' && r.owner_id === by.recordId,
      )
      .map((r) => r.id),
  );
}

/** After writing a record: it takes its author's unclaimed files it lists; false if one was taken. */
export async function claimAttachments(
  db: Kysely<DB>,
  ctx: Ctx,
  recordId: string,
  ids: string[],
): Promise<boolean> {
  const unique = [...new Set(ids)];
  if (!unique.length) return true;
  const owned = await files.claimForRecord(db, ctx.townId, recordId, unique, ctx.actor.userId);
  return owned === unique.length;
}
