/**
 * Foundation schema: reference tables (county, town, catalogues, login directory), the
 * organisation (units, people, positions, village liaisons), users and sessions, and the
 * append-only audit log. Frozen in time: never import application code here.
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  // ---- reference tables (global, small) --------------------------------------------------
  `create table county (
     id uuid primary key,
     name text not null,
     code text not null unique,
     created_at timestamptz not null default now())`,
  `create table town (
     id uuid primary key,
     county_id uuid not null references county(id),
     name text not null,
     code text not null unique,
     settings jsonb not null default '{}'::jsonb,
     created_at timestamptz not null default now())`,
  `create table portfolio (
     code text primary key,
     name text not null,
     sort_order int not null default 0)`,
  `create table unit_kind (
     code text primary key,
     name text not null)`,
  `create table role (
     code text primary key,
     name text not null)`,
  // Usernames are unique across all towns (a person logs in without naming a town), so the
  // directory from username to tenant is a small global table.
  `create table login_name (
     username text primary key,
     town_id uuid not null references town(id),
     user_id uuid not null)`,
  `create table login_throttle (
     key text primary key,
     failures int not null default 0,
     window_started_at timestamptz not null,
     locked_until timestamptz)`,
  `create table rate_limit (
     key text primary key,
     window_started_at timestamptz not null,
     hits int not null)`,

  // ---- organisation ---------------------------------------------------------------------
  `create table unit (
     town_id uuid not null references town(id),
     id uuid not null,
     parent_id uuid,
     kind text not null references unit_kind(code),
     name text not null,
     code text,
     sort_order int not null default 0,
     version int not null default 1,
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now(),
     primary key (town_id, id),
     foreign key (town_id, parent_id) references unit(town_id, id),
     check (parent_id is null or parent_id <> id))`,
  `create unique index unit_code_uq on unit(town_id, code) where code is not null`,
  `create index unit_parent_idx on unit(town_id, parent_id)`,
  `create table person (
     town_id uuid not null references town(id),
     id uuid not null,
     name text not null,
     gender text check (gender in ('male', 'female')),
     birth_date date,
     phone text,
     party_member boolean not null default false,
     unit_id uuid,
     note text,
     version int not null default 1,
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now(),
     primary key (town_id, id),
     foreign key (town_id, unit_id) references unit(town_id, id))`,
  `create index person_unit_idx on person(town_id, unit_id)`,
  `create table position (
     town_id uuid not null references town(id),
     id uuid not null,
     person_id uuid not null,
     unit_id uuid not null,
     title text not null,
     leadership boolean not null default false,
     starts_on date not null,
     ends_on date,
     version int not null default 1,
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now(),
     primary key (town_id, id),
     foreign key (town_id, person_id) references person(town_id, id),
     foreign key (town_id, unit_id) references unit(town_id, id),
     check (ends_on is null or ends_on >= starts_on))`,
  `create index position_person_idx on position(town_id, person_id)`,
  `create table position_portfolio (
     town_id uuid not null,
     position_id uuid not null,
     portfolio_code text not null references portfolio(code),
     primary key (town_id, position_id, portfolio_code),
     foreign key (town_id, position_id) references position(town_id, id) on delete cascade)`,
  `create table village_liaison (
     town_id uuid not null references town(id),
     id uuid not null,
     village_id uuid not null,
     person_id uuid not null,
     starts_on date not null,
     ends_on date,
     version int not null default 1,
     created_at timestamptz not null default now(),
     primary key (town_id, id),
     foreign key (town_id, village_id) references unit(town_id, id),
     foreign key (town_id, person_id) references person(town_id, id),
     check (ends_on is null or ends_on >= starts_on))`,

  // ---- users, roles, sessions -----------------------------------------------------------
  `create table app_user (
     town_id uuid not null references town(id),
     id uuid not null,
     username text not null,
     display_name text not null,
     person_id uuid,
     password_hash text not null,
     must_change_password boolean not null default false,
     disabled boolean not null default false,
     last_login_at timestamptz,
     version int not null default 1,
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now(),
     primary key (town_id, id),
     unique (town_id, username),
     foreign key (town_id, person_id) references person(town_id, id))`,
  // A grant of one role over one town, optionally narrowed to a unit subtree of the user's own
  // town. County users hold one row per town in scope.
  `create table user_role (
     town_id uuid not null,
     id uuid not null,
     user_id uuid not null,
     role text not null references role(code),
     scope_town_id uuid not null references town(id),
     scope_unit_id uuid,
     created_at timestamptz not null default now(),
     primary key (town_id, id),
     foreign key (town_id, user_id) references app_user(town_id, id) on delete cascade,
     foreign key (town_id, scope_unit_id) references unit(town_id, id),
     check (scope_unit_id is null or scope_town_id = town_id))`,
  `create index user_role_user_idx on user_role(town_id, user_id)`,
  `create table session (
     town_id uuid not null,
     id uuid not null,
     user_id uuid not null,
     secret_hash text not null,
     created_at timestamptz not null default now(),
     expires_at timestamptz not null,
     last_seen_at timestamptz not null default now(),
     ip text,
     user_agent text,
     primary key (town_id, id),
     foreign key (town_id, user_id) references app_user(town_id, id) on delete cascade)`,

  // ---- audit log (append-only, one hash chain per town) ----------------------------------
  `create table audit_entry (
     town_id uuid not null references town(id),
     seq bigint not null,
     at timestamptz not null,
     actor_user_id uuid,
     actor_name text not null,
     action text not null,
     entity_type text not null,
     entity_id text,
     before jsonb,
     after jsonb,
     ip text,
     prev_hash text not null,
     hash text not null,
     primary key (town_id, seq))`,
  `create index audit_entity_idx on audit_entry(town_id, entity_type, entity_id)`,
  `create table audit_head (
     town_id uuid primary key references town(id),
     seq bigint not null,
     hash text not null)`,
  `create function audit_entry_append_only() returns trigger language plpgsql as $$
   begin
     raise exception 'audit_entry is append-only (% refused)', tg_op using errcode = '42501';
   end $$`,
  `create trigger audit_entry_no_update before update or delete on audit_entry
     for each row execute function audit_entry_append_only()`,
  `create trigger audit_entry_no_truncate before truncate on audit_entry
     for each statement execute function audit_entry_append_only()`,
  // The head may only move forward, onto an entry that exists with that hash: it cannot be
  // rolled back to hide the deletion of the newest entries.
  `create function audit_head_forward_only() returns trigger language plpgsql as $$
   begin
     if tg_op = 'DELETE' then
       raise exception 'audit_head rows cannot be deleted' using errcode = '42501';
     end if;
     if tg_op = 'INSERT' and new.seq = 0 then
       return new;
     end if;
     if tg_op = 'UPDATE' and new.seq <= old.seq then
       raise exception 'audit_head can only move forward' using errcode = '42501';
     end if;
     if not exists (select 1 from audit_entry e
                    where e.town_id = new.town_id and e.seq = new.seq and e.hash = new.hash) then
       raise exception 'audit_head must point at an existing entry' using errcode = '42501';
     end if;
     return new;
   end $$`,
  `create trigger audit_head_guard before insert or update or delete on audit_head
     for each row execute function audit_head_forward_only()`,
];

const referenceRows = [
  `insert into unit_kind(code, name) values
     ('party_committee', '党委'), ('government', '政府'), ('office', '站所/办公室'),
     ('village', '村/社区'), ('branch', '党支部'), ('grid', '网格')`,
  `insert into role(code, name) values
     ('admin', '系统管理员'), ('leader', '党委书记/镇长'), ('portfolio_leader', '班子成员'),
     ('staff', '专干/站所'), ('village_cadre', '村(社区)干部/网格员'),
     ('dispatcher', '接线员/派单员'), ('county_supervisor', '县级督查')`,
  `insert into portfolio(code, name, sort_order) values
     ('party_building', '党的建设', 1), ('organization', '组织', 2), ('propaganda', '宣传和精神文明', 3),
     ('discipline', '纪检监察', 4), ('politics_law', '政法综治', 5), ('petitions', '信访', 6),
     ('armed_forces', '武装', 7), ('civil_affairs', '民政', 8), ('economy', '经济发展', 9),
     ('agriculture', '农业农村', 10), ('village_assistance', '乡村振兴与帮扶', 11),
     ('safety', '安全生产', 12), ('environment', '生态环境与人居环境', 13), ('transport', '交通', 14),
     ('urban_construction', '城建与规划', 15), ('education_health', '教育卫生', 16),
     ('social_security', '社会保障', 17), ('office_affairs', '党政办公', 18), ('ideology', '意识形态', 19)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [...statements, ...referenceRows]) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = [
    'audit_head',
    'audit_entry',
    'session',
    'user_role',
    'app_user',
    'village_liaison',
    'position_portfolio',
    'position',
    'person',
    'unit',
    'rate_limit',
    'login_throttle',
    'login_name',
    'role',
    'unit_kind',
    'portfolio',
    'town',
    'county',
  ];
  for (const t of tables) await sql.raw(`drop table if exists ${t} cascade`).execute(db);
  await sql
    .raw('drop function if exists audit_entry_append_only, audit_head_forward_only')
    .execute(db);
}
