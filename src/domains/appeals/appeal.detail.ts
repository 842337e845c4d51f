/**
 * The order detail (工单详情): facts, deadlines, masked fields, the timeline, reminders, the people
 * it names and the actions the caller may fire now — for a read, an intake receipt and the answer
 * to a transition (which says whether the caller can still read the order).
 */
import type { Kysely } from 'kysely';
import { hasRoleIn, type Actor } from '../../core/actor.ts';
import { NotFound } from '../../core/errors.ts';
import { availableTransitions } from '../../core/workflow/index.ts';
import type { DB } from '../../db/schema.ts';
import { townSettings, type TownSettings } from '../org/town-settings.service.ts';
import { kindFor } from './appeal.kinds.ts';
import { peopleNamed } from './appeal.names.ts';
import {
  actorUnits,
  appealScope,
  canRevealContact,
  contactRelation,
  mayAct,
  scopeSql,
  workflowRoles,
} from './appeal.policy.ts';
import {
  maskName,
  PRIVATE_FIELDS,
  residentSatisfaction,
  toSummary,
} from './appeal-read.service.ts';
import {
  isAddressedTo,
  reminderView,
  type Addressee,
  type ReminderRow,
} from './appeal-reminder.repository.ts';
import * as repo from './appeal.repository.ts';
import { snapshotFromJson } from './appeal.snapshot.ts';

type Db = Kysely<DB>;
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export async function appealDetail(
  db: Db,
  actor: Actor,
  townId: string,
  id: string,
  warnings: string[] = [],
) {
  const row = await repo.findAppeal(db, townId, id, scopeSql(await appealScope(db, actor, townId)));
  if (!row) throw new NotFound('工单');
  return detailFromRow(db, actor, townId, row, warnings, true);
}

/**
 * The answer to a transition, from the row the service just wrote (the caller acted on it in
 * scope): a step such as 退单 may take the order out of the caller's reading scope, which
 * `inScope: false` says instead of a 404 for a change that was made.
 */
export async function firedDetail(
  db: Db,
  actor: Actor,
  townId: string,
  row: repo.AppealRow,
  warnings: string[],
) {
  const scope = scopeSql(await appealScope(db, actor, townId));
  const inScope = !!(await repo.findAppeal(db, townId, row.id, scope));
  return detailFromRow(db, actor, townId, row, warnings, inScope);
}

async function detailFromRow(
  db: Db,
  actor: Actor,
  townId: string,
  row: repo.AppealRow,
  warnings: string[],
  inScope: boolean,
) {
  const snapshot = snapshotFromJson(row.snapshot);
  const units = await actorUnits(db, actor, townId);
  const roles = workflowRoles(actor, townId, units, snapshot.assignment);
  const [settings, events, reminders] = await Promise.all([
    townSettings(db, townId),
    repo.listEvents(db, townId, row.id),
    repo.listReminders(db, townId, row.id),
  ]);
  const who: Addressee = {
    personId: actor.personId,
    unitIds: [...units],
    desk: hasRoleIn(actor, townId, 'dispatcher'),
  };
  const people = await peopleNamed(db, townId, row, events);
  const parts = { settings, roles, events, reminders, warnings, who, people, inScope };
  return detailOf(actor, townId, row, parts);
}

/**
 * The receipt of an intake, built from what the service just wrote (row and first event) rather
 * than read back: the same AppealDetail a GET returns at that moment. The creator sees it even
 * when the new order falls outside their reading scope (they typed it in).
 */
export async function intakeDetail(
  db: Db,
  actor: Actor,
  townId: string,
  row: repo.AppealRow,
  event: repo.AppealEventRow,
  warnings: string[],
) {
  const snapshot = snapshotFromJson(row.snapshot);
  const a = snapshot.assignment;
  // Relation roles depend on the actor's units only once the order names a unit.
  const units =
    a.unit || (Array.isArray(a.coHandlers) && a.coHandlers.length)
      ? await actorUnits(db, actor, townId)
      : new Set<string>();
  const roles = workflowRoles(actor, townId, units, a);
  return detailOf(actor, townId, row, {
    settings: await townSettings(db, townId),
    roles,
    events: [event],
    reminders: [],
    warnings,
    who: null,
    people: await peopleNamed(db, townId, row, [event]),
    inScope: !!(await repo.findAppeal(
      db,
      townId,
      row.id,
      scopeSql(await appealScope(db, actor, townId)),
    )),
  });
}

interface DetailParts {
  settings: TownSettings;
  roles: string[];
  events: repo.AppealEventRow[];
  reminders: ReminderRow[];
  warnings: string[];
  /** The caller as addressee of reminders (null when there are none to judge). */
  who: Addressee | null;
  people: Record<string, string>;
  /** Whether the caller can still read the order (a step may hand it to someone else). */
  inScope: boolean;
}

function detailOf(actor: Actor, townId: string, row: repo.AppealRow, p: DetailParts) {
  const { def } = kindFor(row.kind, p.settings.kindSettings[row.kind]);
  const snapshot = snapshotFromJson(row.snapshot);
  const now = new Date();
  const fields = Object.fromEntries(
    Object.entries(snapshot.fields).map(([k, v]) => [
      k,
      PRIVATE_FIELDS.includes(k) ? maskValue(v) : v,
    ]),
  );
  return {
    ...toSummary(row, now),
    content: row.content,
    address: row.address,
    coHandlerUnitIds: row.co_handler_unit_ids ?? [],
    caseLeaderPersonId: row.case_leader_person_id,
    handlerPersonId: row.handler_person_id,
    deadlines: Object.entries(snapshot.deadlines).map(([clock, c]) => ({
      clock,
      label: def.clocks.find((x) => x.id === clock)?.label ?? clock,
      startedAt: c.startedAt.toISOString(),
      dueAt: c.dueAt.toISOString(),
      stoppedAt: iso(c.stoppedAt),
      extensions: c.extensions,
      overdue: (c.stoppedAt ?? now) > c.dueAt,
    })),
    fields,
    counters: snapshot.counters,
    solved: row.solved,
    reopenCount: row.reopen_count,
    residentRating: row.resident_rating,
    residentSatisfaction: residentSatisfaction(row.resident_rating),
    residentComment: row.resident_comment,
    timeline: p.events.map((e) => ({
      seq: e.seq,
      action: e.action,
      label: e.label,
      from: e.from_state,
      to: e.to_state,
      actorName: e.actor_name,
      at: iso(e.at)!,
      note: e.note,
      payload: maskPayload(e.payload),
    })),
    // What the caller may fire now: the transition route's policy, then the kind's roles and guards.
    actions: mayAct(actor, townId)
      ? availableTransitions(def, snapshot, { userId: actor.userId, roles: p.roles }, { at: now })
      : [],
    reminders: p.reminders.map((r) => ({
      ...reminderView(r),
      addressedToMe: !!p.who && isAddressedTo(r, row, p.who),
    })),
    canRevealContact: canRevealContact(
      actor,
      townId,
      contactRelation(actor, p.roles, row.handler_person_id),
    ),
    people: p.people,
    inScope: p.inScope,
    warnings: p.warnings,
  };
}

function maskValue(v: unknown): unknown {
  if (typeof v === 'string') return maskName(v);
  if (Array.isArray(v)) return v.map(maskValue);
  return v;
}

function maskPayload(p: unknown): Record<string, unknown> {
  const o = (typeof p === 'string' ? JSON.parse(p) : (p ?? {})) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(o).map(([k, v]) => [k, PRIVATE_FIELDS.includes(k) ? maskValue(v) : v]),
  );
}
