/**
 * Repository of an order's attachments (appeal_attachment joined to the stored file): the link
 * rows, their event and their public visibility. The rules (who may upload, publish, download)
 * live in appeal.attachments.ts.
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

export function insertAppealAttachment(db: Db, row: Insertable<AppealAttachmentTable>) {
  return db.insertInto('appeal_attachment').values(row).returningAll().executeTakeFirstOrThrow();
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

/** Sets the visibility columns if the row is still as read (`wasPublic`); undefined otherwise. */
export function updateVisibility(
  db: Db,
  key: { townId: string; appealId: string; attachmentId: string },
  wasPublic: boolean,
  values: Updateable<AppealAttachmentTable>,
) {
  return db
    .updateTable('appeal_attachment')
    .set(values)
    .where('town_id', '=', key.townId)
    .where('appeal_id', '=', key.appealId)
    .where('attachment_id', '=', key.attachmentId)
    .where('is_public', '=', wasPublic)
    .returning(['is_public', 'published_at', 'published_by_name'])
    .executeTakeFirst();
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
    .innerJoin('public_request as pr', (j) =>
      j.onRef('pr.town_id', '=', 'aa.town_id').onRef('pr.appeal_id', '=', 'aa.appeal_id'),
    )
    .select(['f.content_type', 'f.bytes', 'f.filename'])
    .where('aa.public_token', '=', token)
    .where('aa.is_public', '=', true)
    .where('f.content_type', 'in', PHOTO_TYPES)
    .executeTakeFirst();
}
