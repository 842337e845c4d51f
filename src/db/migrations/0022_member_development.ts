/**
 * 发展党员 as a workflow (issue 14): one row per person in the pipeline with the engine snapshot
 * (kind `member_development`, core/workflow/kinds/member-development.ts) and the columns lists and
 * the funnel filter on (branch, stage, dates, next due step), and the step history. A row made
 * from a record of the 发展党员 ledger keeps that record's id (`source_record_id`, unique per
 * town), so importing the ledger again adds nothing twice.
 * Frozen in time: never import application code here.
 */
import { sql, type Kysely } from 'kysely';

const statements: string[] = [
  `create table member_candidate (
     town_id uuid not null references town(id),
     id uuid not null,
     branch_id uuid not null,
     person_name text not null,
     birth_date date not null,
     occupation text,
     state text not null,
     version int not null default 1,
     snapshot jsonb not null,
     applied_on date not null,
     stage_on date not null,
     next_due_at timestamptz,
     next_due_clock text,
     source_record_id uuid,
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now(),
     primary key (town_id, id),
     foreign key (town_id, branch_id) references unit(town_id, id))`,
  `create index member_candidate_branch_idx on member_candidate(town_id, branch_id, state)`,
  `create index member_candidate_due_idx on member_candidate(town_id, next_due_at)`,
  `create unique index member_candidate_source_idx on member_candidate(town_id, source_record_id)`,
  `create table member_candidate_event (
     town_id uuid not null,
     id uuid not null,
     candidate_id uuid not null,
     action text not null,
     label text not null,
     from_state text,
     to_state text not null,
     on_date date,
     actor_user_id uuid,
     actor_name text,
     at timestamptz not null,
     note text,
     payload jsonb not null,
     imported boolean not null default false,
     primary key (town_id, id),
     foreign key (town_id, candidate_id) references member_candidate(town_id, id) on delete cascade)`,
  `create index member_candidate_event_idx on member_candidate_event(town_id, candidate_id, at)`,
  `create index member_candidate_event_action_idx on member_candidate_event(town_id, action, on_date)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['member_candidate_event', 'member_candidate'])
    await sql.raw(`drop table if exists ${t}`).execute(db);
}
