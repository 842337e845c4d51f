/**
 * Appeal writes from public channels, which have no user behind them: intake from the resident
 * page and Open311, and the resident's rating fired as the order's 回访.
 */
import type { Kysely } from 'kysely';
import type { WriteCtx } from '../../core/actor.ts';
import { InvalidTransition, NotFound } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import { kindFor } from './appeal.kinds.ts';
import { RESIDENT_RATING_SCORE } from './appeal-read.service.ts';
import * as repo from './appeal.repository.ts';
import * as lookup from './appeal-lookup.repository.ts';
import type { AppealCreateInput } from './appeal.schema.ts';
import { fire, intake, type Doer } from './appeal.service.ts';

type Db = Kysely<DB>;

/**
 * 群众自助/开放接口受理: the resident page and Open311 have no user behind them, so the order is
 * taken in by the system on behalf of the dispatching desk (the hotline's intake role) and lands
 * in the 待派单 queue like a call to the desk would. `ctx.actor` is never read when a doer is given.
 */
export function intakeFromPublic(
  db: Db,
  at: { townId: string; ip: string | null },
  input: AppealCreateInput,
  channelName: string,
) {
  const doer: Doer = { userId: null, personId: null, name: channelName, roles: ['dispatcher'] };
  return intake(
    db,
    { actor: null as unknown as WriteCtx['actor'], townId: at.townId, ip: at.ip },
    input,
    { doer },
  );
}

export interface ResidentAnswer {
  satisfaction: string;
  solved: boolean;
  comment: string | null;
}

/**
 * 群众评价 = 回访: the resident's rating on the public page is the order's 回访 answer, fired
 * through the workflow as the desk's follow-up would be (same fields, same state change, same
 * KPI facts). 不满意 then reopens the order (重办) when the kind's guards allow it (the reopen
 * limit); past the limit it stays 已回访 for the desk to close. The comment is kept as given.
 */
export async function followUpByResident(
  db: Db,
  at: { townId: string; ip: string | null },
  id: string,
  version: number,
  answer: ResidentAnswer,
): Promise<{ row: repo.AppealRow; reopened: boolean }> {
  const doer: Doer = {
    userId: null,
    personId: null,
    name: '群众（查询页评价）',
    roles: ['dispatcher'],
  };
  const ctx = { actor: null as unknown as WriteCtx['actor'], townId: at.townId, ip: at.ip };
  const payload = {
    satisfaction: answer.satisfaction,
    solved: answer.solved,
    ...(answer.comment ? { followUpNote: answer.comment } : {}),
  };
  const order = await lookup.findAppealById(db, at.townId, id);
  if (!order) throw new NotFound('工单');
  const resident = kindFor(order.kind).def.resident;
  if (!resident) throw new InvalidTransition('该工单不接受群众评价');
  const followUp = { action: resident.followUp, version, payload };
  let { row } = await fire(db, ctx, id, followUp, { doer });
  await repo.setResidentRating(
    db,
    at.townId,
    id,
    RESIDENT_RATING_SCORE[answer.satisfaction] ?? 1,
    answer.comment,
  );
  let reopened = false;
  if (answer.satisfaction === '不满意' && resident.reopen) {
    const reason = `群众评价不满意${answer.comment ? `：${answer.comment}` : ''}`;
    try {
      const payload = { reopenReason: reason };
      const input = { action: resident.reopen, version: row.version, payload };
      row = (await fire(db, ctx, id, input, { doer })).row;
      reopened = true;
    } catch (err) {
      // Reopen limit reached (a guard): the order stays 已回访 and the desk closes it as 不满意.
      if (!(err instanceof InvalidTransition)) throw err;
    }
  }
  return { row, reopened };
}

/** What a new order is made of, for the public intake that builds one. */
export type { AppealCreateInput } from './appeal.schema.ts';
