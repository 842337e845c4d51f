/**
 * Towns and counties become editable through the API (乡镇信息), so they get the same optimistic
 * lock as every other edited row: a `version` that an update names and bumps.
 * Frozen in time once shipped: never import application code here.
 */
import { sql, type Kysely } from 'kysely';

const statements: string[] = [
  `alter table county add column version int not null default 1`,
  `alter table town add column version int not null default 1`,
  `alter table town add column updated_at timestamptz not null default now()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const drops = [
    'alter table town drop column if exists updated_at',
    'alter table town drop column if exists version',
    'alter table county drop column if exists version',
  ];
  for (const statement of drops) await sql.raw(statement).execute(db);
}
