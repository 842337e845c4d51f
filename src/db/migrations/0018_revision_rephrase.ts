/**
 * Issue 13: an accepted 润色 (rephrasing by the town's model server) keeps the document it
 * replaced as a revision of its own reason. Frozen in time: never import application code here.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table report_revision drop constraint report_revision_reason_check`.execute(db);
  await sql`alter table report_revision add constraint report_revision_reason_check
    check (reason in ('save', 'restore', 'regenerate', 'freeze', 'rephrase'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update report_revision set reason = 'save' where reason = 'rephrase'`.execute(db);
  await sql`alter table report_revision drop constraint report_revision_reason_check`.execute(db);
  await sql`alter table report_revision add constraint report_revision_reason_check
    check (reason in ('save', 'restore', 'regenerate', 'freeze'))`.execute(db);
}
