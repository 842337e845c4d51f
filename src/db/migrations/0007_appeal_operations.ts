/**
 * Appeal operations: manual 督办, acknowledged reminders, order attachments, Open311 media (filled by the appeal-operations work).
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
