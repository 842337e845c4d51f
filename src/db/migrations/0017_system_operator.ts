/**
 * The 系统运维 role (DESIGN 2, issue 10 item 7): installation-wide reference data — the statutory
 * work calendar — is changed by a system operator, never by one town's admin. The grant row names
 * the operator's own town (every account belongs to one) but the role gives no access to it.
 * Frozen in time: never import application code here.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`insert into role(code, name) values ('system_operator', '系统运维')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from user_role where role = 'system_operator'`.execute(db);
  await sql`delete from role where code = 'system_operator'`.execute(db);
}
