/**
 * Devices a user has signed in from (OWASP's device cookies): a browser that once logged in as a
 * user keeps signing in while strangers' failures hold that username or the office's shared
 * address back. Only a hash of the cookie is stored. Frozen in time: never import application code.
 */
import { sql, type Kysely } from 'kysely';

const statements: string[] = [
  `create table login_device (
     town_id uuid not null,
     user_id uuid not null,
     device_hash text not null,
     created_at timestamptz not null default now(),
     last_login_at timestamptz not null default now(),
     primary key (town_id, user_id, device_hash),
     foreign key (town_id, user_id) references app_user(town_id, id) on delete cascade)`,
  `create index login_device_last_idx on login_device(last_login_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table if exists login_device').execute(db);
}
