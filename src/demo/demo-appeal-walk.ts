/**
 * How a demo appeal is made: the context the generators draw from, a walk through the real
 * workflow engine on the shipped calendar (events, deadlines and KPI columns as the app would
 * write them), and the row and events to insert.
 */
import { defaultWorkCalendar, localDateOf } from '../core/calendar/index.ts';
import {
  fireTransition,
  openAppeal,
  unwrap,
  type AppealSnapshot,
  type TransitionOutcome,
} from '../core/workflow/index.ts';
import { newId } from '../db/ids.ts';
import { kindFor } from '../domains/appeals/appeal.kinds.ts';
import { deriveColumns, snapshotToJson } from '../domains/appeals/appeal.snapshot.ts';
import { mobile, personName, type SeededRandom } from './random.ts';

/** One workflow step of a walk: action, roles acting, delay after the previous one, payload. */
export type Step = [string, string[], number, Record<string, unknown>?];

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

export interface Ctx {
  rng: SeededRandom;
  townId: string;
  offices: string[];
  villages: { id: string; secretary: string; weight: number }[];
  dispatcher: { userId: string; personId: string; name: string };
  caseLeaders: string[];
  staffPerson: string;
}

export interface Built {
  row: Record<string, unknown>;
  events: Record<string, unknown>[];
}

/** A village drawn by population: more residents, more calls. */
export function pickVillage(ctx: Ctx) {
  const total = ctx.villages.reduce((n, v) => n + v.weight, 0);
  let x = ctx.rng.next() * total;
  for (const v of ctx.villages) if ((x -= v.weight) < 0) return v;
  return ctx.villages.at(-1)!;
}

export function walk(
  ctx: Ctx,
  kind: string,
  start: Date,
  open: { payload: Record<string, unknown>; urgency?: string; category: string; roles: string[] },
  steps: [string, string[], number, Record<string, unknown>?][],
  stopAt: Date,
) {
  const { def, kpi } = kindFor(kind);
  const calendar = defaultWorkCalendar();
  const outcomes: { o: TransitionOutcome; action: string }[] = [];
  const first = unwrap(
    openAppeal(def, { userId: ctx.dispatcher.userId, roles: open.roles }, open.payload, {
      at: start,
      calendar,
      category: open.category,
      ...(open.urgency ? { urgency: open.urgency } : {}),
    }),
  );
  outcomes.push({ o: first, action: def.initial.id });
  let snapshot: AppealSnapshot = first.next;
  let at = start;
  for (const [action, roles, delayMs, payload] of steps) {
    at = new Date(at.getTime() + delayMs);
    if (at > stopAt) break;
    const o = unwrap(
      fireTransition(
        def,
        snapshot,
        { userId: ctx.dispatcher.userId, roles },
        action,
        payload ?? {},
        { at, calendar },
      ),
    );
    outcomes.push({ o, action });
    snapshot = o.next;
  }
  let derived = deriveColumns(first.next, kpi, start, def.initial.id, null, null);
  for (const { o, action } of outcomes.slice(1))
    derived = deriveColumns(o.next, kpi, o.event.at, action, null, {
      ...derived,
      handler_person_id: derived.handler_person_id,
    } as never);
  return { snapshot, outcomes, derived };
}

export function build(
  ctx: Ctx,
  seq: number,
  kind: string,
  start: Date,
  category: string,
  title: string,
  village: string | null,
  w: ReturnType<typeof walk>,
  extra: Record<string, unknown>,
): Built {
  const id = newId();
  const { rng } = ctx;
  const contact = personName(rng, new Set());
  const row = {
    town_id: ctx.townId,
    id,
    code: `${String(start.getUTCFullYear()).slice(2)}-${String(seq).padStart(5, '0')}`,
    kind,
    channel: extra.channel ?? 'hotline_12345',
    category_code: category,
    category_root: category.split('.')[0],
    urgency: w.snapshot.urgency ?? null,
    village_id: village,
    title,
    content:
      (extra.content as string | undefined) ?? `${title}。群众反映：${title}，希望尽快处理。`,
    contact_name: contact.name,
    contact_phone: mobile(rng),
    address: null,
    lat: null,
    lng: null,
    received_at: start,
    received_on: localDateOf(start),
    snapshot: snapshotToJson(w.snapshot),
    version: w.snapshot.version,
    created_by: null,
    ...w.derived,
    co_handler_unit_ids: w.derived.co_handler_unit_ids,
    handler_person_id: w.derived.handler_person_id ?? extra.handler ?? null,
  };
  const events = w.outcomes.map(({ o }, i) => ({
    town_id: ctx.townId,
    id: newId(),
    appeal_id: id,
    seq: i + 1,
    action: o.event.action,
    label: o.event.label,
    from_state: o.event.from,
    to_state: o.event.to,
    actor_user_id: null,
    actor_name: i === 0 ? ctx.dispatcher.name : '承办人员',
    at: o.event.at,
    note: null,
    payload: JSON.stringify(o.event.payload),
  }));
  return { row, events };
}
