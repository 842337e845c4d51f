/**
 * The engine snapshot as stored (jsonb, dates as ISO strings) and the appeal-row columns derived
 * from it after every transition: assignment, deadlines, the next running deadline, and the KPI
 * facts (first response on time, closed on time, satisfaction, solved) DESIGN 5 counts.
 */
import type { Selectable } from 'kysely';
import type { AppealSnapshot, ClockState } from '../../core/workflow/index.ts';
import type { AppealTable } from '../../db/schema.ts';
import type { KindKpiRule } from './appeal.kinds.ts';

export function snapshotToJson(s: AppealSnapshot): string {
  return JSON.stringify(s);
}

export function snapshotFromJson(raw: unknown): AppealSnapshot {
  const s = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Omit<
    AppealSnapshot,
    'deadlines'
  > & { deadlines: Record<string, Record<string, unknown>> };
  const deadlines: Record<string, ClockState> = {};
  for (const [id, c] of Object.entries(s.deadlines ?? {})) {
    deadlines[id] = {
      ...(c as unknown as ClockState),
      startedAt: new Date(c.startedAt as string),
      dueAt: new Date(c.dueAt as string),
      stoppedAt: c.stoppedAt ? new Date(c.stoppedAt as string) : null,
    };
  }
  return { ...s, deadlines };
}

type Row = Selectable<AppealTable>;

export interface DerivedColumns {
  state: string;
  unit_id: string | null;
  co_handler_unit_ids: string[];
  case_leader_person_id: string | null;
  owner_person_id: string | null;
  handler_person_id: string | null;
  response_due_at: Date | null;
  complete_due_at: Date | null;
  next_due_at: Date | null;
  next_due_clock: string | null;
  first_response_at: Date | null;
  responded_on_time: boolean | null;
  closed_at: Date | null;
  closed_on_time: boolean | null;
  satisfaction: string | null;
  solved: boolean | null;
  reopen_count: number;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The running duty clock that falls due first (never a resident's window). */
export function nextDue(
  s: AppealSnapshot,
  rule: KindKpiRule,
): { clock: string; dueAt: Date } | null {
  let best: { clock: string; dueAt: Date } | null = null;
  for (const [clock, c] of Object.entries(s.deadlines)) {
    if (c.stoppedAt || rule.passiveClocks.includes(clock)) continue;
    if (!best || c.dueAt < best.dueAt) best = { clock, dueAt: c.dueAt };
  }
  return best;
}

/**
 * Columns after a transition at `at` by `actorPersonId`. `prev` is the row before (null at
 * intake): first response and closing are recorded once, when they first happen.
 */
export function deriveColumns(
  s: AppealSnapshot,
  rule: KindKpiRule,
  at: Date,
  action: string,
  actorPersonId: string | null,
  prev: Row | null,
): DerivedColumns {
  const closed = rule.closedStates.includes(s.state);
  const response = rule.responseClock ? s.deadlines[rule.responseClock] : undefined;
  const complete = rule.completeClock ? s.deadlines[rule.completeClock] : undefined;
  let firstResponseAt = prev?.first_response_at ? new Date(prev.first_response_at) : null;
  let respondedOnTime = prev?.responded_on_time ?? null;
  if (!firstResponseAt) {
    if (!rule.responseClock) {
      firstResponseAt = at;
      respondedOnTime = true;
    } else if (response?.stoppedAt) {
      firstResponseAt = response.stoppedAt;
      respondedOnTime = response.stoppedAt <= response.dueAt;
    }
  }
  let closedAt = prev?.closed_at ? new Date(prev.closed_at) : null;
  let closedOnTime = prev?.closed_on_time ?? null;
  if (closed && !closedAt) {
    closedAt = at;
    // 按时办结: the completion limit (with approved extensions) held when the work was finished.
    closedOnTime = complete ? (complete.stoppedAt ?? at) <= complete.dueAt : true;
  }
  let handler = prev?.handler_person_id ?? null;
  if ('action' in rule.handler && rule.handler.action === action && actorPersonId)
    handler = actorPersonId;
  if ('slot' in rule.handler) handler = str(s.assignment[rule.handler.slot]) ?? handler;
  if ('intake' in rule.handler && !prev) handler = actorPersonId;
  const due = closed ? null : nextDue(s, rule);
  const co = s.assignment.coHandlers;
  return {
    state: s.state,
    unit_id: str(s.assignment.unit),
    co_handler_unit_ids: Array.isArray(co) ? co : [],
    case_leader_person_id: str(s.assignment.caseLeader),
    owner_person_id: str(s.assignment.owner),
    handler_person_id: handler,
    response_due_at: response?.dueAt ?? null,
    complete_due_at: complete?.dueAt ?? null,
    next_due_at: due?.dueAt ?? null,
    next_due_clock: due?.clock ?? null,
    first_response_at: firstResponseAt,
    responded_on_time: respondedOnTime,
    closed_at: closedAt,
    closed_on_time: closedOnTime,
    satisfaction: rule.satisfactionField ? str(s.fields[rule.satisfactionField]) : null,
    solved:
      rule.solvedField && typeof s.fields[rule.solvedField] === 'boolean'
        ? (s.fields[rule.solvedField] as boolean)
        : null,
    reopen_count: s.counters.reopen ?? 0,
  };
}
