/**
 * Appeal analysis: 问题清单 clusters, 承诺事项 commitments and 分析通报 bulletins (filled by the appeal-analysis work).
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
