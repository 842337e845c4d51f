/**
 * Appeal use cases that write: intake (受理/登记) and firing any workflow transition with
 * optimistic locking (the state change, its event and the audit entry commit together), merging
 * duplicates. Rules live in the workflow data; this file looks up the facts the engine needs, and
 * appeal.checks.ts checks what the engine cannot (ids in town). The contact reveal lives in
 * appeal.contact.service.ts, intake and rating from public channels in appeal.public.service.ts.
 */
import type { Kysely } from 'kysely';
import { grantsIn, type WriteCtx } from '../../core/actor.ts';
import { localDateOf } from '../../core/calendar/index.ts';
import { Conflict, NotFound } from '../../core/errors.ts';
import {
  fireTransition,
  openAppeal,
  type AppealSnapshot,
  type KindDefinition,
  type TransitionOutcome,
} from '../../core/workflow/index.ts';
import { newId } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { engineEnv } from './appeal.context.ts';
import { assertAssignees, categoryRoot, invalid, masterOf } from './appeal.checks.ts';
import { kindFor } from './appeal.kinds.ts';
import { actorUnits, appealScope, scopeSql, workflowRoles } from './appeal.policy.ts';
import { linkAttachments } from './appeal-attachments.service.ts';
import { citedFiles, linkCitedFiles } from './appeal.step-files.ts';
import { assertPersonRules } from './appeal.person-rules.ts';
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

export function doerOf(ctx: WriteCtx): Doer {
  return {
    userId: ctx.actor.userId,
    personId: ctx.actor.personId,
    name: ctx.actor.displayName,
    roles: grantsIn(ctx.actor, ctx.townId).map((g) => g.role),
  };
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

export type { AppealSnapshot };
