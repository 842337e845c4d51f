/**
 * 三会一课 / 主题党日 as a branch records them (issue 14). A meeting is a record of the 三会一课 or
 * 主题党日 ledger (so reports cite it, Excel exports it, and the ledger's scope, version check,
 * photos and audit apply), written through the ledger service; the roll call — each member
 * expected, present or absent with a reason — is kept beside it in `meeting_attendance`, and the
 * record's 应到/实到 counts are derived from that roll in the same transaction.
 */
import type { Kysely } from 'kysely';
import type { Actor, WriteCtx } from '../../core/actor.ts';
import { InvalidInput, NotFound, type FieldIssue } from '../../core/errors.ts';
import { LEDGER_OF, MEETING_TYPE_LABELS, type MeetingType } from '../../core/party/meetings.ts';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { createRecord, deleteRecord, updateRecord } from '../ledgers/ledger-record.service.ts';
import { branchScope, inBranchScope } from './party-meetings.policy.ts';
import * as repo from './party-meetings.repository.ts';
import type { MeetingInputT } from './party-meetings.schema.ts';

type Db = Kysely<DB>;

export function meetingTypeOf(row: repo.MeetingRecordRow): MeetingType {
  if (row.typeCode === 'theme_party_day') return 'theme_day';
  const t = row.data.meeting_type;
  return t === 'committee' || t === 'group' || t === 'party_lecture' ? t : 'member_assembly';
}

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0) || 0);

async function audit(db: Db, ctx: WriteCtx, id: string, before: unknown, after: unknown) {
  await recordAudit(db, {
    townId: ctx.townId,
    actorUserId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    action: 'attendance',
    entityType: 'meeting_attendance',
    entityId: id,
    before,
    after,
    ip: ctx.ip,
  });
}

/** Branches the caller may see (or record for), with their villages. */
export async function branchesFor(
  db: Db,
  actor: Actor,
  townId: string,
  action: 'read' | 'write' = 'read',
): Promise<repo.BranchRow[]> {
  const scope = await branchScope(db, actor, townId, action);
  return (await repo.listBranches(db, townId)).filter((b) => inBranchScope(scope, b.id));
}

function summary(
  row: repo.MeetingRecordRow,
  names: Map<string, string>,
  roll: repo.AttendanceRow[],
) {
  const meetingType = meetingTypeOf(row);
  return {
    id: row.id,
    branchId: row.branchId ?? '',
    branchName: names.get(row.branchId ?? '') ?? '（已删除的党支部）',
    meetingType,
    typeLabel: MEETING_TYPE_LABELS[meetingType],
    heldOn: row.heldOn,
    topic: str(row.data.topic) ?? str(row.data.theme) ?? '',
    // The roll is the truth when there is one; older records carry counts only.
    expected: roll.length ? roll.length : num(row.data.expected),
    present: roll.length ? roll.filter((a) => a.present).length : num(row.data.attendees),
    roll: roll.length > 0,
    version: row.version,
  };
}

export type MeetingSummary = ReturnType<typeof summary>;

/** Meetings of the caller's branches in [from, to], newest first, each with its counts. */
export async function listMeetings(
  db: Db,
  actor: Actor,
  townId: string,
  q: { from: string; to: string; branchId?: string | undefined },
): Promise<MeetingSummary[]> {
  const branches = await branchesFor(db, actor, townId);
  const allowed = branches.map((b) => b.id);
  const branchIds = q.branchId ? allowed.filter((id) => id === q.branchId) : allowed;
  const rows = await repo.listMeetingRecords(db, townId, { from: q.from, to: q.to, branchIds });
  const roll = await repo.attendanceOf(
    db,
    townId,
    rows.map((r) => r.id),
  );
  const byRecord = new Map<string, repo.AttendanceRow[]>();
  for (const a of roll) byRecord.set(a.recordId, [...(byRecord.get(a.recordId) ?? []), a]);
  const names = new Map(branches.map((b) => [b.id, b.name]));
  return rows.map((r) => summary(r, names, byRecord.get(r.id) ?? []));
}

async function visibleMeeting(db: Db, actor: Actor, townId: string, id: string, write: boolean) {
  const row = await repo.findMeetingRecord(db, townId, id);
  const scope = await branchScope(db, actor, townId, write ? 'write' : 'read');
  if (!row || !row.branchId || !inBranchScope(scope, row.branchId)) throw new NotFound('会议');
  return row;
}

export async function getMeeting(db: Db, actor: Actor, townId: string, id: string) {
  const row = await visibleMeeting(db, actor, townId, id, false);
  const roll = await repo.attendanceOf(db, townId, [id]);
  const names = new Map((await repo.listBranches(db, townId)).map((b) => [b.id, b.name]));
  const photos = row.typeCode === 'theme_party_day' ? row.data.photos : row.data.attachments;
  return {
    ...summary(row, names, roll),
    activityForm: str(row.data.activity_form),
    minutes: str(row.data.minutes) ?? str(row.data.summary),
    photos: Array.isArray(photos) ? (photos as string[]) : [],
    attendance: roll.map((a) => ({
      memberId: a.memberId,
      name: a.name,
      present: a.present,
      reason: a.absenceReason,
    })),
  };
}

/** The roll must name members of the meeting's branch, once each; an absence needs a reason. */
async function checkRoll(db: Db, townId: string, input: MeetingInputT): Promise<void> {
  const members = new Map(
    (await repo.listMembers(db, townId, [input.branchId])).map((m) => [m.id, m]),
  );
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  input.attendance.forEach((a, i) => {
    const m = members.get(a.memberId);
    if (!m || seen.has(a.memberId))
      issues.push({
        path: `attendance.${i}.memberId`,
        label: '党员',
        message: m ? '同一党员只能登记一次' : '不是该党支部名册中的党员',
      });
    seen.add(a.memberId);
    if (!a.present && !a.reason)
      issues.push({
        path: `attendance.${i}.reason`,
        label: '缺席原因',
        message: `请填写${m?.name ?? '该党员'}的缺席原因`,
      });
  });
  if (issues.length) throw new InvalidInput(`出勤情况有 ${issues.length} 处需要修改`, issues);
}

/** The ledger record's data: 应到/实到 come from the roll. */
function ledgerData(input: MeetingInputT) {
  const expected = input.attendance.length;
  const attendees = input.attendance.filter((a) => a.present).length;
  const common = { branch: input.branchId, held_on: input.heldOn, expected, attendees };
  if (input.meetingType === 'theme_day')
    return {
      ...common,
      theme: input.topic,
      activity_form: input.activityForm ?? 'study',
      ...(input.minutes ? { summary: input.minutes } : {}),
      ...(input.photos.length ? { photos: input.photos } : {}),
    };
  return {
    ...common,
    meeting_type: input.meetingType,
    topic: input.topic,
    ...(input.minutes ? { minutes: input.minutes } : {}),
    ...(input.photos.length ? { attachments: input.photos } : {}),
  };
}

const rollRows = (input: MeetingInputT) =>
  input.attendance.map((a) => ({
    memberId: a.memberId,
    present: a.present,
    absenceReason: a.present ? null : (a.reason ?? null),
  }));

async function assertBranch(db: Db, ctx: WriteCtx, branchId: string) {
  const scope = await branchScope(db, ctx.actor, ctx.townId, 'write');
  const known = (await repo.listBranches(db, ctx.townId)).some((b) => b.id === branchId);
  if (!known || !inBranchScope(scope, branchId))
    throw new InvalidInput('所选党支部不存在或不在您负责的范围内', [
      { path: 'branchId', label: '党支部', message: '不在您负责的范围内' },
    ]);
}

export async function createMeeting(db: Db, ctx: WriteCtx, input: MeetingInputT) {
  await assertBranch(db, ctx, input.branchId);
  await checkRoll(db, ctx.townId, input);
  const record = await createRecord(db, ctx, LEDGER_OF[input.meetingType], ledgerData(input));
  await repo.replaceAttendance(db, ctx.townId, record.id, rollRows(input));
  await audit(db, ctx, record.id, null, input.attendance);
  return record.id;
}

export async function updateMeeting(
  db: Db,
  ctx: WriteCtx,
  id: string,
  version: number,
  input: MeetingInputT,
) {
  const row = await visibleMeeting(db, ctx.actor, ctx.townId, id, true);
  if (LEDGER_OF[input.meetingType] !== row.typeCode)
    throw new InvalidInput('主题党日与三会一课不能互相改换类型，请删除后重新登记', [
      { path: 'meetingType', label: '会议类型', message: '不能改为该类型' },
    ]);
  await assertBranch(db, ctx, input.branchId);
  await checkRoll(db, ctx.townId, input);
  const before = await repo.attendanceOf(db, ctx.townId, [id]);
  await updateRecord(db, ctx, row.typeCode, id, { version, data: ledgerData(input) });
  await repo.replaceAttendance(db, ctx.townId, id, rollRows(input));
  await audit(db, ctx, id, before, input.attendance);
}

export async function deleteMeeting(db: Db, ctx: WriteCtx, id: string, version: number) {
  const row = await visibleMeeting(db, ctx.actor, ctx.townId, id, true);
  await deleteRecord(db, ctx, row.typeCode, id, version);
}

/** For 星级评定 (branch-rating), which reaches branch scope through this service. */
export {
  assertOrganiser,
  branchScope,
  inBranchScope,
  partyConfigure,
  partyRead,
} from './party-meetings.policy.ts';
