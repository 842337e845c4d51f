/**
 * Lookups that arrive without a town — a resident's 查询码, a published photo's public token, an
 * Open311 API key's hash — find their town in small global directories, as a login name does
 * (issue 12). The tenant tables' unique indexes on those columns now include town_id, which a
 * distributed PostgreSQL (Citus) can enforce; global uniqueness is the directory's primary key.
 * Frozen in time: never import application code here.
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  `create table public_tracking_code (
     tracking_code text primary key,
     town_id uuid not null references town(id))`,
  `insert into public_tracking_code (tracking_code, town_id)
     select tracking_code, town_id from public_request`,
  `drop index public_request_tracking_code_uq`,
  `create unique index public_request_tracking_code_uq on public_request(town_id, tracking_code)`,

  // A global table may only refer to global tables (a distributed database replicates it to every
  // node), so the directories name their tenant rows without a foreign key, as login_name does;
  // the repositories write them in the same transaction as the row.
  // One row per published photo: written on publishing, deleted on withdrawing it.
  `create table public_photo_token (
     public_token uuid primary key,
     town_id uuid not null references town(id),
     appeal_id uuid not null,
     attachment_id uuid not null)`,
  `insert into public_photo_token (public_token, town_id, appeal_id, attachment_id)
     select public_token, town_id, appeal_id, attachment_id from appeal_attachment
     where public_token is not null`,
  `drop index appeal_attachment_public_token_uq`,
  `create unique index appeal_attachment_public_token_uq
     on appeal_attachment(town_id, public_token)`,

  `create table open311_key_hash (
     key_hash text primary key,
     town_id uuid not null references town(id),
     key_id uuid not null)`,
  `insert into open311_key_hash (key_hash, town_id, key_id)
     select key_hash, town_id, id from open311_api_key`,
  `drop index open311_api_key_hash_uq`,
  `create unique index open311_api_key_hash_uq on open311_api_key(town_id, key_hash)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    'drop table if exists open311_key_hash',
    'drop table if exists public_photo_token',
    'drop table if exists public_tracking_code',
    'drop index if exists open311_api_key_hash_uq',
    'create unique index open311_api_key_hash_uq on open311_api_key(key_hash)',
    'drop index if exists appeal_attachment_public_token_uq',
    'create unique index appeal_attachment_public_token_uq on appeal_attachment(public_token)',
    'drop index if exists public_request_tracking_code_uq',
    'create unique index public_request_tracking_code_uq on public_request(tracking_code)',
  ])
    await sql.raw(statement).execute(db);
}
