/**
 * Runtime shapes the workflow engine reads and returns: an appeal's snapshot (state, counters,
 * deadline clocks, assignment, recorded fields), the event a transition appends and the outcome.
 * Kind definitions (the data) live in `schema.ts`.
 */
import type { DeadlineRule } from '../calendar/deadline.ts';
import type { DomainError } from '../errors.ts';

/** One running or stopped deadline clock (时限), e.g. 签收时限 or 办结时限. */
export interface ClockState {
  startedAt: Date;
  dueAt: Date;
  /** Set when the clock's stopping action happened. */
  stoppedAt: Date | null;
  /** How many approved extensions moved `dueAt`. */
  extensions: number;
  rule: DeadlineRule;
}

/** 工单快照 — what the engine needs to know about one appeal (诉求/工单) before a transition. */
export interface AppealSnapshot {
  state: string;
  /** Optimistic-lock version; the outcome carries version + 1 for the repository's check. */
  version: number;
  urgency?: string;
  category?: string;
  /** Named counters, e.g. `reopen` (重办次数) and `extension` (延期次数). */
  counters: Record<string, number>;
  deadlines: Record<string, ClockState>;
  /** Assignment slots, e.g. `unit`, `coHandlers`, `caseLeader`. */
  assignment: Record<string, string | string[]>;
  /** Values recorded by earlier transitions (latest wins). */
  fields: Record<string, unknown>;
}

/** The event appended to the appeal's history (every transition, with actor, time and note). */
export interface TransitionEvent {
  action: string;
  label: string;
  /** Null for the opening action (受理/登记). */
  from: string | null;
  to: string;
  actor: string;
  at: Date;
  note: string | null;
  payload: Record<string, unknown>;
}

export type DeadlineChange =
  | { clock: string; label: string; op: 'start'; startedAt: Date; dueAt: Date; rule: DeadlineRule }
  | { clock: string; label: string; op: 'stop'; stoppedAt: Date; dueAt: Date; onTime: boolean }
  | { clock: string; label: string; op: 'extend'; previousDueAt: Date; dueAt: Date };

export interface TransitionOutcome {
  state: string;
  /** The whole snapshot after the transition (version incremented). */
  next: AppealSnapshot;
  event: TransitionEvent;
  deadlineChanges: DeadlineChange[];
  counters: Record<string, number>;
  /** Chinese warnings, e.g. deadlines computed against a year with no holiday data. */
  warnings: string[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };
