/**
 * Test support for workflow tests: a fixed clock in Beijing time, actors, and a `walk` helper that
 * fires a sequence of transitions and fails loudly on the first refusal. Used only by *.test.ts.
 */
import { defaultWorkCalendar } from '../core/calendar/work-calendar.ts';
import { fireTransition, openAppeal, unwrap, type FireOptions } from '../core/workflow/engine.ts';
import type { Actor } from '../core/workflow/roles.ts';
import type { KindDefinition } from '../core/workflow/schema.ts';
import type { AppealSnapshot, Result, TransitionOutcome } from '../core/workflow/types.ts';

export const calendar = defaultWorkCalendar();

/** An instant written in Beijing time, e.g. `bj('2025-09-30T09:00')`. */
export const bj = (s: string): Date => new Date(`${s}${s.length === 16 ? ':00' : ''}+08:00`);

export const actor = (userId: string, ...roles: string[]): Actor => ({ userId, roles });

export const opts = (at: string, extra: Partial<FireOptions> = {}): FireOptions => ({
  at: bj(at),
  calendar,
  ...extra,
});

export interface Step {
  action: string;
  by: Actor;
  at: string;
  payload?: Record<string, unknown>;
  extra?: Partial<FireOptions>;
}

/** Fires the steps in order and returns every outcome; throws the domain error of a refused step. */
export function walk(
  kind: KindDefinition,
  start: AppealSnapshot,
  steps: Step[],
): TransitionOutcome[] {
  const outcomes: TransitionOutcome[] = [];
  let snapshot = start;
  for (const s of steps) {
    const outcome = unwrap(
      fireTransition(kind, snapshot, s.by, s.action, s.payload ?? {}, opts(s.at, s.extra)),
    );
    outcomes.push(outcome);
    snapshot = outcome.next;
  }
  return outcomes;
}

export function opened(
  kind: KindDefinition,
  by: Actor,
  at: string,
  payload: Record<string, unknown>,
  extra: Partial<FireOptions> & { urgency?: string } = {},
): AppealSnapshot {
  return unwrap(
    openAppeal(kind, by, payload, {
      ...opts(at, extra),
      ...(extra.urgency ? { urgency: extra.urgency } : {}),
    }),
  ).next;
}

export function last<T>(xs: T[]): T {
  const x = xs[xs.length - 1];
  if (x === undefined) throw new Error('empty walk');
  return x;
}

export function errorOf<T>(result: Result<T>) {
  if (result.ok) throw new Error('expected the transition to be refused');
  return result.error;
}
