/**
 * Appeal analysis (DESIGN 5): 问题清单 recurring problems with their linked orders (and the orders
 * a user took out of a problem, so detection does not offer them again), and 承诺事项 public
 * commitments with progress notes and linked orders. 分析通报 bulletins are composed on demand
 * from the KPI metrics and need no table. Frozen in time once shipped: never import application code here.
 */
import { sql, type Kysely } from 'kysely';

const statements: string[] = [
  // 问题清单: one recurring problem; status 待认领 → 整改中 → 已整改 → 已销号 (docs/appeal-analysis.md).
  `create table appeal_problem (
     town_id uuid not null references town(id),
     id uuid not null,
     title text not null,
     description text,
     village_id uuid,
     category_code text references appeal_category(code),
     category_root text references appeal_category(code),
     owner_unit_id uuid,
     owner_person_id uuid,
     plan text,
     result text,
     status text not null check (status in ('unclaimed', 'rectifying', 'rectified', 'closed')),
     due_on date,
     rectified_at timestamptz,
     closed_at timestamptz,
     version int not null default 1,
     created_by uuid,
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now(),
     primary key (town_id, id),
     foreign key (town_id, village_id) references unit(town_id, id),
     foreign key (town_id, owner_unit_id) references unit(town_id, id),
     foreign key (town_id, owner_person_id) references person(town_id, id),
     foreign key (town_id, created_by) references app_user(town_id, id))`,
  `create index appeal_problem_status_idx on appeal_problem(town_id, status, due_on)`,
  // An order belongs to at most one problem: the unique key is what keeps detection from
  // proposing an order twice and keeps a problem's count equal to its listed orders.
  `create table appeal_problem_order (
     town_id uuid not null,
     problem_id uuid not null,
     appeal_id uuid not null,
     source text not null check (source in ('detect', 'manual')),
     added_by uuid,
     added_at timestamptz not null default now(),
     primary key (town_id, problem_id, appeal_id),
     unique (town_id, appeal_id),
     foreign key (town_id, problem_id) references appeal_problem(town_id, id),
     foreign key (town_id, appeal_id) references appeal(town_id, id),
     foreign key (town_id, added_by) references app_user(town_id, id))`,
  `create table appeal_problem_exclusion (
     town_id uuid not null,
     problem_id uuid not null,
     appeal_id uuid not null,
     excluded_by uuid,
     excluded_at timestamptz not null default now(),
     primary key (town_id, problem_id, appeal_id),
     foreign key (town_id, problem_id) references appeal_problem(town_id, id),
     foreign key (town_id, appeal_id) references appeal(town_id, id),
     foreign key (town_id, excluded_by) references app_user(town_id, id))`,
  // 承诺事项: a public promise with a due date; overdue = past due_on and not fulfilled/cancelled.
  `create table appeal_commitment (
     town_id uuid not null references town(id),
     id uuid not null,
     title text not null,
     content text not null,
     promised_to text not null,
     village_id uuid,
     owner_unit_id uuid,
     owner_person_id uuid,
     promised_on date not null,
     due_on date not null,
     status text not null check (status in ('pending', 'in_progress', 'fulfilled', 'cancelled')),
     evidence text,
     fulfilled_at timestamptz,
     problem_id uuid,
     version int not null default 1,
     created_by uuid,
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now(),
     primary key (town_id, id),
     check (due_on >= promised_on),
     foreign key (town_id, village_id) references unit(town_id, id),
     foreign key (town_id, owner_unit_id) references unit(town_id, id),
     foreign key (town_id, owner_person_id) references person(town_id, id),
     foreign key (town_id, problem_id) references appeal_problem(town_id, id),
     foreign key (town_id, created_by) references app_user(town_id, id))`,
  `create index appeal_commitment_due_idx on appeal_commitment(town_id, status, due_on)`,
  `create table appeal_commitment_order (
     town_id uuid not null,
     commitment_id uuid not null,
     appeal_id uuid not null,
     primary key (town_id, commitment_id, appeal_id),
     foreign key (town_id, commitment_id) references appeal_commitment(town_id, id),
     foreign key (town_id, appeal_id) references appeal(town_id, id))`,
  `create table appeal_commitment_note (
     town_id uuid not null,
     id uuid not null,
     commitment_id uuid not null,
     note text not null,
     author_user_id uuid,
     author_name text not null,
     at timestamptz not null default now(),
     primary key (town_id, id),
     foreign key (town_id, commitment_id) references appeal_commitment(town_id, id),
     foreign key (town_id, author_user_id) references app_user(town_id, id))`,
  `create index appeal_commitment_note_idx on appeal_commitment_note(town_id, commitment_id, at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = [
    'appeal_commitment_note',
    'appeal_commitment_order',
    'appeal_commitment',
    'appeal_problem_exclusion',
    'appeal_problem_order',
    'appeal_problem',
  ];
  for (const t of tables) await sql.raw(`drop table if exists ${t}`).execute(db);
}
