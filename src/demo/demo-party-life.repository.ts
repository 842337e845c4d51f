/** Queries of the demo's branch life: branches with their villages, meeting records, inserts. */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB>;

export function demoBranches(db: Db, townId: string) {
  return db
    .selectFrom('unit as b')
    .innerJoin('unit as v', (j) =>
      j.onRef('v.town_id', '=', 'b.town_id').onRef('v.id', '=', 'b.parent_id'),
    )
    .select(['b.id', 'v.name as village'])
    .where('b.town_id', '=', townId)
    .where('b.kind', '=', 'branch')
    .orderBy('v.sort_order')
    .orderBy('b.id')
    .execute();
}

export async function demoMeetings(db: Db, townId: string, from: string) {
  const rows = await db
    .selectFrom('ledger_record')
    .select(['id', 'type_code', 'unit_id', 'data'])
    .where('town_id', '=', townId)
    .where('type_code', 'in', ['branch_meeting', 'theme_party_day'])
    .where('deleted_at', 'is', null)
    .where('occurred_on', '>=', from)
    .orderBy('occurred_on')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, data: r.data as Record<string, unknown> }));
}

export async function insertDemoMembers(
  db: Db,
  rows: {
    town_id: string;
    id: string;
    branch_id: string;
    name: string;
    committee: boolean;
    sort_order: number;
  }[],
) {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('party_member')
      .values(rows.slice(i, i + 1000))
      .execute();
}

export async function insertDemoAttendance(
  db: Db,
  rows: {
    town_id: string;
    record_id: string;
    member_id: string;
    present: boolean;
    absence_reason: string | null;
  }[],
) {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('meeting_attendance')
      .values(rows.slice(i, i + 1000))
      .execute();
}

export async function insertDemoRequirement(db: Db, townId: string) {
  await db
    .insertInto('meeting_requirement')
    .values({ town_id: townId, meeting_type: 'group', period: 'month', times: 0 })
    .execute();
}
