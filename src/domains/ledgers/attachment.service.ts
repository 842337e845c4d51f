/**
 * Attachments (附件) of ledger records: stored in the database (one backup holds everything),
 * typed by their first bytes rather than by the name or header the client sent, limited in
 * size, and readable by whoever may read a record that refers to them (or who uploaded them).
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { InvalidInput, NotFound, PayloadTooLarge } from '../../core/errors.ts';
import { newId } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import { scopeSql } from './ledger-record.repository.ts';
import { audit, authorId, type Ctx } from './ledger-record.service.ts';
import * as types from './ledger-type.repository.ts';
import { recordScope } from './ledgers.policy.ts';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const ALLOWED_TYPES = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);

/** The content type from magic bytes; Office files are ZIPs told apart by their part names. */
export function sniffContentType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return ALLOWED_TYPES.pdf;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return ALLOWED_TYPES.jpg;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return ALLOWED_TYPES.png;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // Part names sit uncompressed in the ZIP headers.
    const names = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    if (names.includes('word/document.xml')) return ALLOWED_TYPES.docx;
    if (names.includes('xl/workbook.xml')) return ALLOWED_TYPES.xlsx;
  }
  return null;
}

function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 255);
  return cleaned || '附件';
}

export async function uploadAttachment(
  db: Kysely<DB>,
  ctx: Ctx,
  file: { filename: string; bytes: Uint8Array },
) {
  if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES) throw new PayloadTooLarge('附件不能超过 10 MB');
  if (file.bytes.byteLength === 0)
    throw new InvalidInput('附件是空文件', [
      { path: 'file', label: '附件', message: '附件是空文件' },
    ]);
  const contentType = sniffContentType(file.bytes);
  if (!contentType) {
    throw new InvalidInput('仅支持 PDF、JPG、PNG、Word（docx）和 Excel（xlsx）文件', [
      { path: 'file', label: '附件', message: '文件类型不在允许范围内（按文件内容识别）' },
    ]);
  }
  const row = {
    id: newId(),
    filename: cleanFilename(file.filename),
    content_type: contentType,
    size: file.bytes.byteLength,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
  };
  await db
    .insertInto('attachment')
    .values({ town_id: ctx.townId, ...row, bytes: file.bytes, created_by: authorId(ctx) })
    .execute();
  await audit(db, ctx, 'create', 'attachment', row.id, null, row);
  return { id: row.id, filename: row.filename, contentType, size: row.size, sha256: row.sha256 };
}

/** The file, if the caller uploaded it or may read a live record referring to it. */
export async function readAttachment(db: Kysely<DB>, actor: Actor, townId: string, id: string) {
  const row = await db
    .selectFrom('attachment')
    .selectAll()
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFound('附件');
  const scope = await recordScope(db, actor, townId, await types.currentTypes(db, townId), false);
  if (!scope.all && row.created_by !== actor.userId) {
    // Ids are UUIDs, so finding one in the record's JSON text is exact enough; raw SQL because
    // the builder has no position() over jsonb text.
    const referenced = await sql<{ one: number }>`
      select 1 as one from ledger_record
      where town_id = ${townId} and deleted_at is null and ${scopeSql(scope)} and position(${id} in data::text) > 0
      limit 1`.execute(db);
    if (!referenced.rows.length) throw new NotFound('附件');
  }
  return row;
}
