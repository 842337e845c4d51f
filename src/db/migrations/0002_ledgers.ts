/**
 * Ledgers (DESIGN 6): versioned ledger types per town, their records (typed `data` in jsonb with
 * the period/unit/person columns the metric compiler filters on), the claims that keep unique
 * fields unique, and uploaded attachments. Frozen in time: never import application code here.
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  // A type's definition never changes in place: a change inserts the next version, so every
  // record can still be read under the version it was written with.
  `create table ledger_type (
     town_id uuid not null references town(id),
     code text not null,
     version int not null check (version >= 1),
     name text not null,
     portfolio text not null,
     definition jsonb not null,
     created_by uuid,
     created_at timestamptz not null default now(),
     primary key (town_id, code, version),
     foreign key (town_id, created_by) references app_user(town_id, id))`,
  `create table ledger_record (
     town_id uuid not null,
     id uuid not null,
     type_code text not null,
     type_version int not null,
     unit_id uuid,
     person_id uuid,
     occurred_on date not null,
     data jsonb not null,
     created_by uuid,
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now(),
     version int not null default 1,
     deleted_at timestamptz,
     primary key (town_id, id),
     foreign key (town_id, type_code, type_version) references ledger_type(town_id, code, version),
     foreign key (town_id, created_by) references app_user(town_id, id))`,
  // The metric drill-down and record lists walk (type, period, id) in order.
  `create index ledger_record_type_period_idx on ledger_record(town_id, type_code, occurred_on, id)`,
  `create index ledger_record_unit_idx on ledger_record(town_id, unit_id)`,
  // One row per (type, unique field, value) held by a live record: the primary key is the rule.
  `create table ledger_unique (
     town_id uuid not null,
     type_code text not null,
     field_key text not null,
     value text not null,
     record_id uuid not null,
     primary key (town_id, type_code, field_key, value),
     foreign key (town_id, record_id) references ledger_record(town_id, id) on delete cascade)`,
  `create index ledger_unique_record_idx on ledger_unique(town_id, record_id)`,
  `create table attachment (
     town_id uuid not null references town(id),
     id uuid not null,
     filename text not null check (length(filename) between 1 and 255),
     content_type text not null check (content_type in (
       'application/pdf', 'image/jpeg', 'image/png',
       'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
       'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')),
     size int not null check (size between 1 and 10485760),
     sha256 text not null,
     bytes bytea not null,
     created_by uuid,
     created_at timestamptz not null default now(),
     primary key (town_id, id),
     foreign key (town_id, created_by) references app_user(town_id, id))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['attachment', 'ledger_unique', 'ledger_record', 'ledger_type'])
    await sql.raw(`drop table if exists ${t} cascade`).execute(db);
}
