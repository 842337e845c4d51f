/**
 * 承诺事项 use cases: record a public promise (to a village or its residents) with an owner and a
 * due date, optional links to orders and a problem; edit it and move its status with the version
 * the caller read; append progress notes. Overdue = past the due date and still owed.
 */
import type { Kysely } from 'kysely';
import { localDateOf } from '../../core/calendar/index.ts';
import { Conflict, InvalidInput, InvalidTransition, NotFound } from '../../core/errors.ts';
import { newId } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import { auditWrite } from '../audit/audit.service.ts';
import { analysisScope, outOfScope, type AnalysisScope } from './analysis.policy.ts';
import type { CommitmentCreateInput, CommitmentUpdateInput } from './analysis.schema.ts';
import {
  COMMITMENT_STATUS,
  commitmentMoveRefusal,
  OPEN_COMMITMENT,
  type CommitmentStatus,
} from './problem.status.ts';
import * as repo from './problem.repository.ts';
import * as commitments from './commitment.repository.ts';
import type { CommitmentRow } from './commitment.repository.ts';
import { assertInTown } from './town-refs.ts';
import type { WriteCtx } from '../../core/actor.ts';

type Db = Kysely<DB>;
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export interface CommitmentFilter {
  status?: string | undefined;
  villageId?: string | undefined;
  overdue?: 'true' | 'false' | undefined;
  q?: string | undefined;
  limit: number;
}

export function toCommitment(r: CommitmentRow, today = localDateOf(new Date())) {
  const status = r.status as CommitmentStatus;
  return {
    id: r.id,
    title: r.title,
    content: r.content,
    promisedTo: r.promised_to,
    villageId: r.village_id,
    ownerUnitId: r.owner_unit_id,
    ownerPersonId: r.owner_person_id,
    ownerPersonName: r.owner_person_name,
    promisedOn: r.promised_on,
    dueOn: r.due_on,
    status,
    statusLabel: COMMITMENT_STATUS[status].label,
    overdue: OPEN_COMMITMENT.includes(status) && r.due_on < today,
    evidence: r.evidence,
    fulfilledAt: iso(r.fulfilled_at),
    problemId: r.problem_id,
    problemTitle: r.problem_title,
    orderCount: Number(r.order_count),
    version: r.version,
  };
}

export async function listCommitments(
  db: Db,
  scope: AnalysisScope,
  townId: string,
  f: CommitmentFilter,
) {
  const today = localDateOf(new Date());
  const rows = await commitments.listCommitmentRows(
    db,
    townId,
    scope.commitmentSql,
    {
      status: f.status,
      villageId: f.villageId,
      q: f.q,
      overdueOn: f.overdue === 'true' ? today : undefined,
    },
    OPEN_COMMITMENT,
    f.limit,
  );
  return { items: rows.map((r) => toCommitment(r, today)) };
}

export async function commitmentDetail(db: Db, scope: AnalysisScope, townId: string, id: string) {
  const row = await commitments.findCommitment(db, townId, id, scope.commitmentSql);
  if (!row) throw new NotFound('承诺事项');
  const c = toCommitment(row);
  const notes = await commitments.commitmentNotes(db, townId, id);
  return {
    ...c,
    orders: await repo.commitmentOrders(db, townId, id),
    notes: notes.map((n) => ({
      id: n.id,
      note: n.note,
      authorName: n.author_name,
      at: iso(n.at)!,
    })),
    nextStatuses: COMMITMENT_STATUS[c.status].to.map((s) => ({
      status: s,
      label: COMMITMENT_STATUS[s].label,
    })),
  };
}

async function checkLinks(
  db: Db,
  townId: string,
  scope: AnalysisScope,
  input: { problemId?: string | undefined; appealIds: string[] },
) {
  if (input.problemId && !(await repo.findProblem(db, townId, input.problemId, scope.problemSql))) {
    throw new InvalidInput('关联问题不存在或无权查看', [
      { path: 'problemId', label: '关联问题', message: '不存在或无权查看' },
    ]);
  }
  const ids = [...new Set(input.appealIds)];
  if ((await repo.visibleOrders(db, townId, ids, scope.appealAliased)).length < ids.length) {
    throw new InvalidInput('部分关联工单不存在或不在您的查看范围内', [
      { path: 'appealIds', label: '关联工单', message: '部分工单不存在或无权查看' },
    ]);
  }
  return ids;
}

function audit(db: Db, ctx: WriteCtx, action: string, id: string, before: unknown, after: unknown) {
  return auditWrite(db, ctx, action, 'appeal_commitment', id, before, after);
}

export async function createCommitment(db: Db, ctx: WriteCtx, input: CommitmentCreateInput) {
  const scope = await analysisScope(db, ctx.actor, ctx.townId);
  if (input.dueOn < input.promisedOn)
    throw new InvalidInput('承诺兑现日期不能早于承诺日期', [
      { path: 'dueOn', label: '承诺兑现日期', message: '不能早于承诺日期' },
    ]);
  await assertInTown(db, ctx.townId, input);
  const ids = await checkLinks(db, ctx.townId, scope, input);
  const id = newId();
  await commitments.insertCommitment(
    db,
    {
      town_id: ctx.townId,
      id,
      title: input.title,
      content: input.content,
      promised_to: input.promisedTo,
      village_id: input.villageId ?? null,
      owner_unit_id: input.ownerUnitId ?? null,
      owner_person_id: input.ownerPersonId ?? null,
      promised_on: input.promisedOn,
      due_on: input.dueOn,
      status: 'pending',
      problem_id: input.problemId ?? null,
      created_by: ctx.actor.userId,
    },
    ids,
  );
  if (!(await commitments.findCommitment(db, ctx.townId, id, scope.commitmentSql)))
    throw outOfScope('登记承诺事项');
  await audit(db, ctx, 'create', id, null, {
    title: input.title,
    dueOn: input.dueOn,
    appealIds: ids,
  });
  return commitmentDetail(db, scope, ctx.townId, id);
}

export async function updateCommitment(
  db: Db,
  ctx: WriteCtx,
  id: string,
  input: CommitmentUpdateInput,
) {
  const scope = await analysisScope(db, ctx.actor, ctx.townId);
  const row = await commitments.findCommitment(db, ctx.townId, id, scope.commitmentSql);
  if (!row) throw new NotFound('承诺事项');
  if (row.version !== input.version)
    throw new Conflict(
      `该承诺事项已被他人修改（当前版本 ${row.version}，您提交的是版本 ${input.version}），请刷新后重试`,
    );
  const from = row.status as CommitmentStatus;
  const to = input.status ?? from;
  const evidence = input.evidence ?? row.evidence;
  const refusal = commitmentMoveRefusal(from, to, { evidence, note: input.note ?? null });
  if (refusal) {
    if (!COMMITMENT_STATUS[from].to.includes(to) && from !== to)
      throw new InvalidTransition(refusal);
    throw new InvalidInput(refusal, [
      {
        path: to === 'fulfilled' ? 'evidence' : 'note',
        label: to === 'fulfilled' ? '兑现佐证' : '说明',
        message: refusal,
      },
    ]);
  }
  if (to === from && !OPEN_COMMITMENT.includes(from))
    throw new InvalidTransition(`承诺已${COMMITMENT_STATUS[from].label.slice(1)}，不能再修改`);
  await assertInTown(db, ctx.townId, input);
  const dueOn = input.dueOn ?? row.due_on;
  if (dueOn < row.promised_on)
    throw new InvalidInput('承诺兑现日期不能早于承诺日期', [
      { path: 'dueOn', label: '承诺兑现日期', message: '不能早于承诺日期' },
    ]);
  const map: Record<string, string> = {
    title: 'title',
    content: 'content',
    promisedTo: 'promised_to',
    ownerUnitId: 'owner_unit_id',
    ownerPersonId: 'owner_person_id',
    dueOn: 'due_on',
    status: 'status',
    evidence: 'evidence',
  };
  const values: Record<string, unknown> = Object.fromEntries(
    Object.entries(input)
      .filter(([k, v]) => k in map && v !== undefined)
      .map(([k, v]) => [map[k]!, v]),
  );
  if (to === 'fulfilled' && from !== 'fulfilled') values.fulfilled_at = new Date();
  const updated = await commitments.updateCommitmentAtVersion(
    db,
    ctx.townId,
    id,
    input.version,
    values,
  );
  if (!updated) throw new Conflict('该承诺事项刚刚已被他人修改，请刷新后重试');
  if (input.note)
    await addNoteRow(
      db,
      ctx,
      id,
      `${from !== to ? `【${COMMITMENT_STATUS[to].label}】` : ''}${input.note}`,
    );
  if (!(await commitments.findCommitment(db, ctx.townId, id, scope.commitmentSql)))
    throw outOfScope('调整承诺事项');
  await audit(
    db,
    ctx,
    from !== to ? `appeal_commitment.${to}` : 'appeal_commitment.update',
    id,
    { version: row.version, status: from },
    { ...values, version: updated.version },
  );
  return commitmentDetail(db, scope, ctx.townId, id);
}

async function addNoteRow(db: Db, ctx: WriteCtx, id: string, note: string) {
  await commitments.insertCommitmentNote(db, {
    town_id: ctx.townId,
    id: newId(),
    commitment_id: id,
    note,
    author_user_id: ctx.actor.userId,
    author_name: ctx.actor.displayName,
  });
}

/** 进展情况: append-only, so two people adding notes at once never conflict. */
export async function addNote(db: Db, ctx: WriteCtx, id: string, note: string) {
  const scope = await analysisScope(db, ctx.actor, ctx.townId);
  const row = await commitments.findCommitment(db, ctx.townId, id, scope.commitmentSql);
  if (!row) throw new NotFound('承诺事项');
  if (!OPEN_COMMITMENT.includes(row.status as CommitmentStatus))
    throw new InvalidTransition(
      `承诺已${COMMITMENT_STATUS[row.status as CommitmentStatus].label.slice(1)}，不能再添加进展`,
    );
  await addNoteRow(db, ctx, id, note);
  await audit(db, ctx, 'appeal_commitment.note', id, null, { note });
  return commitmentDetail(db, scope, ctx.townId, id);
}
