/**
 * The workflow engine: pure functions that open an order of any kind and fire a transition on its
 * snapshot, checking state, role, required fields and guards in that order, and return the new
 * snapshot, the event to append and the deadline changes. Also lists the actions an actor may take.
 */
import type { OfficeHours } from '../calendar/office-hours.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { DomainError, Forbidden, InvalidInput, InvalidTransition } from '../errors.ts';
import { applyClocks, extendClock } from './clocks.ts';
import { validatePayload, type FieldSpec } from './fields.ts';
import { runGuard, type GuardContext } from './guards.ts';
import { roleLabel, type Actor } from './roles.ts';
import type { KindDefinition, TransitionDefinition } from './schema.ts';
import type { AppealSnapshot, Result, TransitionOutcome } from './types.ts';

export interface FireOptions {
  at: Date;
  calendar: WorkCalendar;
  officeHours?: OfficeHours;
  note?: string;
  /** Facts about other orders the caller looked up, read by guards such as `factNotSet`. */
  facts?: Record<string, unknown>;
}

export interface OpenOptions extends FireOptions {
  urgency?: string;
  category?: string;
}

/** Runs `fn`, turning a thrown domain error into a failed result. */
function attempt<T>(fn: () => T): Result<T> {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, error };
    throw error;
  }
}

/** Returns the value or throws the domain error, for callers that prefer exceptions. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw result.error;
  return result.value;
}

export function stateLabel(kind: KindDefinition, state: string): string {
  return kind.states.find((s) => s.id === state)?.label ?? state;
}

function assertRole(label: string, roles: readonly string[], actor: Actor): void {
  if (!actor.roles.some((r) => roles.includes(r))) {
    throw new Forbidden(`执行「${label}」需要以下角色之一：${roles.map(roleLabel).join('、')}`);
  }
}

function checkedValues(
  label: string,
  fields: readonly FieldSpec[],
  payload: Record<string, unknown>,
): Record<string, unknown> {
  const { values, issues } = validatePayload(fields, payload);
  if (issues.length > 0)
    throw new InvalidInput(
      `「${label}」填写有误：${issues.map((i) => i.message).join('；')}`,
      issues,
    );
  return values;
}

function guardContext(
  kind: KindDefinition,
  t: Pick<TransitionDefinition, 'label' | 'fields'>,
  snapshot: AppealSnapshot,
  values: Record<string, unknown>,
  opts: { at: Date; facts?: Record<string, unknown> | undefined },
  preview: boolean,
): GuardContext {
  return {
    snapshot,
    fields: { ...snapshot.fields, ...values },
    at: opts.at,
    facts: opts.facts ?? {},
    settings: kind.settings,
    transitionLabel: t.label,
    preview,
    ownFieldNames: t.fields.map((f) => f.name),
  };
}

function assignmentAfter(
  snapshot: AppealSnapshot,
  assign: Record<string, string>,
  clear: readonly string[],
  values: Record<string, unknown>,
): AppealSnapshot['assignment'] {
  const assignment = { ...snapshot.assignment };
  for (const slot of clear) delete assignment[slot];
  for (const [slot, field] of Object.entries(assign)) {
    const value = values[field];
    if (typeof value === 'string' || Array.isArray(value))
      assignment[slot] = value as string | string[];
  }
  return assignment;
}

interface ActionSpec {
  id: string;
  label: string;
  to: string;
  assign: Record<string, string>;
  clearAssignment: readonly string[];
  increments: readonly string[];
  recordFields: boolean;
}

function outcomeOf(
  kind: KindDefinition,
  base: AppealSnapshot,
  from: string | null,
  action: ActionSpec,
  transition: TransitionDefinition | null,
  values: Record<string, unknown>,
  actor: Actor,
  opts: FireOptions,
): TransitionOutcome {
  let clocks = applyClocks(kind, action.id, base, opts, values);
  if (transition) clocks = extendClock(kind, transition, clocks, values, opts);
  const counters = { ...base.counters };
  for (const c of action.increments) counters[c] = (counters[c] ?? 0) + 1;
  const next: AppealSnapshot = {
    ...base,
    state: action.to,
    version: base.version + 1,
    counters,
    deadlines: clocks.deadlines,
    assignment: assignmentAfter(base, action.assign, action.clearAssignment, values),
    fields: action.recordFields ? { ...base.fields, ...values } : { ...base.fields },
  };
  return {
    state: action.to,
    next,
    event: {
      action: action.id,
      label: action.label,
      from,
      to: action.to,
      actor: actor.userId,
      at: opts.at,
      note: opts.note?.trim() || null,
      payload: values,
    },
    deadlineChanges: clocks.changes,
    counters,
    warnings: clocks.warnings,
  };
}

function refuseByGuards(guards: TransitionDefinition['guards'], ctx: GuardContext): void {
  for (const g of guards) {
    const reason = runGuard(g, ctx);
    if (reason) throw new InvalidTransition(reason);
  }
}

/** 受理/登记: creates an order of this kind in its initial state. */
export function openAppeal(
  kind: KindDefinition,
  actor: Actor,
  payload: Record<string, unknown>,
  opts: OpenOptions,
): Result<TransitionOutcome> {
  return attempt(() => {
    const init = kind.initial;
    assertRole(init.label, init.roles, actor);
    const urgency = opts.urgency ?? kind.urgencies[0]?.id;
    if (urgency && !kind.urgencies.some((u) => u.id === urgency)) {
      const labels = kind.urgencies.map((u) => u.label).join('、');
      throw new InvalidInput(`紧急程度应为以下之一：${labels}`, [
        { path: 'urgency', label: '紧急程度', message: `应为以下之一：${labels}` },
      ]);
    }
    const values = checkedValues(init.label, init.fields, payload);
    const empty: AppealSnapshot = {
      state: init.state,
      version: 0,
      counters: {},
      deadlines: {},
      assignment: {},
      fields: {},
    };
    refuseByGuards(init.guards, guardContext(kind, init, empty, values, opts, false));
    const base: AppealSnapshot = {
      state: init.state,
      version: 0,
      ...(urgency ? { urgency } : {}),
      ...(opts.category ? { category: opts.category } : {}),
      counters: {},
      deadlines: {},
      assignment: {},
      fields: {},
    };
    const action = {
      ...init,
      to: init.state,
      clearAssignment: [],
      increments: [],
      recordFields: true,
    };
    return outcomeOf(kind, base, null, action, null, values, actor, opts);
  });
}

/** Fires `transitionId` on the snapshot; the error says, in Chinese, what stopped it. */
export function fireTransition(
  kind: KindDefinition,
  snapshot: AppealSnapshot,
  actor: Actor,
  transitionId: string,
  payload: Record<string, unknown>,
  opts: FireOptions,
): Result<TransitionOutcome> {
  return attempt(() => {
    const t = kind.transitions.find((x) => x.id === transitionId);
    if (!t) throw new InvalidTransition(`「${kind.label}」没有「${transitionId}」这项操作`);
    if (!t.from.includes(snapshot.state)) {
      throw new InvalidTransition(
        `工单当前状态为「${stateLabel(kind, snapshot.state)}」，不能执行「${t.label}」`,
      );
    }
    assertRole(t.label, t.roles, actor);
    const values = checkedValues(t.label, t.fields, payload);
    refuseByGuards(t.guards, guardContext(kind, t, snapshot, values, opts, false));
    return outcomeOf(
      kind,
      snapshot,
      snapshot.state,
      { ...t, to: t.to ?? snapshot.state },
      t,
      values,
      actor,
      opts,
    );
  });
}

export interface AvailableAction {
  id: string;
  label: string;
  /** The state it leads to; the current state for repeatable actions. */
  to: string;
  fields: FieldSpec[];
  /** False when a guard refuses now (e.g. reopen limit reached); `reason` says why. */
  enabled: boolean;
  reason?: string;
}

/** The actions this actor may take on the order now (for buttons), guards previewed. */
export function availableTransitions(
  kind: KindDefinition,
  snapshot: AppealSnapshot,
  actor: Actor,
  opts: { at: Date; facts?: Record<string, unknown> },
): AvailableAction[] {
  return kind.transitions
    .filter(
      (t) =>
        t.from.includes(snapshot.state) &&
        actor.roles.some((r) => (t.roles as readonly string[]).includes(r)),
    )
    .map((t) => {
      const ctx = guardContext(kind, t, snapshot, {}, opts, true);
      const reason = t.guards.map((g) => runGuard(g, ctx)).find((r) => r !== null) ?? undefined;
      const base = { id: t.id, label: t.label, to: t.to ?? snapshot.state, fields: t.fields };
      return reason ? { ...base, enabled: false, reason } : { ...base, enabled: true };
    });
}
