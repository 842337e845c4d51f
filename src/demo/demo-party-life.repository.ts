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

/** 星级评定 records, oldest year first (last year's stars decide 晋级). */
export async function demoRatingRecords(db: Db, townId: string) {
  const rows = await db
    .selectFrom('ledger_record')
    .select(['id', 'unit_id', 'data'])
    .where('town_id', '=', townId)
    .where('type_code', '=', 'branch_star_rating')
    .where('deleted_at', 'is', null)
    .orderBy('occurred_on')
    .orderBy('unit_id')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, data: r.data as Record<string, unknown> }));
}

export async function updateDemoRating(
  db: Db,
  townId: string,
  id: string,
  data: Record<string, unknown>,
) {
  await db
    .updateTable('ledger_record')
    .set({ data: JSON.stringify(data) })
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .execute();
}

/** Ids of a branch's meetings of a year (at most 12, in date order). */
export async function demoBranchMeetings(db: Db, townId: string, branchId: string, year: number) {
  const rows = await db
    .selectFrom('ledger_record')
    .select('id')
    .where('town_id', '=', townId)
    .where('type_code', 'in', ['branch_meeting', 'theme_party_day'])
    .where('unit_id', '=', branchId)
    .where('deleted_at', 'is', null)
    .where('occurred_on', '>=', `${year}-01-01`)
    .where('occurred_on', '<=', `${year}-12-31`)
    .orderBy('occurred_on')
    .orderBy('id')
    .limit(12)
    .execute();
  return rows.map((r) => r.id);
}

export async function insertDemoScores(
  db: Db,
  rows: {
    town_id: string;
    record_id: string;
    indicator: string;
    score: number;
    evidence: string;
    note: string | null;
  }[],
) {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('branch_rating_score')
      .values(rows.slice(i, i + 1000))
      .execute();
}
