/**
 * 党支部星级评定 (issue 14). A branch's rating of a year stays a record of the 星级评定 ledger
 * (stars, total, 较上年晋级: what reports cite); this migration adds each indicator's score with
 * its evidence (ids of the records it rests on: meetings, other ledger records) beside that
 * record, and the town's indicator set and star thresholds per year (absent: the defaults).
 * Frozen in time: never import application code here.
 */
import { sql, type Kysely } from 'kysely';

const statements: string[] = [
  `create table branch_rating_scheme (
     town_id uuid not null references town(id),
     year int not null check (year between 2000 and 2100),
     indicators jsonb not null,
     thresholds jsonb not null,
     version int not null default 1,
     updated_at timestamptz not null default now(),
     primary key (town_id, year))`,
  `create table branch_rating_score (
     town_id uuid not null,
     record_id uuid not null,
     indicator text not null,
     score numeric(5, 2) not null check (score between 0 and 100),
     evidence jsonb not null default '[]'::jsonb,
     note text,
     primary key (town_id, record_id, indicator),
     foreign key (town_id, record_id) references ledger_record(town_id, id) on delete cascade)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['branch_rating_score', 'branch_rating_scheme'])
    await sql.raw(`drop table if exists ${table}`).execute(db);
}
