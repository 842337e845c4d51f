/**
 * How each workflow kind feeds the appeal row and the KPIs (DESIGN 5), as data: which clock is
 * the required first response (签收/受理告知/议事), which is the completion limit, which states
 * count as 办结, who the handling person is, and which portfolio owns the kind town-wide.
 * Adding a kind means adding an entry here, not an `if` in the service.
 */
import { kindByName, type KindDefinition } from '../../core/workflow/index.ts';
import { NotFound } from '../../core/errors.ts';

export interface KindKpiRule {
  /** Clock whose first stop is the response; null when intake itself is the response (排查登记 on the spot). */
  responseClock: string | null;
  completeClock: string | null;
  closedStates: readonly string[];
  /** Where the handling person comes from: the person who fired an action, or an assignment slot. */
  handler: { action: string } | { slot: string } | { intake: true };
  /** A portfolio that sees every order of this kind (信访 → petitions). */
  portfolio: string | null;
  /** Payload fields holding the follow-up answers. */
  satisfactionField: string | null;
  solvedField: string | null;
  /** Clocks that are the resident's window (申请复查期限), not a duty: never overdue, never 督办. */
  passiveClocks: readonly string[];
}

export const KIND_KPI: Record<string, KindKpiRule> = {
  hotline: {
    responseClock: 'claim',
    completeClock: 'complete',
    closedStates: ['closed', 'archived'],
    handler: { action: 'claim' },
    portfolio: null,
    satisfactionField: 'satisfaction',
    solvedField: 'solved',
    passiveClocks: [],
  },
  petition: {
    responseClock: 'accept',
    completeClock: 'handle',
    closedStates: ['declined', 'resolved', 'withdrawn', 'concluded'],
    handler: { slot: 'caseLeader' },
    portfolio: 'petitions',
    satisfactionField: null,
    solvedField: null,
    passiveClocks: ['review_window', 'second_review_window'],
  },
  dispute: {
    responseClock: null,
    completeClock: 'mediation',
    closedStates: ['closed'],
    handler: { intake: true },
    portfolio: 'politics_law',
    satisfactionField: null,
    solvedField: 'fulfilled',
    passiveClocks: [],
  },
  villager_matter: {
    responseClock: 'deliberate',
    completeClock: 'act',
    closedStates: ['closed', 'shelved'],
    handler: { slot: 'owner' },
    portfolio: null,
    satisfactionField: 'rating',
    solvedField: null,
    passiveClocks: [],
  },
};

export const KIND_NAMES = Object.keys(KIND_KPI);

export { CHANNELS, type Channel } from '../../core/workflow/channels.ts';

/** The kind definition with the town's settings (e.g. `{ maxReopens: 3 }`) applied. */
export function kindFor(
  kind: string,
  settings: Record<string, number> = {},
): { def: KindDefinition; kpi: KindKpiRule } {
  const def = kindByName(kind, settings);
  const kpi = KIND_KPI[kind];
  if (!def || !kpi) throw new NotFound(`工单类型「${kind}」`);
  return { def, kpi };
}
