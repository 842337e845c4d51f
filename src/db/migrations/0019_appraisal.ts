/**
 * 民主测评 (issue 14): rounds, the people appraised, the electorate groups, one-time ballot tokens
 * and the ballots. Anonymity is in the shape: a token is stored only as a hash with a used flag and
 * no time; a ballot has a random id (not a UUIDv7), no timestamp and no reference to a token, a
 * group or a voter. Closing a round freezes the turnout into the groups, deletes the tokens and
 * rewrites the ballots in the order of fresh random ids (docs/security.md § 民主测评).
 * Frozen in time: never import application code here.
 */
import { sql, type Kysely } from 'kysely';

const statements: string[] = [
  `create table appraisal_round (
     town_id uuid not null references town(id),
     id uuid not null,
     year int not null check (year between 2000 and 2100),
     title text not null,
     scale text not null check (scale in ('excellent4', 'good4')),
     with_items boolean not null default false,
     cap_percent int not null default 20 check (cap_percent between 1 and 100),
     status text not null default 'draft' check (status in ('draft', 'open', 'closed')),
     refused_over_cap int not null default 0,
     version int not null default 1,
     created_by uuid,
     created_at timestamptz not null default now(),
     opened_at timestamptz,
     closed_at timestamptz,
     primary key (town_id, id))`,
  `create index appraisal_round_year_idx on appraisal_round(town_id, year)`,
  `create table appraisal_appraisee (
     town_id uuid not null,
     round_id uuid not null,
     person_id uuid not null,
     sort_order int not null,
     primary key (town_id, round_id, person_id),
     foreign key (town_id, round_id) references appraisal_round(town_id, id) on delete cascade,
     foreign key (town_id, person_id) references person(town_id, id))`,
  `create index appraisal_appraisee_person_idx on appraisal_appraisee(town_id, person_id)`,
  `create table appraisal_group (
     town_id uuid not null,
     id uuid not null,
     round_id uuid not null,
     name text not null,
     ballots int not null check (ballots between 1 and 2000),
     sort_order int not null,
     voted int,
     primary key (town_id, id),
     foreign key (town_id, round_id) references appraisal_round(town_id, id) on delete cascade)`,
  `create index appraisal_group_round_idx on appraisal_group(town_id, round_id)`,
  `create table appraisal_token (
     town_id uuid not null,
     token_hash text not null,
     round_id uuid not null,
     group_id uuid not null,
     used boolean not null default false,
     primary key (town_id, token_hash),
     foreign key (town_id, round_id) references appraisal_round(town_id, id) on delete cascade,
     foreign key (town_id, group_id) references appraisal_group(town_id, id) on delete cascade)`,
  `create index appraisal_token_hash_idx on appraisal_token(token_hash)`,
  `create index appraisal_token_group_idx on appraisal_token(town_id, group_id)`,
  `create table appraisal_ballot (
     town_id uuid not null,
     id uuid not null,
     round_id uuid not null,
     marks jsonb not null,
     primary key (town_id, id),
     foreign key (town_id, round_id) references appraisal_round(town_id, id) on delete cascade)`,
  `create index appraisal_ballot_round_idx on appraisal_ballot(town_id, round_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['ballot', 'token', 'group', 'appraisee', 'round'])
    await sql.raw(`drop table if exists appraisal_${t}`).execute(db);
}
