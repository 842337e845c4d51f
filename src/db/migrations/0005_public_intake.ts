/**
 * Public intake and Open311 (DESIGN 3, 5): what 0003 left empty gets the columns the use cases
 * need — the body hash behind an Idempotency-Key, the resident's tracking code, the Open311
 * token and the API key that filed it — plus the residents' one-time rating of an order.
 * Frozen in time: never import application code here.
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  // 0003 created public_request but nothing wrote to it, so not-null columns can be added as is.
  `alter table public_request add column channel text not null`,
  `alter table public_request add column request_hash text not null`,
  `alter table public_request add column tracking_code text not null`,
  `alter table public_request add column token uuid not null`,
  `alter table public_request add column api_key_id uuid`,
  `alter table public_request add constraint public_request_api_key_fk
   foreign key (town_id, api_key_id) references open311_api_key(town_id, id)`,
  // A tracking code is typed by a resident who does not know the town's id: unique on its own,
  // the way open311_api_key.key_hash is (it carries a random part, so it cannot be enumerated).
  `create unique index public_request_tracking_code_uq on public_request(tracking_code)`,
  `create unique index public_request_token_uq on public_request(town_id, token)`,
  `create unique index public_request_appeal_uq on public_request(town_id, appeal_id)`,
  // 群众评价: one per order (the primary key is the "once" rule).
  `create table public_rating (
     town_id uuid not null,
     appeal_id uuid not null,
     satisfaction text not null check (satisfaction in ('满意', '基本满意', '不满意')),
     solved boolean not null,
     comment text,
     created_at timestamptz not null default now(),
     primary key (town_id, appeal_id),
     foreign key (town_id, appeal_id) references appeal(town_id, id))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table if exists public_rating').execute(db);
  for (const index of [
    'public_request_tracking_code_uq',
    'public_request_token_uq',
    'public_request_appeal_uq',
  ])
    await sql.raw(`drop index if exists ${index}`).execute(db);
  await sql
    .raw('alter table public_request drop constraint if exists public_request_api_key_fk')
    .execute(db);
  for (const column of ['api_key_id', 'token', 'tracking_code', 'request_hash', 'channel'])
    await sql.raw(`alter table public_request drop column if exists ${column}`).execute(db);
}
