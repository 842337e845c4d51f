/**
 * What a unit does (本单位承担的业务): the portfolios (分管领域) an office or station carries, as
 * explicit data maintained by the org admin. Staff of a unit keep the ledgers of these
 * portfolios (DESIGN 2: "staff — ledgers: their unit's types"). Keyed and referenced with
 * town_id like every tenant table. Frozen in time: never import app code.
 */
import { sql, type Kysely } from 'kysely';

const statements: string[] = [
  `create table unit_portfolio (
     town_id uuid not null,
     unit_id uuid not null,
     portfolio_code text not null references portfolio(code),
     primary key (town_id, unit_id, portfolio_code),
     foreign key (town_id, unit_id) references unit(town_id, id) on delete cascade)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`drop table if exists unit_portfolio`).execute(db);
}
