/**
 * An attachment belongs to one owner (issue 10 item 5): the ledger record or the order it was
 * filed with. Until a record claims it, an upload has no owner and only its uploader may read it
 * or attach it. Downloads check the caller's scope over the owner, so putting another record's
 * file id into one's own record (or its text) no longer makes the file readable.
 * Existing files: an order's files go to that order; a ledger file to the earliest record (a
 * live one first) whose attachment field lists it. Frozen in time: never import application code.
 */
import { sql, type Kysely } from 'kysely';

const UUID = `'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`;

const statements: string[] = [
  `alter table attachment add column owner_kind text`,
  `alter table attachment add column owner_id uuid`,
  `alter table attachment add column uploaded_by uuid`,
  `update attachment set uploaded_by = created_by`,
  `alter table attachment add constraint attachment_owner_ck check (
     (owner_kind is null and owner_id is null)
     or (owner_kind in ('ledger_record', 'appeal') and owner_id is not null))`,
  `create index attachment_owner_idx on attachment(town_id, owner_kind, owner_id)`,
  `update attachment a set owner_kind = 'appeal', owner_id = aa.appeal_id
     from appeal_attachment aa
     where aa.town_id = a.town_id and aa.attachment_id = a.id`,
  `update attachment a set owner_kind = 'ledger_record', owner_id = x.record_id
     from (
       select distinct on (r.town_id, v.id) r.town_id, v.id::uuid as attachment_id, r.id as record_id
       from ledger_record r
       cross join lateral jsonb_each(r.data) e
       cross join lateral jsonb_array_elements_text(
         case when jsonb_typeof(e.value) = 'array' then e.value else '[]'::jsonb end) v(id)
       where v.id ~ ${UUID}
       order by r.town_id, v.id, (r.deleted_at is not null), r.created_at, r.id) x
     where a.town_id = x.town_id and a.id = x.attachment_id and a.owner_kind is null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    'drop index if exists attachment_owner_idx',
    'alter table attachment drop constraint if exists attachment_owner_ck',
    'alter table attachment drop column if exists owner_id',
    'alter table attachment drop column if exists owner_kind',
    'alter table attachment drop column if exists uploaded_by',
  ])
    await sql.raw(statement).execute(db);
}
