/**
 * What a handler publishes of an order's words (DESIGN 3, public projection): the public view of a
 * publicly filed order shows no resident text unless a handler writes and publishes it — a
 * description of the matter and the town's reply — as photos are published one by one (0011).
 * Kept on the order's public_request row (only publicly filed orders have a public view), with
 * who published it, when, and a version for concurrent edits. The text is stored as written and
 * scrubbed of personal data whenever it is shown.
 * Frozen in time once shipped: never import application code here.
 */
import { sql, type Kysely } from 'kysely';

const statements: string[] = [
  `alter table public_request add column public_description text`,
  `alter table public_request add column public_reply text`,
  `alter table public_request add column published_at timestamptz`,
  `alter table public_request add column published_by_name text`,
  `alter table public_request add column publication_version int not null default 0`,
  `alter table public_request add constraint public_request_public_text_ck check (
     char_length(public_description) <= 4000 and char_length(public_reply) <= 4000)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw('alter table public_request drop constraint if exists public_request_public_text_ck')
    .execute(db);
  for (const column of [
    'publication_version',
    'published_by_name',
    'published_at',
    'public_reply',
    'public_description',
  ])
    await sql.raw(`alter table public_request drop column if exists ${column}`).execute(db);
}
