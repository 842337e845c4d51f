/**
 * Queries of stored files (`attachment`): insert, read, and who owns them — a ledger record or an
 * order, or nobody yet (an upload its uploader has not attached to a record). Every function
 * takes the town.
 */
import type { Kysely } from 'kysely';
import type { AttachmentOwner, DB } from '../../db/schema.ts';

type Db = Kysely<DB>;

export interface NewAttachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  bytes: Uint8Array;
  createdBy: string | null;
  uploadedBy: string | null;
  owner: { kind: AttachmentOwner; id: string } | null;
}

export async function insertAttachment(db: Db, townId: string, a: NewAttachment): Promise<void> {
  await db
    .insertInto('attachment')
    .values({
      town_id: townId,
      id: a.id,
      filename: a.filename,
      content_type: a.contentType,
      size: a.size,
      sha256: a.sha256,
      bytes: a.bytes,
      created_by: a.createdBy,
      uploaded_by: a.uploadedBy,
      owner_kind: a.owner?.kind ?? null,
      owner_id: a.owner?.id ?? null,
    })
    .execute();
}

export function findAttachment(db: Db, townId: string, id: string) {
  return db
    .selectFrom('attachment')
    .selectAll()
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Owner and uploader of each of `ids` that exists in the town. */
export async function ownership(db: Db, townId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('attachment')
    .select(['id', 'owner_kind', 'owner_id', 'uploaded_by'])
    .where('town_id', '=', townId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

/**
 * Gives the uploader's unowned files among `ids` to a record. Returns how many of `ids` the record
 * owns afterwards (fewer than asked: another record claimed one first).
 */
export async function claimForRecord(
  db: Db,
  townId: string,
  recordId: string,
  ids: string[],
  uploader: string | null,
): Promise<number> {
  const unique = [...new Set(ids)];
  if (!unique.length) return 0;
  if (uploader)
    await db
      .updateTable('attachment')
      .set({ owner_kind: 'ledger_record', owner_id: recordId })
      .where('town_id', '=', townId)
      .where('id', 'in', unique)
      .where('owner_kind', 'is', null)
      .where('uploaded_by', '=', uploader)
      .execute();
  const owned = await db
    .selectFrom('attachment')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('town_id', '=', townId)
    .where('id', 'in', unique)
    .where('owner_kind', '=', 'ledger_record')
    .where('owner_id', '=', recordId)
    .executeTakeFirstOrThrow();
  return Number(owned.n);
}
