/**
 * Use cases of 发展党员 on the workflow engine (kind `member_development`): register an
 * application, fire a step or a stage move, each one transaction with its history row and audit
 * entry, under optimistic locking. Guards, periods and deadlines are the kind's data; this file
 * stores what the engine returns. Reads: development.read.ts; the ledger import:
 * development.import.ts.
 */
import type { Kysely } from 'kysely';
import { grantsIn, type Actor, type WriteCtx } from '../../core/actor.ts';
import { Conflict, InvalidInput, NotFound } from '../../core/errors.ts';
import {
  fireTransition,
  kindByName,
  openAppeal,
  unwrap,
  type KindDefinition,
  type TransitionOutcome,
} from '../../core/workflow/index.ts';
import type { DB } from '../../db/schema.ts';
import { newId } from '../../db/ids.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { loadWorkCalendar } from '../calendar/calendar.service.ts';
import { branchScope } from './development.policy.ts';
import * as repo from './development.repository.ts';
import {
  nearestClock,
  snapshotFromJson,
  snapshotToJson,
  stepDate,
} from './development.snapshot.ts';

type Db = Kysely<DB>;

export const KIND = 'member_development';

export function developmentKind(): KindDefinition {
  return kindByName(KIND)!;
}

/** The caller as the engine sees them: their account roles in the town. */
export function engineActor(actor: Actor, townId: string) {
  return { userId: actor.userId, roles: grantsIn(actor, townId).map((g) => g.role) };
}

async function audit(db: Db, ctx: WriteCtx, action: string, id: string, after: unknown) {
  await recordAudit(db, {
    townId: ctx.townId,
    actorUserId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    action,
    entityType: 'member_candidate',
    entityId: id,
    after,
    ip: ctx.ip,
  });
}

/** The history row of one engine outcome. */
export function eventRow(
  townId: string,
  candidateId: string,
  outcome: Pick<TransitionOutcome, 'event'>,
  fields: readonly { name: string; type: string }[],
  actorName: string | null,
  imported = false,
) {
  const e = outcome.event;
  return {
    town_id: townId,
    id: newId(),
    candidate_id: candidateId,
    action: e.action,
    label: e.label,
    from_state: e.from,
    to_state: e.to,
    on_date: stepDate(fields, e.payload),
    actor_user_id: imported ? null : e.actor,
    actor_name: actorName,
    at: e.at,
    note: e.note,
    payload: JSON.stringify(e.payload),
    imported,
  };
}

export async function assertBranch(db: Db, townId: string, scope: repo.BranchFilter, id: string) {
  const [branch] = await repo.listBranches(db, townId, [id]);
  if (!branch || (scope !== null && !scope.includes(id)))
    throw new InvalidInput('所在党支部不存在或不在您的管理范围内', [
      { path: 'payload.branchId', label: '所在党支部', message: '请选择您管理的党支部' },
    ]);
}

/** 登记入党申请: the 18-year rule is the kind's guard on the opening action. */
export async function applyCandidate(
  db: Db,
  ctx: WriteCtx,
  payload: Record<string, unknown>,
  note?: string,
): Promise<string> {
  const scope = await branchScope(db, ctx.actor, ctx.townId, 'manage');
  const kind = developmentKind();
  const at = new Date();
  const outcome = unwrap(
    openAppeal(kind, engineActor(ctx.actor, ctx.townId), payload, {
      at,
      calendar: await loadWorkCalendar(db),
      ...(note ? { note } : {}),
    }),
  );
  const v = outcome.next.fields;
  await assertBranch(db, ctx.townId, scope, String(v.branchId));
  const id = newId();
  const due = nearestClock(kind, outcome.next);
  await repo.insertCandidate(db, {
    town_id: ctx.townId,
    id,
    branch_id: String(v.branchId),
    person_name: String(v.personName),
    birth_date: String(v.birthDate),
    occupation: typeof v.occupation === 'string' ? v.occupation : null,
    state: outcome.state,
    snapshot: snapshotToJson({ ...outcome.next, version: 1 }),
    applied_on: String(v.appliedOn),
    stage_on: String(v.appliedOn),
    next_due_at: due?.dueAt ?? null,
    next_due_clock: due?.clock ?? null,
  });
  await repo.insertEvents(db, [
    eventRow(ctx.townId, id, outcome, kind.initial.fields, ctx.actor.displayName),
  ]);
  await audit(db, ctx, 'create', id, { state: outcome.state, payload: outcome.event.payload });
  return id;
}

/**
 * One step or stage move; a stale `version` is 409, a guard's refusal a Chinese 4xx. `at` is when
 * it happens (now; the demo generator passes the step's own day, as its clock may run ahead).
 */
export async function fireStep(
  db: Db,
  ctx: WriteCtx,
  id: string,
  input: { action: string; version: number; payload: Record<string, unknown>; note?: string },
  at: Date = new Date(),
): Promise<void> {
  const scope = await branchScope(db, ctx.actor, ctx.townId, 'manage');
  const row = await repo.findCandidate(db, ctx.townId, scope, id);
  if (!row) throw new NotFound('发展党员对象');
  if (row.version !== input.version) throw new Conflict();
  const kind = developmentKind();
  const snapshot = snapshotFromJson(row.snapshot);
  const outcome = unwrap(
    fireTransition(
      kind,
      snapshot,
      engineActor(ctx.actor, ctx.townId),
      input.action,
      input.payload,
      {
        at,
        calendar: await loadWorkCalendar(db),
        ...(input.note ? { note: input.note } : {}),
      },
    ),
  );
  const t = kind.transitions.find((x) => x.id === input.action)!;
  const event = eventRow(ctx.townId, id, outcome, t.fields, ctx.actor.displayName);
  const due = nearestClock(kind, outcome.next);
  const moved = outcome.state !== row.state;
  const ok = await repo.updateCandidate(db, ctx.townId, id, row.version, {
    state: outcome.state,
    snapshot: snapshotToJson({ ...outcome.next, version: row.version + 1 }),
    stage_on: moved && event.on_date ? event.on_date : row.stageOn,
    next_due_at: due?.dueAt ?? null,
    next_due_clock: due?.clock ?? null,
  });
  if (!ok) throw new Conflict();
  await repo.insertEvents(db, [event]);
  await audit(db, ctx, input.action, id, { state: outcome.state, payload: outcome.event.payload });
}
