/**
 * The engine snapshot of a 发展党员 row as stored (jsonb, dates as ISO strings) and what the row's
 * columns and views derive from it: the date a step happened on, the next step of the stage and
 * the nearest running clock (the date the list and the reminders show).
 */
import type {
  AppealSnapshot,
  ClockState,
  KindDefinition,
  TransitionDefinition,
} from '../../core/workflow/index.ts';

export function snapshotToJson(s: AppealSnapshot): string {
  return JSON.stringify(s);
}

export function snapshotFromJson(raw: unknown): AppealSnapshot {
  const s = (typeof raw === 'string' ? JSON.parse(raw) : raw) as AppealSnapshot;
  const deadlines: Record<string, ClockState> = {};
  for (const [id, c] of Object.entries(s.deadlines ?? {}))
    deadlines[id] = {
      ...c,
      startedAt: new Date(c.startedAt),
      dueAt: new Date(c.dueAt),
      stoppedAt: c.stoppedAt ? new Date(c.stoppedAt) : null,
    };
  return { ...s, deadlines };
}

/** The date a step happened on: the last date field it records (谈话日期, 公示结束日期 …). */
export function stepDate(
  fields: readonly { name: string; type: string }[],
  values: Record<string, unknown>,
): string | null {
  const dated = fields.filter((f) => f.type === 'date' && typeof values[f.name] === 'string');
  return dated.length ? (values[dated[dated.length - 1]!.name] as string) : null;
}

/** A step is done when every required field it records has a value in the snapshot. */
export function stepDone(t: TransitionDefinition, s: AppealSnapshot): boolean {
  const required = t.fields.filter((f) => f.required);
  return required.length > 0 && required.every((f) => s.fields[f.name] !== undefined);
}

/**
 * The next step of the stage, in the declared (procedural) order: the first step of the state
 * (an action that stays) or move to the next declared state that is not done yet; a way out of
 * the pipeline (终止发展, to a state further on) or an optional step (延长预备期) is never "next".
 */
export function nextStep(kind: KindDefinition, s: AppealSnapshot): TransitionDefinition | null {
  const order = kind.states.map((x) => x.id);
  const forward = (t: TransitionDefinition) =>
    t.to === null || order.indexOf(t.to) === order.indexOf(s.state) + 1;
  return (
    kind.transitions.find(
      (t) => t.from.includes(s.state) && !t.optional && forward(t) && !stepDone(t, s),
    ) ?? null
  );
}

/** The running clock falling due first (passive ones too: 培养考察满一年 is a date to show). */
export function nearestClock(
  kind: KindDefinition,
  s: AppealSnapshot,
): { clock: string; label: string; dueAt: Date; passive: boolean } | null {
  let best: { clock: string; label: string; dueAt: Date; passive: boolean } | null = null;
  for (const [clock, c] of Object.entries(s.deadlines)) {
    if (c.stoppedAt) continue;
    if (!best || c.dueAt < best.dueAt)
      best = {
        clock,
        label: kind.clocks.find((x) => x.id === clock)?.label ?? clock,
        dueAt: c.dueAt,
        passive: kind.kpi.passiveClocks.includes(clock),
      };
  }
  return best;
}
