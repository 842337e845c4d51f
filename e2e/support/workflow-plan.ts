/**
 * Plans the browser journey of a workflow kind from its declaration: a few orders ("paths"), each
 * a list of transitions from registration on, that together fire every declared transition. The
 * plan runs the real engine in memory with the values the browser will enter, so guards (一案一策
 * before 答复, 重办 only after 不满意, a counter's limit) shape the paths without the test knowing
 * any kind. Each path walks to the nearest transition not yet fired, preferring those that keep
 * the order open, and ends in a terminal state or when nothing more is reachable.
 */
import { randomUUID } from 'node:crypto';
import {
  fireTransition,
  openAppeal,
  ROLES,
  type AppealSnapshot,
  type FieldSpec,
  type KindDefinition,
  type TransitionDefinition,
} from '../../src/core/workflow/index.ts';
import { defaultWorkCalendar } from '../../src/core/calendar/index.ts';

/** The amount every money field gets: the timeline shows it as 1,280.50 元. */
export const MONEY = 1280.5;

/** The value a field gets in the journey (ids are stand-ins here; the browser picks real ones). */
export function plannedValue(def: KindDefinition, f: FieldSpec, today: string, later: string) {
  switch (f.type) {
    case 'enum':
      return enumChoice(def, f);
    case 'boolean':
      return true;
    case 'date':
      return extendsTo(def, f.name) ? later : today;
    case 'datetime':
      return `${today}T10:00:00+08:00`;
    case 'number':
      return f.min ?? 1;
    case 'money':
      return MONEY;
    case 'unit_ids':
    case 'person_ids':
    case 'string_list':
      return ['甲', '乙'];
    case 'file':
      // the browser uploads a file to the order and cites its id; the planner needs the shape only
      return [randomUUID()];
    default:
      return `${f.label}（流程测试）`;
  }
}

/** The option a guard asks for (重办 needs 不满意), else the first one. */
export function enumChoice(def: KindDefinition, f: FieldSpec): string {
  for (const t of def.transitions)
    for (const g of t.guards)
      if (g.name === 'fieldEquals' && g.params.field === f.name) {
        const wanted = (g.params.values as unknown[]).find((v) => f.options?.includes(String(v)));
        if (wanted !== undefined) return String(wanted);
      }
  return f.options![0]!;
}

function extendsTo(def: KindDefinition, field: string): boolean {
  return def.transitions.some((t) => t.extendsClock?.toField === field);
}

export interface PlannedPath {
  /** Transition ids in firing order, after registration. */
  steps: string[];
}

const actor = { userId: 'planner', roles: [...ROLES] };

/** Plans paths covering every transition; throws when some transition can never be reached. */
export function planPaths(def: KindDefinition, today: string, later: string): PlannedPath[] {
  const opts = { at: new Date(), calendar: defaultWorkCalendar() };
  const payload = (fields: readonly FieldSpec[]) =>
    Object.fromEntries(fields.map((f) => [f.name, plannedValue(def, f, today, later)]));
  const fire = (snap: AppealSnapshot, t: TransitionDefinition) => {
    const r = fireTransition(def, snap, actor, t.id, payload(t.fields), opts);
    return r.ok ? r.value.next : null;
  };
  const terminal = (state: string) => def.states.find((s) => s.id === state)?.terminal ?? false;
  const key = (s: AppealSnapshot) =>
    `${s.state}|${JSON.stringify(s.counters)}|${Object.keys(s.fields).sort().join(',')}`;

  /** Shortest chain of transitions from `start` ending with one that `wanted` accepts. */
  const route = (start: AppealSnapshot, wanted: (t: TransitionDefinition) => boolean) => {
    const seen = new Set([key(start)]);
    let frontier: { snap: AppealSnapshot; via: TransitionDefinition[] }[] = [
      { snap: start, via: [] },
    ];
    for (let depth = 0; depth < 12 && frontier.length; depth++) {
      const next: typeof frontier = [];
      for (const { snap, via } of frontier) {
        if (terminal(snap.state)) continue;
        for (const t of def.transitions.filter((x) => x.from.includes(snap.state))) {
          const after = fire(snap, t);
          if (!after) continue;
          if (wanted(t)) return [...via, t];
          if (seen.has(key(after))) continue;
          seen.add(key(after));
          next.push({ snap: after, via: [...via, t] });
        }
      }
      frontier = next;
    }
    return null;
  };

  const uncovered = new Set(def.transitions.map((t) => t.id));
  const paths: PlannedPath[] = [];
  while (uncovered.size) {
    const opened = openAppeal(def, actor, payload(def.initial.fields), opts);
    if (!opened.ok) throw new Error(`${def.label}：无法登记（${opened.error.message}）`);
    let snap = opened.value.next;
    const steps: string[] = [];
    while (!terminal(snap.state)) {
      const chain =
        route(snap, (t) => uncovered.has(t.id) && !(t.to && terminal(t.to))) ??
        route(snap, (t) => uncovered.has(t.id));
      if (!chain) break;
      for (const t of chain) {
        snap = fire(snap, t)!;
        steps.push(t.id);
        uncovered.delete(t.id);
      }
    }
    if (!steps.length) throw new Error(`${def.label}：无法到达的操作 ${[...uncovered].join('、')}`);
    paths.push({ steps });
  }
  return paths;
}
