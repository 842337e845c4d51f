/**
 * Duty reports (DESIGN 8): per-town report templates, one report per person and year with its
 * structured document, the revision history of every save, and imported past reports.
 * Frozen in time: never import application code here.
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  // Templates are data (the core schema validates `definition`); a town starts with the
  // built-in ones, seeded lazily, and an admin may edit them or add one from an import.
  `create table report_template (
     town_id uuid not null references town(id),
     id text not null check (id ~ '^[a-z][a-z0-9_-]{0,59}$'),
     role text,
     name text not null,
     definition jsonb not null,
     version int not null default 1,
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now(),
     primary key (town_id, id))`,
  `create table report (
     town_id uuid not null references town(id),
     id uuid not null,
     person_id uuid not null,
     year int not null check (year between 2000 and 2100),
     template_id text not null,
     state text not null default 'draft' check (state in ('draft', 'frozen')),
     document jsonb not null,
     version int not null default 1,
     frozen_at timestamptz,
     frozen_by uuid,
     created_by uuid,
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now(),
     primary key (town_id, id),
     unique (town_id, person_id, year),
     foreign key (town_id, person_id) references person(town_id, id),
     foreign key (town_id, template_id) references report_template(town_id, id),
     foreign key (town_id, created_by) references app_user(town_id, id),
     foreign key (town_id, frozen_by) references app_user(town_id, id),
     check ((state = 'frozen') = (frozen_at is not null)))`,
  // Every save keeps the document it replaced, keyed by the report version it had.
  `create table report_revision (
     town_id uuid not null,
     id uuid not null,
     report_id uuid not null,
     report_version int not null,
     document jsonb not null,
     reason text not null check (reason in ('save', 'restore', 'regenerate', 'freeze')),
     saved_by uuid,
     saved_at timestamptz not null default now(),
     primary key (town_id, id),
     unique (town_id, report_id, report_version),
     foreign key (town_id, report_id) references report(town_id, id) on delete cascade,
     foreign key (town_id, saved_by) references app_user(town_id, id))`,
  `create table imported_report (
     town_id uuid not null references town(id),
     id uuid not null,
     person_id uuid,
     year int check (year between 1990 and 2100),
     filename text not null check (length(filename) between 1 and 255),
     text text not null,
     outline jsonb not null,
     created_by uuid,
     created_at timestamptz not null default now(),
     primary key (town_id, id),
     foreign key (town_id, person_id) references person(town_id, id),
     foreign key (town_id, created_by) references app_user(town_id, id))`,
  `create index imported_report_person_idx on imported_report(town_id, person_id, year)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['imported_report', 'report_revision', 'report', 'report_template']) {
    await sql.raw(`drop table if exists ${t} cascade`).execute(db);
  }
}
