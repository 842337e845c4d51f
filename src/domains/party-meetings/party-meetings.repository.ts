/**
 * Queries of branch life: the town's party branches, their rosters, the meeting records of the
 * 三会一课 and 主题党日 ledgers with their attendance rows, and the town's required frequencies.
 */
import { sql, type Kysely } from 'kysely';
import type { Requirement } from '../../core/party/meetings.ts';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB>;

export const MEETING_LEDGERS = ['branch_meeting', 'theme_party_day'] as const;

export interface BranchRow {
  id: string;
  name: string;
  parentName: string | null;
}

export async function listBranches(db: Db, townId: string): Promise<BranchRow[]> {
  const rows = await db
    .selectFrom('unit as u')
    .leftJoin('unit as p', (j) =>
      j.onRef('p.town_id', '=', 'u.town_id').onRef('p.id', '=', 'u.parent_id'),
    )
    .select(['u.id', 'u.name', 'p.name as parentName'])
    .where('u.town_id', '=', townId)
    .where('u.kind', '=', 'branch')
    .orderBy('p.sort_order')
    .orderBy('u.sort_order')
    .orderBy('u.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, parentName: r.parentName ?? null }));
}

export interface MemberRow {
  id: string;
  branchId: string;
  name: string;
  committee: boolean;
  active: boolean;
  sortOrder: number;
}

export async function listMembers(
  db: Db,
  townId: string,
  branchIds: readonly string[],
  activeOnly = true,
): Promise<MemberRow[]> {
  if (branchIds.length === 0) return [];
  let q = db
    .selectFrom('party_member')
    .select([
      'id',
      'branch_id as branchId',
      'name',
      'committee',
      'active',
      'sort_order as sortOrder',
    ])
    .where('town_id', '=', townId)
    .where('branch_id', 'in', branchIds);
  if (activeOnly) q = q.where('active', '=', true);
  return q.orderBy('branch_id').orderBy('sort_order').orderBy('id').execute();
}

export async function insertMembers(
  db: Db,
  townId: string,
  rows: { id: string; branchId: string; name: string; committee: boolean; sortOrder: number }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('party_member')
    .values(
      rows.map((r) => ({
        town_id: townId,
        id: r.id,
        branch_id: r.branchId,
        name: r.name,
        committee: r.committee,
        sort_order: r.sortOrder,
      })),
    )
    .execute();
}

export async function updateMember(
  db: Db,
  townId: string,
  id: string,
  v: { name: string; committee: boolean; active: boolean; sortOrder: number },
): Promise<void> {
  await db
    .updateTable('party_member')
    .set({
      name: v.name,
      committee: v.committee,
      active: v.active,
      sort_order: v.sortOrder,
      version: sql`version + 1`,
    })
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .execute();
}

export interface MeetingRecordRow {
  id: string;
  typeCode: string;
  branchId: string | null;
  heldOn: string;
  data: Record<string, unknown>;
  version: number;
}

export async function listMeetingRecords(
  db: Db,
  townId: string,
  q: { from: string; to: string; branchIds: readonly string[] | null },
): Promise<MeetingRecordRow[]> {
  if (q.branchIds && q.branchIds.length === 0) return [];
  let query = db
    .selectFrom('ledger_record')
    .select([
      'id',
      'type_code as typeCode',
      'unit_id as branchId',
      'occurred_on as heldOn',
      'data',
      'version',
    ])
    .where('town_id', '=', townId)
    .where('type_code', 'in', [...MEETING_LEDGERS])
    .where('deleted_at', 'is', null)
    .where('occurred_on', '>=', q.from)
    .where('occurred_on', '<=', q.to);
  if (q.branchIds) query = query.where('unit_id', 'in', q.branchIds);
  const rows = await query.orderBy('occurred_on', 'desc').orderBy('id').execute();
  return rows.map((r) => ({
    ...r,
    heldOn: String(r.heldOn),
    data: r.data as Record<string, unknown>,
  }));
}

export async function findMeetingRecord(
  db: Db,
  townId: string,
  id: string,
): Promise<MeetingRecordRow | undefined> {
  const r = await db
    .selectFrom('ledger_record')
    .select([
      'id',
      'type_code as typeCode',
      'unit_id as branchId',
      'occurred_on as heldOn',
      'data',
      'version',
    ])
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .where('type_code', 'in', [...MEETING_LEDGERS])
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return r && { ...r, heldOn: String(r.heldOn), data: r.data as Record<string, unknown> };
}

export interface AttendanceRow {
  recordId: string;
  memberId: string;
  name: string;
  present: boolean;
  absenceReason: string | null;
}

export async function attendanceOf(
  db: Db,
  townId: string,
  recordIds: readonly string[],
): Promise<AttendanceRow[]> {
  if (recordIds.length === 0) return [];
  return db
    .selectFrom('meeting_attendance as a')
    .innerJoin('party_member as m', (j) =>
      j.onRef('m.town_id', '=', 'a.town_id').onRef('m.id', '=', 'a.member_id'),
    )
    .select([
      'a.record_id as recordId',
      'a.member_id as memberId',
      'm.name',
      'a.present',
      'a.absence_reason as absenceReason',
    ])
    .where('a.town_id', '=', townId)
    .where('a.record_id', 'in', recordIds)
    .orderBy('a.record_id')
    .orderBy('m.sort_order')
    .orderBy('m.id')
    .execute();
}

export async function replaceAttendance(
  db: Db,
  townId: string,
  recordId: string,
  rows: { memberId: string; present: boolean; absenceReason: string | null }[],
): Promise<void> {
  await db
    .deleteFrom('meeting_attendance')
    .where('town_id', '=', townId)
    .where('record_id', '=', recordId)
    .execute();
  if (rows.length === 0) return;
  await db
    .insertInto('meeting_attendance')
    .values(
      rows.map((r) => ({
        town_id: townId,
        record_id: recordId,
        member_id: r.memberId,
        present: r.present,
        absence_reason: r.present ? null : r.absenceReason,
      })),
    )
    .execute();
}

export async function requirementRows(db: Db, townId: string): Promise<Requirement[]> {
  const rows = await db
    .selectFrom('meeting_requirement')
    .select(['meeting_type', 'period', 'times'])
    .where('town_id', '=', townId)
    .orderBy('meeting_type')
    .execute();
  return rows.map((r) => ({
    meetingType: r.meeting_type as Requirement['meetingType'],
    period: r.period,
    times: r.times,
  }));
}

/** The shipped defaults (table `meeting_requirement_default`, migration 0027). */
export async function defaultRequirementRows(db: Db): Promise<Requirement[]> {
  const rows = await db
    .selectFrom('meeting_requirement_default')
    .select(['meeting_type', 'period', 'times'])
    .orderBy('meeting_type')
    .execute();
  return rows.map((r) => ({
    meetingType: r.meeting_type as Requirement['meetingType'],
    period: r.period,
    times: r.times,
  }));
}

/** Serialises saves of a town's requirements (the version check and the write in one go). */
export async function lockRequirements(db: Db, townId: string): Promise<void> {
  await db.selectFrom('town').select('id').where('id', '=', townId).forUpdate().execute();
}

export async function replaceRequirements(
  db: Db,
  townId: string,
  rows: readonly Requirement[],
): Promise<void> {
  await db.deleteFrom('meeting_requirement').where('town_id', '=', townId).execute();
  await db
    .insertInto('meeting_requirement')
    .values(
      rows.map((r) => ({
        town_id: townId,
        meeting_type: r.meetingType,
        period: r.period,
        times: r.times,
      })),
    )
    .execute();
}
