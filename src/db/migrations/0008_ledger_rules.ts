/**
 * Ledger rules: composite unique rules and stage waiting periods. Both live in the ledger type's
 * definition (jsonb, versioned with the type); waiting periods are checked when a record is
 * written. Composite uniqueness reuses ledger_unique — a rule's claim has the field key
 * "branch+year" and the values joined by chr(31) — so its primary key stays the race-free
 * guard. This migration pins the shape of those keys. Frozen in time: never import app code.
 */
import { sql, type Kysely } from 'kysely';

const statements: string[] = [
  `alter table ledger_unique add constraint ledger_unique_field_key_ck
     check (field_key ~ '^[a-z][a-z0-9_]*(\\+[a-z][a-z0-9_]*)*$')`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`alter table ledger_unique drop constraint if exists ledger_unique_field_key_ck`)
    .execute(db);
}
