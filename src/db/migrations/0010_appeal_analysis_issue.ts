/**
 * Appeal analysis, second step: proposals a user dismissed (忽略) with the order set and the
 * reason, so detection stops offering the same group; and issued bulletins (签发), each stored
 * with its document and every figure's value and metric reference, numbered 第N期 per town and
 * year, never recomputed. Frozen in time once shipped: never import application code here.
 */
import { sql, type Kysely } from 'kysely';

const statements: string[] = [
  // One dismissal of one proposal; problem_id is set when the dismissed proposal was "add to problem X".
  `create table appeal_problem_dismissal (
     town_id uuid not null references town(id),
     id uuid not null,
     problem_id uuid,
     title text not null,
     village_id uuid,
     category_code text references appeal_category(code),
     reason text not null,
     dismissed_by uuid,
     dismissed_by_name text not null,
     dismissed_at timestamptz not null default now(),
     revoked_by uuid,
     revoked_by_name text,
     revoked_at timestamptz,
     primary key (town_id, id),
     foreign key (town_id, problem_id) references appeal_problem(town_id, id),
     foreign key (town_id, village_id) references unit(town_id, id),
     foreign key (town_id, dismissed_by) references app_user(town_id, id),
     foreign key (town_id, revoked_by) references app_user(town_id, id))`,
  `create index appeal_problem_dismissal_active_idx on appeal_problem_dismissal(town_id, revoked_at)`,
  `create table appeal_problem_dismissal_order (
     town_id uuid not null,
     dismissal_id uuid not null,
     appeal_id uuid not null,
     primary key (town_id, dismissal_id, appeal_id),
     foreign key (town_id, dismissal_id) references appeal_problem_dismissal(town_id, id),
     foreign key (town_id, appeal_id) references appeal(town_id, id))`,
  // 签发: the bulletin as issued. document/data hold the figures' values with their metric ids and
  // parameters (the drill-down query), so the issued text never changes when orders change later.
  `create table appeal_bulletin_issue (
     town_id uuid not null references town(id),
     id uuid not null,
     year int not null,
     number int not null check (number >= 1),
     title text not null,
     period_from date not null,
     period_to date not null,
     scope_kind text not null check (scope_kind in ('town', 'village', 'unit')),
     scope_id uuid,
     scope_name text,
     as_of timestamptz not null,
     document jsonb not null,
     data jsonb not null,
     issued_by uuid,
     issued_by_name text not null,
     issued_at timestamptz not null default now(),
     primary key (town_id, id),
     unique (town_id, year, number),
     check (period_to >= period_from),
     foreign key (town_id, scope_id) references unit(town_id, id),
     foreign key (town_id, issued_by) references app_user(town_id, id))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'appeal_bulletin_issue',
    'appeal_problem_dismissal_order',
    'appeal_problem_dismissal',
  ])
    await sql.raw(`drop table if exists ${t}`).execute(db);
}
