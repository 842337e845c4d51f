/**
 * Issue 16: the intake hint compares the typed text with the newest orders of the form's village
 * and of its category root (appeal.similar.repository.ts), and clusters the recent orders of the
 * village × category root (problem-match.repository.ts); these indexes read them newest first
 * instead of sorting a big village's or category's 90 days. Frozen in time: never import
 * application code here.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index appeal_village_recent_idx
    on appeal(town_id, village_id, received_at desc)`.execute(db);
  await sql`create index appeal_root_recent_idx
    on appeal(town_id, category_root, received_at desc)`.execute(db);
  await sql`create index appeal_block_recent_idx
    on appeal(town_id, village_id, category_root, received_on desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index appeal_block_recent_idx`.execute(db);
  await sql`drop index appeal_root_recent_idx`.execute(db);
  await sql`drop index appeal_village_recent_idx`.execute(db);
}
