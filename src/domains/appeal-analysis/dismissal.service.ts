/**
 * 忽略 a detection proposal: remember the order set (per town, with who, when and why, audited),
 * so detection does not propose the same group again — only orders that join it later, shown with
 * this dismissal. Undoing (撤销忽略) keeps the record and lets detection propose the group again.
 */
import type { Kysely } from 'kysely';
import { InvalidInput, NotFound } from '../../core/errors.ts';
import { newId } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import { auditWrite } from '../audit/audit.service.ts';
import { analysisScope, type AnalysisScope } from './analysis.policy.ts';
import type { DismissInput } from './analysis.schema.ts';
import * as repo from './dismissal.repository.ts';
import * as problems from './problem.repository.ts';
import type { WriteCtx } from '../../core/actor.ts';

type Db = Kysely<DB>;
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

function mostCommon(values: (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
}

export async function listDismissals(db: Db, scope: AnalysisScope, townId: string, limit = 200) {
  const rows = await repo.listDismissals(db, townId, scope.appealAliased, limit);
  const orders = await repo.dismissalOrders(
    db,
    townId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    problemId: r.problem_id,
    title: r.title,
    villageId: r.village_id,
    categoryCode: r.category_code,
    reason: r.reason,
    dismissedByName: r.dismissed_by_name,
    dismissedAt: iso(r.dismissed_at)!,
    orders: orders
      .filter((o) => o.dismissal_id === r.id)
      .map((o) => ({ id: o.id, code: o.code, title: o.title, receivedOn: o.received_on })),
  }));
}

export async function dismissProposal(db: Db, ctx: WriteCtx, input: DismissInput) {
  const scope = await analysisScope(db, ctx.actor, ctx.townId);
  const ids = [...new Set(input.appealIds)];
  const orders = await problems.visibleOrders(db, ctx.townId, ids, scope.appealAliased);
  if (orders.length < ids.length)
    throw new InvalidInput('部分工单不存在、已被合并或不在您的查看范围内', [
      { path: 'appealIds', label: '关联工单', message: '部分工单不存在或无权查看' },
    ]);
  if (
    input.problemId &&
    !(await problems.findProblem(db, ctx.townId, input.problemId, scope.problemSql))
  )
    throw new NotFound('问题');
  const id = newId();
  await repo.insertDismissal(
    db,
    {
      town_id: ctx.townId,
      id,
      problem_id: input.problemId ?? null,
      title: input.title,
      village_id: mostCommon(orders.map((o) => o.village_id)),
      category_code: mostCommon(orders.map((o) => o.category_code)),
      reason: input.reason,
      dismissed_by: ctx.actor.userId,
      dismissed_by_name: ctx.actor.displayName,
    },
    ids,
  );
  await auditWrite(db, ctx, 'dismiss', 'appeal_problem_dismissal', id, null, {
    title: input.title,
    reason: input.reason,
    problemId: input.problemId ?? null,
    appealIds: ids,
  });
  return (await listDismissals(db, scope, ctx.townId)).find((d) => d.id === id)!;
}

export async function revokeDismissal(db: Db, ctx: WriteCtx, id: string) {
  const scope = await analysisScope(db, ctx.actor, ctx.townId);
  const row = await repo.findDismissal(db, ctx.townId, id, scope.appealAliased);
  if (!row || row.revoked_at) throw new NotFound('忽略记录');
  if (
    !(await repo.revokeDismissal(db, ctx.townId, id, {
      userId: ctx.actor.userId,
      name: ctx.actor.displayName,
    }))
  )
    throw new NotFound('忽略记录');
  await auditWrite(
    db,
    ctx,
    'revoke',
    'appeal_problem_dismissal',
    id,
    { title: row.title, reason: row.reason },
    { revoked: true },
  );
  return { id, revoked: true };
}
