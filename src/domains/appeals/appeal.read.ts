/**
 * Appeal use cases that read: lists (masked contacts), order detail with timeline, deadlines and
 * the actions the caller may take now, my queue (orders waiting for me) and the overdue list.
 * Every query carries the caller's scope.
 */
import type { Kysely } from 'kysely';
import { hasRoleIn, type Actor } from '../../core/actor.ts';
import { NotFound } from '../../core/errors.ts';
import { availableTransitions, stateLabel } from '../../core/workflow/index.ts';
import type { DB } from '../../db/schema.ts';
import { townSettings, type TownSettings } from '../org/town-settings.service.ts';
import { kindFor } from './appeal.kinds.ts';
import {
  actorUnits,
  appealScope,
  canRevealContact,
  contactRelation,
  mayAct,
  scopeSql,
  workflowRoles,
} from './appeal.policy.ts';
import * as repo from './appeal.repository.ts';
import { peopleNamed } from './appeal.names.ts';
import { snapshotFromJson } from './appeal.snapshot.ts';
import {
  isAddressedTo,
  latestSupervision,
  reminderView,
  type Addressee,
  type ReminderRow,
} from './appeal.reminders.ts';

type Db = Kysely<DB>;
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** The resident's rating on the public page (the 回访 answer) as the 1–5 `resident_rating`. */
export const RESIDENT_RATING_SCORE: Record<string, number> = { 满意: 5, 基本满意: 3, 不满意: 1 };

/** `resident_rating` back to the label the resident chose (满意/基本满意/不满意). */
export function residentSatisfaction(score: number | null): string | null {
  if (score === null) return null;
  return score >= 5 ? '满意' : score >= 3 ? '基本满意' : '不满意';
}

export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 7 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : '****';
}

export function maskName(name: string | null): string | null {
  return name ? `${[...name][0]}${'*'.repeat(Math.max(1, [...name].length - 1))}` : null;
}

/** Fields recorded by the engine that name the resident; masked like the contact columns. */
const PRIVATE_FIELDS = ['petitionerName', 'contactName', 'raisedBy', 'parties', 'attendingParties'];

export function toSummary(r: repo.AppealRow, now = new Date()) {
  const { def } = kindFor(r.kind);
  return {
    id: r.id,
    code: r.code,
    kind: r.kind,
    kindLabel: def.label,
    state: r.state,
    stateLabel: stateLabel(def, r.state),
    version: r.version,
    channel: r.channel,
    categoryCode: r.category_code,
    urgency: r.urgency,
    villageId: r.village_id,
    unitId: r.unit_id,
    title: r.title,
    contactName: maskName(r.contact_name),
    contactPhone: maskPhone(r.contact_phone),
    receivedAt: iso(r.received_at)!,
    nextDueAt: iso(r.next_due_at),
    overdue: !!r.next_due_at && new Date(r.next_due_at) < now,
    closedAt: iso(r.closed_at),
    satisfaction: r.satisfaction,
    mergedInto: r.merged_into,
  };
}

export async function listAppeals(
  db: Db,
  actor: Actor,
  townId: string,
  f: repo.ListFilter,
  cursor: [string, string] | null,
  limit: number,
) {
  const scope = await appealScope(db, actor, townId);
  const rows = await repo.listAppeals(db, townId, scopeSql(scope), f, cursor, limit);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toSummary(r)),
    next: rows.length > limit && last ? [iso(last.received_at)!, last.id] : null,
  };
}

export async function appealDetail(
  db: Db,
  actor: Actor,
  townId: string,
  id: string,
  warnings: string[] = [],
) {
  const scope = await appealScope(db, actor, townId);
  const row = await repo.findAppeal(db, townId, id, scopeSql(scope));
  if (!row) throw new NotFound('工单');
  const snapshot = snapshotFromJson(row.snapshot);
  const units = await actorUnits(db, actor, townId);
  const roles = workflowRoles(actor, townId, units, snapshot.assignment);
  const [settings, events, reminders] = await Promise.all([
    townSettings(db, townId),
    repo.listEvents(db, townId, id),
    repo.listReminders(db, townId, id),
  ]);
  const who: Addressee = {
    personId: actor.personId,
    unitIds: [...units],
    desk: hasRoleIn(actor, townId, 'dispatcher'),
  };
  const people = await peopleNamed(db, townId, row, events);
  const parts = { settings, roles, events, reminders, warnings, who, people };
  return detailOf(actor, townId, row, parts);
}

/**
 * An order in the caller's scope with the caller's relation roles on it (assignee, case leader…),
 * for use cases of other domains that decide per order (publishing to the public). 404 outside scope.
 */
export async function orderWithRelation(db: Db, actor: Actor, townId: string, id: string) {
  const row = await repo.findAppeal(db, townId, id, scopeSql(await appealScope(db, actor, townId)));
  if (!row) throw new NotFound('工单');
  const snapshot = snapshotFromJson(row.snapshot);
  const roles = workflowRoles(
    actor,
    townId,
    await actorUnits(db, actor, townId),
    snapshot.assignment,
  );
  const answersResident = canRevealContact(
    actor,
    townId,
    contactRelation(actor, roles, row.handler_person_id),
  );
  return { row, roles, answersResident };
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

/** Open orders scanned per query while building the queue; the queue itself is capped separately. */
const QUEUE_SCAN = 500;

type QueueItem = ReturnType<typeof toSummary> & { actions: string[] };

/**
 * 我的待办, page by page: open orders in scope (newest first) on which the caller has an enabled
 * action now. Whether an action is enabled is the workflow's decision (guards in JavaScript), so
 * the orders are read in pages and filtered here; the export streams every page.
 */
export async function* queuePages(
  db: Db,
  actor: Actor,
  townId: string,
): AsyncGenerator<QueueItem[]> {
  const scope = scopeSql(await appealScope(db, actor, townId));
  const units = await actorUnits(db, actor, townId);
  const settings = await townSettings(db, townId);
  const now = new Date();
  for (let after: [string, string] | null = null; ;) {
    const rows = await repo.listAppeals(db, townId, scope, { open: true }, after, QUEUE_SCAN);
    const page = rows.slice(0, QUEUE_SCAN);
    const items: QueueItem[] = [];
    for (const r of page) {
      const { def } = kindFor(r.kind, settings.kindSettings[r.kind]);
      const snapshot = snapshotFromJson(r.snapshot);
      const actions = availableTransitions(
        def,
        snapshot,
        { userId: actor.userId, roles: workflowRoles(actor, townId, units, snapshot.assignment) },
        { at: now },
      ).filter((a) => a.enabled);
      if (actions.length)
        items.push({ ...toSummary(r, now), actions: actions.map((a) => a.label) });
    }
    yield items;
    const last = page[page.length - 1];
    if (rows.length <= QUEUE_SCAN || !last) return;
    after = [iso(last.received_at)!, last.id];
  }
}

/** 我的待办 on screen: the newest `limit`; `truncated` says there are more (the export has them all). */
export async function myQueue(db: Db, actor: Actor, townId: string, limit = 200) {
  const items: QueueItem[] = [];
  for await (const page of queuePages(db, actor, townId)) {
    items.push(...page);
    if (items.length > limit) return { items: items.slice(0, limit), truncated: true };
  }
  return { items, truncated: false };
}

/** 超期工单: open orders in scope whose next duty deadline has passed. */
export async function overdueList(db: Db, actor: Actor, townId: string, limit = 200) {
  const scope = await appealScope(db, actor, townId);
  const now = new Date();
  const fetched = await repo.listAppeals(
    db,
    townId,
    scopeSql(scope),
    { open: true, overdueAt: now },
    null,
    limit,
  );
  const rows = fetched.slice(0, limit);
  const supervised = await latestSupervision(
    db,
    townId,
    rows.map((r) => r.id),
  );
  // `truncated`: more overdue orders exist than the list holds (counts shown must say so).
  return {
    items: rows.map((r) => ({
      ...toSummary(r, now),
      supervisedAt: iso(supervised.get(r.id)?.at ?? null),
    })),
    truncated: fetched.length > limit,
  };
}
