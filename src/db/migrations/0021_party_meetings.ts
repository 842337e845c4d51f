/**
 * 三会一课 / 主题党日 with attendance (issue 14). A meeting stays a record of the 三会一课 or
 * 主题党日 ledger (its type, branch, date, topic, minutes and photos, cited by reports, exported to
 * Excel); this migration adds what a ledger record cannot hold: each branch's roster of members,
 * one attendance row per member expected at a meeting (present, or absent with a reason), and the
 * town's required frequency per meeting type (rows override the shipped defaults).
 * Frozen in time: never import application code here.
 */
import { sql, type Kysely } from 'kysely';

const statements: string[] = [
  `create table party_member (
     town_id uuid not null references town(id),
     id uuid not null,
     branch_id uuid not null,
     name text not null check (length(name) between 1 and 30),
     committee boolean not null default false,
     active boolean not null default true,
     sort_order int not null default 0,
     version int not null default 1,
     created_at timestamptz not null default now(),
     primary key (town_id, id),
     foreign key (town_id, branch_id) references unit(town_id, id))`,
  `create index party_member_branch_idx on party_member(town_id, branch_id, sort_order)`,
  `create table meeting_attendance (
     town_id uuid not null,
     record_id uuid not null,
     member_id uuid not null,
     present boolean not null,
     absence_reason text,
     primary key (town_id, record_id, member_id),
     foreign key (town_id, record_id) references ledger_record(town_id, id) on delete cascade,
     foreign key (town_id, member_id) references party_member(town_id, id),
     check (present or length(coalesce(absence_reason, '')) > 0))`,
  `create index meeting_attendance_member_idx on meeting_attendance(town_id, member_id)`,
  `create table meeting_requirement (
     town_id uuid not null references town(id),
     meeting_type text not null,
     period text not null check (period in ('month', 'quarter')),
     times int not null check (times between 0 and 31),
     primary key (town_id, meeting_type))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['meeting_requirement', 'meeting_attendance', 'party_member'])
    await sql.raw(`drop table if exists ${table}`).execute(db);
}
