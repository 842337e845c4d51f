/**
 * Repository of an order's attachments (appeal_attachment joined to the stored file): the link
 * rows, their event and their public visibility. The rules (who may upload, publish, download)
 * live in appeal-attachments.service.ts.
 */
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { AppealAttachmentTable, DB } from '../../db/schema.ts';
import { PHOTO_TYPES } from '../ledgers/attachment.service.ts';

type Db = Kysely<DB>;

/** What the API shows of an attachment: the file's own columns and the link's. */
export const ATTACHMENT_COLUMNS = [
  'f.id',
  'f.filename',
  'f.content_type',
  'f.size',
  'f.sha256',
  'aa.event_seq',
  'aa.uploaded_by_name',
  'aa.created_at',
  'aa.is_public',
  'aa.from_resident',
  'aa.published_at',
  'aa.published_by_name',
] as const;

function withFile(db: Db) {
  return db
    .selectFrom('appeal_attachment as aa')
    .innerJoin('attachment as f', (j) =>
      j.onRef('f.town_id', '=', 'aa.town_id').onRef('f.id', '=', 'aa.attachment_id'),
    );
}

export async function insertAppealAttachment(db: Db, row: Insertable<AppealAttachmentTable>) {
  const inserted = await db
    .insertInto('appeal_attachment')
    .values(row)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (inserted.public_token) await addPublicToken(db, inserted);
  return inserted;
}

/** A published photo's token goes into the global directory the public fetch reads. */
async function addPublicToken(
  db: Db,
  r: { town_id: string; appeal_id: string; attachment_id: string; public_token: string | null },
) {
  await db
    .insertInto('public_photo_token')
    .values({
      public_token: r.public_token!,
      town_id: r.town_id,
      appeal_id: r.appeal_id,
      attachment_id: r.attachment_id,
    })
    .execute();
}

/** The order's attachments, oldest first; `fromResident` keeps only the resident's own. */
export function listAppealAttachments(
  db: Db,
  townId: string,
  appealId: string,
  only: { fromResident?: true } = {},
) {
  let q = withFile(db)
    .select([...ATTACHMENT_COLUMNS])
    .where('aa.town_id', '=', townId)
    .where('aa.appeal_id', '=', appealId);
  if (only.fromResident) q = q.where('aa.from_resident', '=', true);
  return q.orderBy('aa.created_at').execute();
}

export function findAppealAttachment(
  db: Db,
  townId: string,
  appealId: string,
  attachmentId: string,
) {
  return withFile(db)
    .select([...ATTACHMENT_COLUMNS])
    .where('aa.town_id', '=', townId)
    .where('aa.appeal_id', '=', appealId)
    .where('aa.attachment_id', '=', attachmentId)
    .executeTakeFirst();
}

/** The bytes of one attachment of the order, for a download. */
export function findAppealAttachmentFile(
  db: Db,
  townId: string,
  appealId: string,
  attachmentId: string,
) {
  return withFile(db)
    .select(['f.id', 'f.filename', 'f.content_type', 'f.bytes'])
    .where('aa.town_id', '=', townId)
    .where('aa.appeal_id', '=', appealId)
    .where('aa.attachment_id', '=', attachmentId)
    .executeTakeFirst();
}

/** Which of `ids` are attachments of this order (of this town). */
export async function idsOfOrder(
  db: Db,
  townId: string,
  appealId: string,
  ids: readonly string[],
): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('appeal_attachment')
    .select('attachment_id')
    .where('town_id', '=', townId)
    .where('appeal_id', '=', appealId)
    .where('attachment_id', 'in', ids)
    .execute();
  return rows.map((r) => r.attachment_id);
}

/** Links not-yet-used attachments of the order to timeline event `seq`; returns how many. */
export async function linkToEvent(
  db: Db,
  townId: string,
  appealId: string,
  seq: number,
  ids: string[],
): Promise<number> {
  const r = await db
    .updateTable('appeal_attachment')
    .set({ event_seq: seq })
    .where('town_id', '=', townId)
    .where('appeal_id', '=', appealId)
    .where('attachment_id', 'in', ids)
    .where('event_seq', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * Sets the visibility columns if the row is still as read (`wasPublic`); undefined otherwise.
 * The global token directory follows: the old token goes, a new one is added.
 */
export async function updateVisibility(
  db: Db,
  key: { townId: string; appealId: string; attachmentId: string },
  wasPublic: boolean,
  values: Updateable<AppealAttachmentTable>,
) {
  const updated = await db
    .updateTable('appeal_attachment')
    .set(values)
    .where('town_id', '=', key.townId)
    .where('appeal_id', '=', key.appealId)
    .where('attachment_id', '=', key.attachmentId)
    .where('is_public', '=', wasPublic)
    .returning(['is_public', 'published_at', 'published_by_name', 'public_token'])
    .executeTakeFirst();
  if (!updated) return undefined;
  await db
    .deleteFrom('public_photo_token')
    .where('town_id', '=', key.townId)
    .where('appeal_id', '=', key.appealId)
    .where('attachment_id', '=', key.attachmentId)
    .execute();
  if (updated.public_token)
    await addPublicToken(db, {
      town_id: key.townId,
      appeal_id: key.appealId,
      attachment_id: key.attachmentId,
      public_token: updated.public_token,
    });
  const { public_token: _token, ...visibility } = updated;
  return visibility;
}

/** Public photos of an order, oldest first, as tokens (for the resident's tracking page). */
export function publishedPhotos(db: Db, townId: string, appealId: string) {
  return db
    .selectFrom('appeal_attachment')
    .select(['public_token', 'from_resident', 'created_at'])
    .where('town_id', '=', townId)
    .where('appeal_id', '=', appealId)
    .where('is_public', '=', true)
    .orderBy('created_at')
    .execute();
}

/**
 * A photo published as Open311 media_url: only by its token, only while it is public, only for
 * orders filed through a public channel (the resident page or Open311), never any other file type.
 */
export function publicPhoto(db: Db, token: string) {
  return withFile(db)
    .innerJoin('public_photo_token as l', (j) =>
      j
        .onRef('l.town_id', '=', 'aa.town_id')
        .onRef('l.appeal_id', '=', 'aa.appeal_id')
        .onRef('l.attachment_id', '=', 'aa.attachment_id'),
    )
    .innerJoin('public_request as pr', (j) =>
      j.onRef('pr.town_id', '=', 'aa.town_id').onRef('pr.appeal_id', '=', 'aa.appeal_id'),
    )
    .select(['f.content_type', 'f.bytes', 'f.filename'])
    .where('l.public_token', '=', token)
    .where('aa.public_token', '=', token)
    .where('aa.is_public', '=', true)
    .where('f.content_type', 'in', PHOTO_TYPES)
    .executeTakeFirst();
}
