/**
 * 督办 by hand and acknowledging reminders (DESIGN 2: town leaders supervise). A leader issues a
 * 督办 on any open order with a note and a reply-by time; it addresses the handling unit (and the
 * person handling it, if any). The addressee signs for it (签收督办) and replies; any reminder
 * addressed to a user can be acknowledged. Each step is a timeline event and an audit entry,
 * committed with the change; stale versions get 409.
 */
import type { Kysely } from 'kysely';
import { grantsIn, hasRoleIn, type Actor, type WriteCtx } from '../../core/actor.ts';
import { formatDue } from '../../core/calendar/display.ts';
import {
  Conflict,
  Forbidden,
  InvalidInput,
  InvalidTransition,
  NotFound,
} from '../../core/errors.ts';
import { newId } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import { auditWrite } from '../audit/audit.service.ts';
import { actorUnits, appealScope, scopeSql } from './appeal.policy.ts';
import * as reminders from './appeal-reminder.repository.ts';
import * as repo from './appeal.repository.ts';

type Db = Kysely<DB>;

async function scopedOrder(db: Db, actor: Actor, townId: string, id: string) {
  const row = await repo.findAppeal(db, townId, id, scopeSql(await appealScope(db, actor, townId)));
  if (!row) throw new NotFound('工单');
  return row;
}

/** The user id stored as author: only a user of this town can be referenced (FKs pair town_id). */
const userOf = (ctx: WriteCtx) => (ctx.actor.homeTownId === ctx.townId ? ctx.actor.userId : null);

/** Adds the operation's timeline event at the order's next version (no state change). */
async function timelineEvent(
  db: Db,
  ctx: WriteCtx,
  row: repo.AppealRow,
  expected: number | null,
  action: string,
  label: string,
  note: string | null,
  payload: Record<string, unknown>,
) {
  const bumped = await reminders.bumpAppealVersion(db, ctx.townId, row.id, expected);
  if (!bumped) throw new Conflict(`该工单已被他人处理（您看到的是版本 ${expected}），请刷新后重试`);
  await repo.insertEvent(db, {
    town_id: ctx.townId,
    id: newId(),
    appeal_id: row.id,
    seq: bumped.version,
    action,
    label,
    from_state: bumped.state,
    to_state: bumped.state,
    actor_user_id: ctx.actor.userId,
    actor_name: ctx.actor.displayName,
    at: new Date(),
    note,
    payload: JSON.stringify(payload),
  });
  return bumped.version;
}

export interface SuperviseInput {
  version: number;
  note: string;
  replyBy: string;
}

/** 督办: a leader presses the handling unit on an open order, asking for a reply by a given time. */
export async function supervise(
  db: Db,
  ctx: WriteCtx,
  id: string,
  input: SuperviseInput,
  now = new Date(),
) {
  const row = await scopedOrder(db, ctx.actor, ctx.townId, id);
  if (row.closed_at || row.merged_into)
    throw new InvalidTransition('该工单已办结或已合并，无需督办');
  if (row.version !== input.version)
    throw new Conflict(
      `该工单已被他人处理（当前版本 ${row.version}，您看到的是版本 ${input.version}），请刷新后重试`,
    );
  const replyBy = new Date(input.replyBy);
  if (!(replyBy > now))
    throw new InvalidInput('答复期限须晚于现在', [
      { path: 'replyBy', label: '答复期限', message: '答复期限须晚于现在' },
    ]);
  const reminderId = newId();
  const version = await timelineEvent(
    db,
    ctx,
    row,
    input.version,
    'supervise',
    '督办',
    input.note,
    { reminderId, replyBy: replyBy.toISOString(), unitId: row.unit_id },
  );
  const inserted = await reminders.insertReminder(db, {
    town_id: ctx.townId,
    id: reminderId,
    appeal_id: id,
    clock: 'manual',
    due_at: replyBy,
    kind: 'supervision',
    source: 'manual',
    target_unit_id: row.unit_id,
    target_person_id: row.handler_person_id ?? row.case_leader_person_id ?? row.owner_person_id,
    message: `督办：工单 ${row.code}「${row.title}」请于 ${formatDue(replyBy)} 前办理并回复（${ctx.actor.displayName}）`,
    note: input.note,
    issued_by: userOf(ctx),
    issued_by_name: ctx.actor.displayName,
  });
  if (!inserted) throw new Conflict('该工单已有同一答复期限的督办');
  await auditWrite(db, ctx, 'appeal.supervise', 'appeal', id, null, {
    reminderId,
    replyBy: replyBy.toISOString(),
    note: input.note,
    version,
  });
  return { ...reminders.reminderView(inserted), appealVersion: version };
}

/** The caller as an addressee of reminders: person, units (as for workflow roles), dispatch desk. */
export async function addresseeOf(
  db: Db,
  actor: Actor,
  townId: string,
): Promise<reminders.Addressee> {
  return {
    personId: actor.personId,
    unitIds: [...(await actorUnits(db, actor, townId))],
    desk: hasRoleIn(actor, townId, 'dispatcher'),
  };
}

export interface AcknowledgeInput {
  version: number;
  reply?: string | undefined;
}

/**
 * 签收督办 / 确认提醒, and with `reply` 回复督办 (a reply signs for it too). Only the addressee may;
 * `version` is the reminder's, so two people of one unit signing at once get one winner and a 409.
 */
export async function acknowledge(
  db: Db,
  ctx: WriteCtx,
  appealId: string,
  reminderId: string,
  input: AcknowledgeInput,
) {
  const row = await scopedOrder(db, ctx.actor, ctx.townId, appealId);
  const r = await reminders.findReminder(db, ctx.townId, appealId, reminderId);
  if (!r) throw new NotFound('提醒');
  if (!reminders.isAddressedTo(r, row, await addresseeOf(db, ctx.actor, ctx.townId)))
    throw new Forbidden('该提醒（督办）不是发给您或您所在单位的，不能签收或回复');
  if (r.version !== input.version)
    throw new Conflict(
      `该提醒已被他人处理（${r.acknowledged_by_name ?? '他人'}已签收），请刷新后重试`,
    );
  if (input.reply !== undefined && r.kind !== 'supervision')
    throw new InvalidTransition('只有督办需要回复；到期提醒确认即可');
  if (input.reply === undefined && r.acknowledged_at)
    throw new InvalidTransition(`该提醒已由${r.acknowledged_by_name ?? '他人'}签收`);
  if (input.reply !== undefined && r.replied_at)
    throw new InvalidTransition(`该督办已由${r.replied_by_name ?? '他人'}回复`);
  const now = new Date();
  const who = { id: userOf(ctx), name: ctx.actor.displayName };
  const values: Record<string, unknown> = r.acknowledged_at
    ? {}
    : { acknowledged_at: now, acknowledged_by: who.id, acknowledged_by_name: who.name };
  if (input.reply !== undefined)
    Object.assign(values, { reply: input.reply, replied_at: now, replied_by_name: who.name });
  const updated = await reminders.updateReminderAtVersion(
    db,
    ctx.townId,
    reminderId,
    input.version,
    values,
  );
  if (!updated) throw new Conflict('该提醒刚刚已被他人处理，请刷新后重试');
  const [action, label] =
    input.reply !== undefined
      ? ['reply_supervision', '回复督办']
      : r.kind === 'supervision'
        ? ['acknowledge_supervision', '签收督办']
        : ['acknowledge_reminder', '确认提醒'];
  const version = await timelineEvent(db, ctx, row, null, action, label, input.reply ?? null, {
    reminderId,
    message: r.message,
  });
  await auditWrite(
    db,
    ctx,
    `appeal.${action}`,
    'appeal',
    appealId,
    { reminderVersion: r.version },
    { reminderId, reply: input.reply ?? null, version },
  );
  return { ...reminders.reminderView(updated), appealVersion: version };
}

type ListedRow = Awaited<ReturnType<typeof reminders.listAddressed>>[number];

function listed(r: ListedRow, now = new Date()) {
  return {
    ...reminders.reminderView(r),
    appeal: {
      id: r.appeal_id,
      code: r.code,
      title: r.title,
      kind: r.appeal_kind,
      state: r.state,
      version: r.appeal_version,
      unitId: r.unit_id,
      villageId: r.village_id,
      nextDueAt: r.next_due_at ? new Date(r.next_due_at).toISOString() : null,
      overdue: !!r.next_due_at && new Date(r.next_due_at) < now,
      closed: !!r.closed_at,
    },
  };
}

/** 我的提醒. */
export async function myReminders(db: Db, actor: Actor, townId: string, openOnly: boolean) {
  const scope = await appealScope(db, actor, townId);
  return {
    items: (
      await reminders.listAddressed(
        db,
        townId,
        scope,
        await addresseeOf(db, actor, townId),
        openOnly,
        200,
      )
    ).map((r) => listed(r)),
  };
}

/** 我的提醒 badge: the count of open reminders the list above would show (without its cap). */
export async function myOpenReminderCount(db: Db, actor: Actor, townId: string) {
  const scope = await appealScope(db, actor, townId);
  return {
    open: await reminders.countOpenAddressed(
      db,
      townId,
      scope,
      await addresseeOf(db, actor, townId),
    ),
  };
}

/** 领导督办 board. */
export async function supervisionBoard(db: Db, actor: Actor, townId: string, openOnly: boolean) {
  const scope = await appealScope(db, actor, townId);
  return {
    items: (await reminders.listSupervisions(db, townId, scope, openOnly, 500)).map((r) =>
      listed(r),
    ),
  };
}

/** Whether the caller may issue 督办 in the town (the route policy's rule, for the UI). */
export const canSupervise = (actor: Actor, townId: string) =>
  grantsIn(actor, townId).some((g) => g.role === 'leader');
