/**
 * The built-in workflow kinds, validated once at load. A new kind is one data file (its graph,
 * clocks, KPI block and memberships: `../kpi.ts`) registered in `KIND_DATA`; nothing else lists
 * kinds: the appeal, analysis and report lists below are read from the declarations.
 */
import { NotFound } from '../../errors.ts';
import type { KindKpiRule } from '../kpi.ts';
import { loadKind, type KindDefinition } from '../schema.ts';
import { DISPUTE_KIND } from './dispute.ts';
import { HOTLINE_KIND } from './hotline.ts';
import { MEMBER_DEVELOPMENT_KIND } from './member-development.ts';
import { PETITION_KIND } from './petition.ts';
import { VILLAGER_MATTER_KIND } from './villager-matter.ts';

export const KIND_DATA = [
  HOTLINE_KIND,
  PETITION_KIND,
  DISPUTE_KIND,
  VILLAGER_MATTER_KIND,
  MEMBER_DEVELOPMENT_KIND,
] as const;

export const BUILT_IN_KINDS: Record<string, KindDefinition> = Object.fromEntries(
  KIND_DATA.map((data) => [data.kind, loadKind(data)]),
);

/** Every registered kind, in registration order. */
export const ALL_KIND_NAMES: readonly string[] = Object.keys(BUILT_IN_KINDS);

/** Kinds that are appeals (诉求): counted by 三率, listed by the appeals pages and Open311. */
export const APPEAL_KIND_NAMES: readonly string[] = ALL_KIND_NAMES.filter(
  (k) => BUILT_IN_KINDS[k]!.appeal,
);

/** Kinds 问题清单 analysis offers (a subset of the appeal kinds). */
export const ANALYSIS_KIND_NAMES: readonly string[] = ALL_KIND_NAMES.filter(
  (k) => BUILT_IN_KINDS[k]!.analysis,
);

/** A built-in kind; `settings` overrides per town (e.g. `{ maxReopens: 3 }`). */
export function kindByName(
  kind: string,
  settings: Record<string, number> = {},
): KindDefinition | undefined {
  const def = BUILT_IN_KINDS[kind];
  return def && { ...def, settings: { ...def.settings, ...settings } };
}

/**
 * A kind with the town's settings applied, and its KPI block; an unknown kind is a 404 naming it
 * (工单类型「…」).
 */
export function kindFor(
  kind: string,
  settings: Record<string, number> = {},
): { def: KindDefinition; kpi: KindKpiRule } {
  const def = kindByName(kind, settings);
  if (!def) throw new NotFound(`工单类型「${kind}」`);
  return { def, kpi: def.kpi };
}
