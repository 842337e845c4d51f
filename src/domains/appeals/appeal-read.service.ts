/**
 * Appeal use cases that read: lists (masked contacts), an order with the caller's relation to it,
 * my queue (orders waiting for me) and the overdue list; the order detail is appeal.detail.ts.
 * Every query carries the caller's scope.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { NotFound } from '../../core/errors.ts';
import { availableTransitions, stateLabel } from '../../core/workflow/index.ts';
import type { DB } from '../../db/schema.ts';
import { townSettings } from '../org/town-settings.service.ts';
import { kindFor } from './appeal.kinds.ts';
import {
  actorUnits,
  appealScope,
  canRevealContact,
  contactRelation,
  scopeSql,
  workflowRoles,
} from './appeal.policy.ts';
import * as repo from './appeal.repository.ts';
import { snapshotFromJson } from './appeal.snapshot.ts';
import { latestSupervision } from './appeal-reminder.repository.ts';

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
export const PRIVATE_FIELDS = [
  'petitionerName',
  'contactName',
  'raisedBy',
  'parties',
  'attendingParties',
];

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
