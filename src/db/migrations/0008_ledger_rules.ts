/**
 * Ledger rules: composite unique rules and stage waiting periods (filled by the ledger-rules work).
 * Frozen in time once shipped: never import application code here.
 */
import { sql, type Kysely } from 'kysely';

const statements: string[] = [];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  void db;
}
