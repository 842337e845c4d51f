/**
 * The demo seeders' reads and bulk writes: who holds which position where (the directory the
 * records are spread over) and batched inserts of ledger records with their unique claims.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB>;

export async function loadOrg(db: Db, townId: string) {
  const units = await db
    .selectFrom('unit')
    .select(['id', 'parent_id', 'kind', 'code', 'name'])
    .where('town_id', '=', townId)
    .orderBy('sort_order')
    .execute();
  const positions = await db
    .selectFrom('position')
    .select(['id', 'person_id', 'unit_id', 'title', 'leadership'])
    .where('town_id', '=', townId)
    .orderBy('starts_on')
    .orderBy('id')
    .execute();
  const portfolios = await db
    .selectFrom('position_portfolio')
    .select(['position_id', 'portfolio_code'])
    .where('town_id', '=', townId)
    .orderBy('position_id')
    .execute();
  const liaisons = await db
    .selectFrom('village_liaison')
    .select(['village_id', 'person_id'])
    .where('town_id', '=', townId)
    .orderBy('village_id')
    .execute();
  return { units, positions, portfolios, liaisons };
}
export type OrgRows = Awaited<ReturnType<typeof loadOrg>>;

export interface RecordRow {
  town_id: string;
  id: string;
  type_code: string;
  type_version: number;
  unit_id: string | null;
  person_id: string | null;
  occurred_on: string;
  data: string;
  created_by: null;
}

export async function insertRecords(
  db: Db,
  rows: RecordRow[],
  claims: Array<{
    town_id: string;
    type_code: string;
    field_key: string;
    value: string;
    record_id: string;
  }>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('ledger_record')
      .values(rows.slice(i, i + 1000))
      .execute();
  for (let i = 0; i < claims.length; i += 1000)
    await db
      .insertInto('ledger_unique')
      .values(claims.slice(i, i + 1000))
      .execute();
}

/** What the appeals seeder needs: offices, each village with its secretary, 包案 leaders, 派单员. */
export async function loadAppealDirectory(db: Db, townId: string) {
  const offices = (
    await db
      .selectFrom('unit')
      .select('id')
      .where('town_id', '=', townId)
      .where('kind', '=', 'office')
      .orderBy('sort_order')
      .execute()
  ).map((u) => u.id);
  const villageRows = await db
    .selectFrom('unit as u')
    .innerJoin('position as p', (j) =>
      j.onRef('p.town_id', '=', 'u.town_id').onRef('p.unit_id', '=', 'u.id'),
    )
    .select(['u.id', 'u.name', 'p.person_id'])
    .where('u.town_id', '=', townId)
    .where('u.kind', '=', 'village')
    .where('p.title', 'like', '%党支部书记%')
    .orderBy('u.sort_order')
    .execute();
  const leaders = await db
    .selectFrom('position')
    .select(['person_id', 'title'])
    .where('town_id', '=', townId)
    .where('leadership', '=', true)
    .orderBy('id')
    .execute();
  const disp = await db
    .selectFrom('app_user')
    .select(['id', 'person_id', 'display_name'])
    .where('town_id', '=', townId)
    .where('username', '=', 'paidan')
    .executeTakeFirstOrThrow();
  return {
    offices,
    villages: villageRows.map((v) => ({ id: v.id, name: v.name, secretary: v.person_id })),
    caseLeaders: leaders.filter((l) => /书记|政法/u.test(l.title)).map((l) => l.person_id),
    dispatcher: { userId: disp.id, personId: disp.person_id!, name: disp.display_name },
  };
}

/** Bulk-inserts walked orders, their events and the code counters of each year. */
export async function insertAppeals(
  db: Db,
  townId: string,
  rows: Record<string, unknown>[],
  events: Record<string, unknown>[],
  counters: Array<{ year: number; seq: number }>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('appeal')
      .values(rows.slice(i, i + 200) as never)
      .execute();
  for (let i = 0; i < events.length; i += 1000)
    await db
      .insertInto('appeal_event')
      .values(events.slice(i, i + 1000) as never)
      .execute();
  for (const c of counters)
    await db
      .insertInto('appeal_code_counter')
      .values({ town_id: townId, year: c.year, last_seq: c.seq })
      .onConflict((oc) => oc.columns(['town_id', 'year']).doUpdateSet({ last_seq: c.seq }))
      .execute();
}
