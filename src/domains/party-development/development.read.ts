/**
 * Reads of 发展党员, each narrowed to the caller's branches (development.policy.ts): the pipeline
 * list with stage, next step and its date; a person's detail with the steps done, the history and
 * the actions the server offers them; the funnel per branch and year; the steps falling due.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { NotFound } from '../../core/errors.ts';
import { availableTransitions, stateLabel } from '../../core/workflow/index.ts';
import type { DB } from '../../db/schema.ts';
import { branchScope } from './development.policy.ts';
import * as repo from './development.repository.ts';
import { developmentKind, engineActor } from './development.service.ts';
import { nearestClock, nextStep, snapshotFromJson, stepDone } from './development.snapshot.ts';

type Db = Kysely<DB>;
type Row = NonNullable<Awaited<ReturnType<typeof repo.findCandidate>>>;

/** How far ahead the reminders look. */
export const REMINDER_DAYS = 30;

function summary(row: Row, now: Date) {
  const kind = developmentKind();
  const s = snapshotFromJson(row.snapshot);
  const step = nextStep(kind, s);
  const due = nearestClock(kind, s);
  return {
    id: row.id,
    branchId: row.branchId,
    branchName: row.branchName,
    personName: row.personName,
    birthDate: row.birthDate,
    occupation: row.occupation,
    state: row.state,
    stateLabel: stateLabel(kind, row.state),
    appliedOn: row.appliedOn,
    stageOn: row.stageOn,
    version: row.version,
    nextStep: step?.label ?? null,
    due: due && {
      label: due.label,
      dueAt: due.dueAt.toISOString(),
      /** A duty past its date (a passive date such as 培养考察满一年 is never overdue). */
      overdue: !due.passive && due.dueAt < now,
      passive: due.passive,
    },
    imported: row.sourceRecordId !== null,
  };
}

export async function listCandidates(
  db: Db,
  actor: Actor,
  townId: string,
  q: { branchId?: string | undefined; state?: string | undefined },
) {
  const scope = await branchScope(db, actor, townId, 'read');
  const now = new Date();
  return (await repo.listCandidates(db, townId, scope, q)).map((r) => summary(r, now));
}

export async function candidateDetail(db: Db, actor: Actor, townId: string, id: string) {
  const scope = await branchScope(db, actor, townId, 'read');
  const row = await repo.findCandidate(db, townId, scope, id);
  if (!row) throw new NotFound('发展党员对象');
  const kind = developmentKind();
  const s = snapshotFromJson(row.snapshot);
  const manages = await branchScope(db, actor, townId, 'manage').then(
    (m) => m === null || m.includes(row.branchId),
    () => false,
  );
  const now = new Date();
  const actions = manages
    ? availableTransitions(kind, s, engineActor(actor, townId), { at: now })
    : [];
  // An optional step (延长预备期) is listed once taken, never as one still to do.
  const steps = kind.transitions
    .filter((t) => t.from.includes(row.state) && t.to === null && (!t.optional || stepDone(t, s)))
    .map((t) => ({ id: t.id, label: t.label, done: stepDone(t, s) }));
  const events = await repo.listEvents(db, townId, id);
  return {
    ...summary(row, now),
    fields: s.fields,
    steps,
    actions,
    events: events.map((e) => ({
      ...e,
      at: new Date(e.at).toISOString(),
      fromLabel: e.fromState ? stateLabel(kind, e.fromState) : null,
      toLabel: stateLabel(kind, e.toState),
      payload: (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload) as Record<
        string,
        unknown
      >,
    })),
  };
}

/**
 * The branches the caller reads and whether they may read and manage (登记, 导入, the buttons):
 * the page asks first, so a 宣传委员 gets an explanation instead of a refusal.
 */
export async function listBranches(db: Db, actor: Actor, townId: string) {
  const may = (action: 'read' | 'manage') =>
    branchScope(db, actor, townId, action).then(
      (scope) => ({ scope }),
      () => null,
    );
  const [read, manage] = [await may('read'), await may('manage')];
  const items = read ? await repo.listBranches(db, townId, read.scope) : [];
  return { items, read: read !== null, manage: manage !== null };
}

/** Per branch, the people entering each stage in `year`; stages in the declared order. */
export async function funnel(db: Db, actor: Actor, townId: string, year: number) {
  const scope = await branchScope(db, actor, townId, 'read');
  const kind = developmentKind();
  const [branches, counts] = await Promise.all([
    repo.listBranches(db, townId, scope),
    repo.funnelCounts(db, townId, scope, year),
  ]);
  const stages = kind.states.map((s) => ({ id: s.id, label: s.label }));
  const rows = branches.map((b) => ({
    branchId: b.id,
    branchName: b.name,
    counts: Object.fromEntries(
      stages.map((st) => [
        st.id,
        Number(counts.find((c) => c.branchId === b.id && c.state === st.id)?.count ?? 0),
      ]),
    ),
  }));
  const total = Object.fromEntries(
    stages.map((st) => [st.id, rows.reduce((n, r) => n + (r.counts[st.id] ?? 0), 0)]),
  );
  return { year, stages, rows, total };
}

/** 提醒: steps due within REMINDER_DAYS or overdue, earliest first. */
export async function dueReminders(db: Db, actor: Actor, townId: string) {
  const scope = await branchScope(db, actor, townId, 'read');
  const now = new Date();
  const until = new Date(now.getTime() + REMINDER_DAYS * 86_400_000);
  return (await repo.dueCandidates(db, townId, scope, until)).map((r) => summary(r, now));
}
