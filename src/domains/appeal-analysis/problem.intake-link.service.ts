/**
 * 归入此问题 / 立为问题 chosen on the intake form from the hint 可能与…同类, done inside the intake's
 * own transaction (the caller passes it): the new order, the problem or its link, and their audit
 * entries commit together or not at all. A refused link (a 销号 problem, an order already in
 * another problem, a problem out of scope, a caller who may not edit 问题清单) refuses the order
 * with it, so the desk corrects the choice and saves again instead of finding a stray order.
 */
import type { Kysely } from 'kysely';
import type { WriteCtx } from '../../core/actor.ts';
import { may } from '../../core/access/permissions.ts';
import { Forbidden } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import type { IntakeProblemLinkInput } from './analysis.schema.ts';
import { addOrders, createProblem, currentVersion } from './problem.service.ts';

/** The shapes of the link in the intake's request and answer, published for the appeals domain. */
export { IntakeProblemLink, LinkedProblem } from './analysis.schema.ts';

export async function linkIntakeOrder(
  trx: Kysely<DB>,
  ctx: WriteCtx,
  appealId: string,
  link: IntakeProblemLinkInput,
): Promise<{ id: string; title: string; orderCount: number }> {
  if (!may(ctx.actor, ctx.townId, 'appeal_analysis', 'write'))
    throw new Forbidden('您没有调整问题清单的权限，请不选“归入问题”后再保存');
  const p =
    link.kind === 'problem'
      ? await addOrders(trx, ctx, link.problemId, {
          version: await currentVersion(trx, ctx, link.problemId),
          appealIds: [appealId],
        })
      : await createProblem(trx, ctx, {
          title: link.title,
          appealIds: [...link.appealIds, appealId],
          source: 'detect',
        });
  return { id: p.id, title: p.title, orderCount: p.orderCount };
}
