/**
 * Which photos of an order are public: a per-attachment flag instead of "every photo of a
 * publicly filed order". Photos a resident sends with a public request start public; photos
 * staff attach start private until a handler marks one 公开给群众 (who and when kept here, the
 * change in the audit log). The Open311 token exists exactly while a photo is public, so
 * withdrawing it kills its media_url, and publishing it again gives a new address.
 * Frozen in time once shipped: never import application code here.
 */
import { sql, type Kysely } from 'kysely';

const statements: string[] = [
  `alter table appeal_attachment add column is_public boolean not null default false`,
  `alter table appeal_attachment add column from_resident boolean not null default false`,
  `alter table appeal_attachment add column published_at timestamptz`,
  `alter table appeal_attachment add column published_by_name text`,
  // Until now every photo of a public-channel order was published implicitly, and all of them were
  // staff uploads (residents could not attach files): withdraw them; a handler re-publishes on purpose.
  `update appeal_attachment set public_token = null where public_token is not null`,
  `alter table appeal_attachment add constraint appeal_attachment_public_token_ck
   check (is_public = (public_token is not null))`,
  // media_url and the tracking page read the newest public photos of one order.
  `create index appeal_attachment_public_idx on appeal_attachment(town_id, appeal_id, created_at) where is_public`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const drops = [
    'drop index if exists appeal_attachment_public_idx',
    'alter table appeal_attachment drop constraint if exists appeal_attachment_public_token_ck',
    ...['published_by_name', 'published_at', 'from_resident', 'is_public'].map(
      (c) => `alter table appeal_attachment drop column if exists ${c}`,
    ),
  ];
  for (const statement of drops) await sql.raw(statement).execute(db);
}
