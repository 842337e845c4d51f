/**
 * 问题清单 use cases: confirm a proposal (or file a problem by hand) with its orders, edit it,
 * move its status, add and remove orders. Every write checks the version the caller read (409
 * when stale), stays inside the caller's scope, and records an audit entry in the same transaction.
 */
import type { Kysely } from 'kysely';
import { Conflict, InvalidInput, InvalidTransition, NotFound } from '../../core/errors.ts';
import { localDateOf } from '../../core/calendar/index.ts';
import { newId } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import { auditWrite, recordAudit } from '../audit/audit.service.ts';
import { analysisScope, outOfScope, type AnalysisScope } from './analysis.policy.ts';
import type {
  ProblemCreateInput,
  ProblemMoveInput,
  ProblemUpdateInput,
} from './analysis.schema.ts';
import { PROBLEM_STATUS, problemMoveRefusal, type ProblemStatus } from './problem.status.ts';
import * as repo from './problem.repository.ts';
import { assertInTown } from './town-refs.ts';
import { categoryByCode } from './bulletin.repository.ts';
import type { WriteCtx } from '../../core/actor.ts';

type Db = Kysely<DB>;
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export function toProblem(r: repo.ProblemRow, today = localDateOf(new Date())) {
  const status = r.status as ProblemStatus;
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    villageId: r.village_id,
    categoryCode: r.category_code,
    ownerUnitId: r.owner_unit_id,
    ownerPersonId: r.owner_person_id,
    ownerPersonName: r.owner_person_name,
    plan: r.plan,
    result: r.result,
    status,
    statusLabel: PROBLEM_STATUS[status].label,
    dueOn: r.due_on,
    overdue: !!r.due_on && r.due_on < today && (status === 'unclaimed' || status === 'rectifying'),
    orderCount: Number(r.order_count),
    version: r.version,
    createdAt: iso(r.created_at)!,
    rectifiedAt: iso(r.rectified_at),
    closedAt: iso(r.closed_at),
  };
}

export async function problemDetail(db: Db, scope: AnalysisScope, townId: string, id: string) {
  const row = await repo.findProblem(db, townId, id, scope.problemSql);
  if (!row) throw new NotFound('问题');
  const p = toProblem(row);
  return {
    ...p,
    orders: await repo.problemOrders(db, townId, id),
    nextStatuses: PROBLEM_STATUS[p.status].to.map((s) => ({
      status: s,
      label: PROBLEM_STATUS[s].label,
    })),
  };
}

/** Orders to link: all in the caller's scope and in no other problem. */
async function checkOrders(
  db: Db,
  townId: string,
  scope: AnalysisScope,
  appealIds: string[],
  exceptProblem: string | null,
) {
  const ids = [...new Set(appealIds)];
  const visible = await repo.visibleOrders(db, townId, ids, scope.appealAliased);
  if (visible.length < ids.length)
    throw new InvalidInput('部分工单不存在、已被合并或不在您的查看范围内', [
      { path: 'appealIds', label: '关联工单', message: '部分工单不存在或无权查看' },
    ]);
  const taken = (await repo.linksOf(db, townId, ids)).filter((l) => l.problem_id !== exceptProblem);
  if (taken.length)
    throw new Conflict(
      `工单 ${taken.map((t) => t.code).join('、')} 已属于问题「${taken[0]!.title}」，一件工单只能归入一个问题`,
    );
  return visible;
}

/** Most common value, ties broken by first seen; null when none. */
function mode<T>(values: (T | null)[]): T | null {
  const counts = new Map<T, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | null = null;
  for (const [v, n] of counts) if (best === null || n > counts.get(best)!) best = v;
  return best;
}

/** 确认/新建问题: the problem and its orders in one go; village and category default to the orders'. */
export async function createProblem(db: Db, ctx: WriteCtx, input: ProblemCreateInput) {
  const scope = await analysisScope(db, ctx.actor, ctx.townId);
  const orders = await checkOrders(db, ctx.townId, scope, input.appealIds, null);
  await assertInTown(db, ctx.townId, {
    villageId: input.villageId,
    ownerUnitId: input.ownerUnitId,
    ownerPersonId: input.ownerPersonId,
  });
  const categoryCode = input.categoryCode ?? mode(orders.map((o) => o.category_code));
  const category = categoryCode ? await categoryByCode(db, categoryCode) : undefined;
  if (categoryCode && !category)
    throw new InvalidInput('诉求类别不存在', [
      { path: 'categoryCode', label: '诉求类别', message: `「${categoryCode}」不在县级标准类别中` },
    ]);
  const id = newId();
  await repo.insertProblem(db, {
    town_id: ctx.townId,
    id,
    title: input.title,
    description: input.description ?? null,
    village_id: input.villageId ?? mode(orders.map((o) => o.village_id)),
    category_code: categoryCode,
    category_root: category ? (category.parent_code ?? category.code) : null,
    owner_unit_id: input.ownerUnitId ?? null,
    owner_person_id: input.ownerPersonId ?? null,
    plan: input.plan ?? null,
    status: 'unclaimed',
    due_on: input.dueOn ?? null,
    created_by: ctx.actor.userId,
  });
  await repo.linkOrders(
    db,
    ctx.townId,
    id,
    orders.map((o) => o.id),
    input.source,
    ctx.actor.userId,
  );
  if (!(await repo.findProblem(db, ctx.townId, id, scope.problemSql)))
    throw outOfScope('建立问题清单');
  await auditWrite(db, ctx, 'create', 'appeal_problem', id, null, {
    title: input.title,
    source: input.source,
    appealIds: orders.map((o) => o.id),
  });
  return problemDetail(db, scope, ctx.townId, id);
}

/** The version of a problem in the caller's scope (for a write that follows the current state). */
export async function currentVersion(db: Db, ctx: WriteCtx, id: string): Promise<number> {
  const scope = await analysisScope(db, ctx.actor, ctx.townId);
  const row = await repo.findProblem(db, ctx.townId, id, scope.problemSql);
  if (!row) throw new NotFound('问题');
  return row.version;
}

async function loadForWrite(db: Db, ctx: WriteCtx, id: string, version: number) {
  const scope = await analysisScope(db, ctx.actor, ctx.townId);
  const row = await repo.findProblem(db, ctx.townId, id, scope.problemSql);
  if (!row) throw new NotFound('问题');
  if (row.version !== version)
    throw new Conflict(
      `该问题已被他人修改（当前版本 ${row.version}，您提交的是版本 ${version}），请刷新后重试`,
    );
  return { scope, row };
}

async function save(
  db: Db,
  ctx: WriteCtx,
  scope: AnalysisScope,
  row: repo.ProblemRow,
  values: Record<string, unknown>,
  action: string,
  after: Record<string, unknown>,
) {
  const updated = await repo.updateProblemAtVersion(db, ctx.townId, row.id, row.version, values);
  if (!updated) throw new Conflict('该问题刚刚已被他人修改，请刷新后重试');
  if (!(await repo.findProblem(db, ctx.townId, row.id, scope.problemSql)))
    throw outOfScope('调整问题清单');
  await recordAudit(db, {
    townId: ctx.townId,
    actorUserId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    action,
    entityType: 'appeal_problem',
    entityId: row.id,
    before: { version: row.version, status: row.status },
    after: { ...after, version: updated.version },
    ip: ctx.ip,
  });
  return problemDetail(db, scope, ctx.townId, row.id);
}

export async function updateProblem(db: Db, ctx: WriteCtx, id: string, input: ProblemUpdateInput) {
  const { scope, row } = await loadForWrite(db, ctx, id, input.version);
  if (row.status === 'closed') throw new Conflict('问题已销号，不能再修改');
  await assertInTown(db, ctx.townId, {
    villageId: input.villageId,
    ownerUnitId: input.ownerUnitId,
    ownerPersonId: input.ownerPersonId,
  });
  const map: Record<string, string> = {
    title: 'title',
    description: 'description',
    villageId: 'village_id',
    ownerUnitId: 'owner_unit_id',
    ownerPersonId: 'owner_person_id',
    plan: 'plan',
    dueOn: 'due_on',
  };
  const values = Object.fromEntries(
    Object.entries(input)
      .filter(([k, v]) => k in map && v !== undefined)
      .map(([k, v]) => [map[k]!, v]),
  );
  return save(db, ctx, scope, row, values, 'appeal_problem.update', values);
}

export async function moveProblem(db: Db, ctx: WriteCtx, id: string, input: ProblemMoveInput) {
  const { scope, row } = await loadForWrite(db, ctx, id, input.version);
  const plan = input.plan ?? row.plan;
  const result = input.result ?? row.result;
  const refusal = problemMoveRefusal(row.status as ProblemStatus, input.status, {
    hasOwner: !!(row.owner_unit_id || row.owner_person_id),
    plan,
    result,
    note: input.note ?? null,
  });
  if (refusal) {
    // A move the table does not allow is a state conflict (409); a missing plan or result is a form problem (422).
    if (!PROBLEM_STATUS[row.status as ProblemStatus].to.includes(input.status))
      throw new InvalidTransition(refusal);
    throw new InvalidInput(refusal, [
      {
        path: input.status === 'rectified' ? 'result' : input.status === 'closed' ? 'note' : 'plan',
        label: '状态',
        message: refusal,
      },
    ]);
  }
  const now = new Date();
  const values: Record<string, unknown> = { status: input.status, plan, result };
  if (input.status === 'rectified') values.rectified_at = now;
  if (input.status === 'rectifying') values.rectified_at = null;
  if (input.status === 'closed') values.closed_at = now;
  return save(db, ctx, scope, row, values, `appeal_problem.${input.status}`, {
    status: input.status,
    note: input.note ?? null,
  });
}

export async function addOrders(
  db: Db,
  ctx: WriteCtx,
  id: string,
  input: { version: number; appealIds: string[] },
) {
  const { scope, row } = await loadForWrite(db, ctx, id, input.version);
  if (row.status === 'closed') throw new Conflict('问题已销号，不能再归入工单');
  const orders = await checkOrders(db, ctx.townId, scope, input.appealIds, id);
  const current = new Set((await repo.problemOrders(db, ctx.townId, id)).map((o) => o.id));
  const fresh = orders.map((o) => o.id).filter((x) => !current.has(x));
  if (fresh.length) await repo.linkOrders(db, ctx.townId, id, fresh, 'manual', ctx.actor.userId);
  return save(db, ctx, scope, row, {}, 'appeal_problem.add_orders', { added: fresh });
}

export async function removeOrders(
  db: Db,
  ctx: WriteCtx,
  id: string,
  input: { version: number; appealIds: string[] },
) {
  const { scope, row } = await loadForWrite(db, ctx, id, input.version);
  const current = new Set((await repo.problemOrders(db, ctx.townId, id)).map((o) => o.id));
  const ids = [...new Set(input.appealIds)];
  if (ids.some((x) => !current.has(x)))
    throw new InvalidInput('要移出的工单不在该问题中', [
      { path: 'appealIds', label: '关联工单', message: '不在该问题中' },
    ]);
  if (ids.length >= current.size)
    throw new InvalidInput('问题至少要保留一件工单；如问题不成立，请直接销号', [
      { path: 'appealIds', label: '关联工单', message: '不能全部移出' },
    ]);
  await repo.unlinkOrders(db, ctx.townId, id, ids, ctx.actor.userId);
  return save(db, ctx, scope, row, {}, 'appeal_problem.remove_orders', { removed: ids });
}
