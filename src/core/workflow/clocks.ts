/**
 * Deadline clocks during a transition: which clocks the action stops, starts (with the limit for
 * the order's category or urgency, computed on the working calendar) or extends (延期).
 */
import { computeDueAt, type DeadlineRule } from '../calendar/deadline.ts';
import { endOfLocalDay, isDateKey, localInstant } from '../calendar/local-time.ts';
import type { OfficeHours } from '../calendar/office-hours.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { InvalidInput, InvalidTransition } from '../errors.ts';
import type { ClockDefinition, KindDefinition, TransitionDefinition } from './schema.ts';
import type { AppealSnapshot, ClockState, DeadlineChange } from './types.ts';

export interface ClockEnv {
  at: Date;
  calendar: WorkCalendar;
  officeHours?: OfficeHours | undefined;
}

export interface ClockUpdate {
  deadlines: Record<string, ClockState>;
  changes: DeadlineChange[];
  warnings: string[];
}

/** The limit for an order: a category rule wins over an urgency rule, which wins over the default. */
export function ruleFor(clock: ClockDefinition, urgency?: string, category?: string): DeadlineRule {
  return (
    (category ? clock.byCategory[category] : undefined) ??
    (urgency ? clock.byUrgency[urgency] : undefined) ??
    clock.rule
  );
}

/** Where a clock starts: its declared date field (local midnight) when filled, else now. */
function clockStart(clock: ClockDefinition, fields: Record<string, unknown>, at: Date): Date {
  const value = clock.startField ? fields[clock.startField] : undefined;
  return typeof value === 'string' && isDateKey(value) ? localInstant(value) : at;
}

/** Stops, then (re)starts, the clocks the action names; a restarted clock begins afresh. */
export function applyClocks(
  kind: KindDefinition,
  action: string,
  snapshot: AppealSnapshot,
  env: ClockEnv,
  values: Record<string, unknown> = {},
): ClockUpdate {
  const deadlines = { ...snapshot.deadlines };
  const changes: DeadlineChange[] = [];
  const warnings = new Set<string>();
  for (const clock of kind.clocks) {
    const running = deadlines[clock.id];
    if (clock.stopOn.includes(action) && running && !running.stoppedAt) {
      deadlines[clock.id] = { ...running, stoppedAt: env.at };
      changes.push({
        clock: clock.id,
        label: clock.label,
        op: 'stop',
        stoppedAt: env.at,
        dueAt: running.dueAt,
        onTime: env.at <= running.dueAt,
      });
    }
  }
  for (const clock of kind.clocks) {
    if (!clock.startOn.includes(action)) continue;
    const rule = ruleFor(clock, snapshot.urgency, snapshot.category);
    const startedAt = clockStart(clock, { ...snapshot.fields, ...values }, env.at);
    const { dueAt, warnings: w } = computeDueAt(startedAt, rule, env.calendar, env.officeHours);
    w.forEach((x) => warnings.add(x));
    deadlines[clock.id] = { startedAt, dueAt, stoppedAt: null, extensions: 0, rule };
    changes.push({
      clock: clock.id,
      label: clock.label,
      op: 'start',
      startedAt,
      dueAt,
      rule,
    });
  }
  return { deadlines, changes, warnings: [...warnings] };
}

/** 延期: moves a running clock's due time by a rule or to a date the approver entered. */
export function extendClock(
  kind: KindDefinition,
  transition: TransitionDefinition,
  update: ClockUpdate,
  values: Record<string, unknown>,
  env: ClockEnv,
): ClockUpdate {
  const ext = transition.extendsClock;
  if (!ext) return update;
  const def = kind.clocks.find((c) => c.id === ext.clock);
  const running = update.deadlines[ext.clock];
  if (!def || !running || running.stoppedAt)
    throw new InvalidTransition(`「${def?.label ?? ext.clock}」未在计时，不能${transition.label}`);
  let dueAt: Date;
  const warnings = [...update.warnings];
  if (ext.by) {
    const r = computeDueAt(running.dueAt, ext.by, env.calendar, env.officeHours);
    dueAt = r.dueAt;
    warnings.push(...r.warnings.filter((w) => !warnings.includes(w)));
  } else {
    const field = transition.fields.find((f) => f.name === ext.toField);
    const raw = String(values[ext.toField ?? '']);
    dueAt = field?.type === 'date' ? endOfLocalDay(raw) : new Date(raw);
    if (dueAt <= running.dueAt) {
      const label = field?.label ?? '新期限';
      throw new InvalidInput(`${label}须晚于当前期限`, [
        { path: `payload.${ext.toField}`, label, message: `${label}须晚于当前期限` },
      ]);
    }
  }
  return {
    deadlines: {
      ...update.deadlines,
      [ext.clock]: { ...running, dueAt, extensions: running.extensions + 1 },
    },
    changes: [
      ...update.changes,
      { clock: ext.clock, label: def.label, op: 'extend', previousDueAt: running.dueAt, dueAt },
    ],
    warnings,
  };
}
