/**
 * Appeal use cases that write: intake (受理/登记), firing any workflow transition with optimistic
 * locking (the state change, its event and the audit entry commit together), merging duplicates,
 * and revealing a resident's contact (role-gated and audited). Rules live in the workflow data;
 * this file looks up the facts the engine needs and checks what the engine cannot (ids in town).
 */
import type { Kysely } from 'kysely';
import { grantsIn, type WriteCtx } from '../../core/actor.ts';
import { localDateOf } from '../../core/calendar/index.ts';
import {
  Conflict,
  Forbidden,
  InvalidInput,
  InvalidTransition,
  NotFound,
} from '../../core/errors.ts';
import {
  fireTransition,
  openAppeal,
  type AppealSnapshot,
  type KindDefinition,
  type TransitionOutcome,
} from '../../core/workflow/index.ts';
import { newId } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import { auditWrite, recordAudit } from '../audit/audit.service.ts';
import { categoryRoots, engineEnv } from './appeal.context.ts';
import { kindFor } from './appeal.kinds.ts';
import {
  actorUnits,
  appealScope,
  canRevealContact,
  contactRelation,
  scopeSql,
  workflowRoles,
} from './appeal.policy.ts';
import { linkAttachments } from './appeal.attachments.ts';
import { citedFiles, linkCitedFiles } from './appeal.step-files.ts';
import { assertPersonRules } from './appeal.person-rules.ts';
import { RESIDENT_RATING_SCORE } from './appeal.read.ts';
import * as repo from './appeal.repository.ts';
import * as lookup from './appeal-lookup.repository.ts';
import type { AppealCreateInput, TransitionInput } from './appeal.schema.ts';
import { deriveColumns, snapshotFromJson, snapshotToJson } from './appeal.snapshot.ts';

type Db = Kysely<DB>;

/** Who did it, for rows written by people and by the system (scheduler, public intake). */
export interface Doer {
  userId: string | null;
  personId: string | null;
  name: string;
  roles: string[];
}

function invalid(path: string, label: string, message: string): never {
  throw new InvalidInput(`${label}${message}`, [{ path, label, message: `${label}${message}` }]);
}

export function doerOf(ctx: WriteCtx): Doer {
  return {
    userId: ctx.actor.userId,
    personId: ctx.actor.personId,
    name: ctx.actor.displayName,
    roles: grantsIn(ctx.actor, ctx.townId).map((g) => g.role),
  };
}

async function categoryRoot(db: Db, code: string): Promise<string> {
  const root = (await categoryRoots(db)).get(code);
  if (!root) invalid('categoryCode', '诉求类别', `「${code}」不在县级标准类别中`);
  return root;
}

/** Ids the engine only checks for shape: every assigned unit and person must exist in this town. */
async function assertAssignees(
  db: Db,
  townId: string,
  def: KindDefinition,
  action: string,
  values: Record<string, unknown>,
) {
  const t = action === def.initial.id ? def.initial : def.transitions.find((x) => x.id === action);
  for (const f of t?.fields ?? []) {
    const v = values[f.name];
    if (v === undefined) continue;
    const ids = Array.isArray(v) ? (v as string[]) : [String(v)];
    const table =
      f.type === 'unit_id' || f.type === 'unit_ids' || f.type === 'village_id'
        ? 'unit'
        : f.type === 'person_id' || f.type === 'person_ids'
          ? 'person'
          : null;
    if (!table || !ids.length) continue;
    // A village field names a unit of kind village.
    const kind = f.type === 'village_id' ? 'village' : undefined;
    const found = await lookup.existingIds(db, table, townId, ids, kind);
    if (found.length < new Set(ids).size)
      invalid(
        `payload.${f.name}`,
        f.label,
        f.type === 'village_id' ? '不是本乡镇的村（社区）' : '在本乡镇中不存在',
      );
  }
}

/** The handling unit an order is assigned to (after the step), for its people rules. */
const unitOf = (s: AppealSnapshot) =>
  typeof s.assignment.unit === 'string' ? s.assignment.unit : null;

export interface IntakeOptions {
  /** Defaults to now; the demo seeder and imports pass the original time. */
  at?: Date;
  /** Public channels intake as the system, not as a user. */
  doer?: Doer;
}

export interface IntakeResult {
  row: repo.AppealRow;
  warnings: string[];
  /** The first timeline event, as stored: the route answers with it instead of reading it back. */
  event: repo.AppealEventRow;
}

/** 受理/登记: records a new appeal of any kind; returns the row, its first event and any calendar warnings. */
export async function intake(
  db: Db,
  ctx: WriteCtx,
  input: AppealCreateInput,
  opts: IntakeOptions = {},
): Promise<IntakeResult> {
  const env = await engineEnv(db, ctx.townId);
  const { def, kpi } = kindFor(input.kind, env.town.kindSettings[input.kind]);
  const root = await categoryRoot(db, input.categoryCode);
  if (input.villageId) {
    if ((await lookup.unitKind(db, ctx.townId, input.villageId)) !== 'village')
      invalid('villageId', '所在村（社区）', '在本乡镇中不存在');
  }
  const doer = opts.doer ?? doerOf(ctx);
  const at = opts.at ?? (input.receivedAt ? new Date(input.receivedAt) : new Date());
  const payload: Record<string, unknown> = { content: input.content, ...input.payload };
  // A petition names its petitioner; the contact name doubles as it unless given separately.
  if (
    def.initial.fields.some((f) => f.name === 'petitionerName') &&
    payload.petitionerName === undefined
  )
    payload.petitionerName = input.contactName;
  const result = openAppeal(def, { userId: doer.userId ?? 'system', roles: doer.roles }, payload, {
    at,
    calendar: env.calendar,
    officeHours: env.town.officeHours,
    ...(input.urgency ? { urgency: input.urgency } : {}),
    category: input.categoryCode,
  });
  if (!result.ok) throw result.error;
  const outcome = result.value;
  await assertAssignees(db, ctx.townId, def, def.initial.id, outcome.event.payload);
  const units = { villageId: input.villageId ?? null, unitId: unitOf(outcome.next) };
  await assertPersonRules(db, ctx.townId, def.initial.fields, outcome.event.payload, units, at);
  const id = newId();
  const derived = deriveColumns(outcome.next, kpi, at, def.initial.id, doer.personId, null);
  // The first event's seq is the order's first version (1, the column default).
  const event = eventRow(ctx.townId, id, 1, outcome, doer);
  const row = await repo.insertNewAppeal(
    db,
    {
      town_id: ctx.townId,
      id,
      kind: input.kind,
      channel: input.channel,
      category_code: input.categoryCode,
      category_root: root,
      urgency: outcome.next.urgency ?? null,
      village_id: input.villageId ?? null,
      title: input.title,
      content: input.content,
      contact_name: input.contactName ?? null,
      contact_phone: input.contactPhone ?? null,
      address: input.address ?? null,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      received_at: at,
      received_on: localDateOf(at),
      snapshot: snapshotToJson(outcome.next),
      created_by: doer.userId,
      ...derived,
    },
    Number(localDateOf(at).slice(0, 4)),
    { ...event, payload: JSON.stringify(event.payload) },
  );
  await recordAudit(db, {
    townId: ctx.townId,
    actorUserId: doer.userId,
    actorName: doer.name,
    action: 'create',
    entityType: 'appeal',
    entityId: id,
    after: { code: row.code, kind: row.kind, state: row.state, categoryCode: row.category_code },
    ip: ctx.ip,
  });
  return { row, warnings: outcome.warnings, event };
}

function eventRow(
  townId: string,
  appealId: string,
  seq: number,
  outcome: TransitionOutcome,
  doer: Doer,
): repo.AppealEventRow {
  const e = outcome.event;
  return {
    town_id: townId,
    id: newId(),
    appeal_id: appealId,
    seq,
    action: e.action,
    label: e.label,
    from_state: e.from,
    to_state: e.to,
    actor_user_id: doer.userId,
    actor_name: doer.name,
    at: e.at,
    note: e.note,
    payload: e.payload,
  };
}

/** The event's seq is the order's version after the change (one per version, see appeal_event). */
async function appendEvent(
  db: Db,
  townId: string,
  appealId: string,
  seq: number,
  outcome: TransitionOutcome,
  doer: Doer,
): Promise<void> {
  const row = eventRow(townId, appealId, seq, outcome, doer);
  await repo.insertEvent(db, { ...row, payload: JSON.stringify(row.payload) });
}

/** Facts from other orders that the kind's guards read (declared in the kind's `facts`). */
async function factsFor(
  db: Db,
  def: KindDefinition,
  row: repo.AppealRow,
): Promise<Record<string, unknown>> {
  const facts: Record<string, unknown> = {};
  const phone = row.contact_phone;
  if (!phone) return facts; // the caller is known by phone: without one, no earlier order matches
  for (const [name, fact] of Object.entries(def.facts))
    facts[name] = await lookup.sameFactsReached(db, { ...row, contact_phone: phone }, fact.states);
  return facts;
}

export interface FireResult {
  row: repo.AppealRow;
  warnings: string[];
}

/** Fires one transition on a version the caller has seen; a stale version gets 409 and changes nothing. */
export async function fire(
  db: Db,
  ctx: WriteCtx,
  id: string,
  input: TransitionInput,
  opts: { at?: Date; doer?: Doer } = {},
): Promise<FireResult> {
  const scope = opts.doer ? { all: true as const } : await appealScope(db, ctx.actor, ctx.townId);
  const row = await repo.findAppeal(db, ctx.townId, id, scopeSql(scope));
  if (!row) throw new NotFound('工单');
  if (row.version !== input.version)
    throw new Conflict(
      `该工单已被他人处理（当前版本 ${row.version}，您提交的是版本 ${input.version}），请刷新后重试`,
    );
  const env = await engineEnv(db, ctx.townId);
  const { def, kpi } = kindFor(row.kind, env.town.kindSettings[row.kind]);
  const snapshot = snapshotFromJson(row.snapshot);
  const doer = opts.doer ?? doerOf(ctx);
  const roles = opts.doer
    ? doer.roles
    : workflowRoles(
        ctx.actor,
        ctx.townId,
        await actorUnits(db, ctx.actor, ctx.townId),
        snapshot.assignment,
      );
  const at = opts.at ?? new Date();
  const result = fireTransition(
    def,
    snapshot,
    { userId: doer.userId ?? 'system', roles },
    input.action,
    input.payload,
    {
      at,
      calendar: env.calendar,
      officeHours: env.town.officeHours,
      facts: await factsFor(db, def, row),
      ...(input.note ? { note: input.note } : {}),
    },
  );
  if (!result.ok) throw result.error;
  const outcome = result.value;
  await assertAssignees(db, ctx.townId, def, input.action, outcome.event.payload);
  const fields = def.transitions.find((x) => x.id === input.action)?.fields ?? [];
  const cited = await citedFiles(db, ctx.townId, id, fields, outcome.event.payload);
  const units = { villageId: row.village_id, unitId: unitOf(outcome.next) };
  await assertPersonRules(db, ctx.townId, fields, outcome.event.payload, units, at);
  const extra: Record<string, unknown> = {};
  if (input.action === 'merge')
    extra.merged_into = await masterOf(
      db,
      ctx.townId,
      row,
      String(outcome.event.payload.masterOrderId),
    );
  const derived = deriveColumns(outcome.next, kpi, at, input.action, doer.personId, row);
  const updated = await repo.updateAtVersion(db, ctx.townId, id, input.version, {
    ...derived,
    ...extra,
    snapshot: snapshotToJson({ ...outcome.next, version: input.version + 1 }),
  });
  if (!updated) throw new Conflict('该工单刚刚已被他人处理，请刷新后重试');
  await appendEvent(db, ctx.townId, id, updated.version, outcome, doer);
  if (input.attachmentIds?.length)
    await linkAttachments(db, ctx.townId, id, updated.version, input.attachmentIds);
  await linkCitedFiles(db, ctx.townId, id, updated.version, cited);
  await recordAudit(db, {
    townId: ctx.townId,
    actorUserId: doer.userId,
    actorName: doer.name,
    action: `appeal.${input.action}`,
    entityType: 'appeal',
    entityId: id,
    before: { state: row.state, version: row.version },
    after: { state: updated.state, version: updated.version, note: outcome.event.note },
    ip: ctx.ip,
  });
  return { row: updated, warnings: outcome.warnings };
}

/** 合并: the master is another live order of the town, given by id or tracking code. */
async function masterOf(db: Db, townId: string, row: repo.AppealRow, ref: string): Promise<string> {
  const master = /^[0-9a-f-]{36}$/i.test(ref)
    ? await lookup.findAppealById(db, townId, ref)
    : await repo.findByCode(db, townId, ref);
  if (!master) invalid('payload.masterOrderId', '主工单', '不存在');
  if (master.id === row.id) invalid('payload.masterOrderId', '主工单', '不能是本工单自己');
  if (master.merged_into)
    invalid('payload.masterOrderId', '主工单', '本身已被合并，请选择它所合并到的工单');
  return master.id;
}

/** 查看联系方式: the full contact, for people who must call the resident back; every reveal is audited. */
export async function revealContact(db: Db, ctx: WriteCtx, id: string, reason: string) {
  const row = await repo.findAppeal(
    db,
    ctx.townId,
    id,
    scopeSql(await appealScope(db, ctx.actor, ctx.townId)),
  );
  if (!row) throw new NotFound('工单');
  const snapshot = snapshotFromJson(row.snapshot);
  const roles = workflowRoles(
    ctx.actor,
    ctx.townId,
    await actorUnits(db, ctx.actor, ctx.townId),
    snapshot.assignment,
  );
  if (
    !canRevealContact(
      ctx.actor,
      ctx.townId,
      contactRelation(ctx.actor, roles, row.handler_person_id),
    )
  )
    throw new Forbidden('只有派单员、领导和承办该工单的人员可以查看群众联系方式');
  await auditWrite(db, ctx, 'reveal_contact', 'appeal', id, null, { reason, code: row.code });
  return { contactName: row.contact_name, contactPhone: row.contact_phone };
}

export type { AppealSnapshot };

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
