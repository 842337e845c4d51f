/**
 * The built-in workflow kinds, validated once at load. A new kind is a new data file listed
 * here; the engine needs no change.
 */
import { loadKind, type KindDefinition } from '../schema.ts';
import { DISPUTE_KIND } from './dispute.ts';
import { HOTLINE_KIND } from './hotline.ts';
import { PETITION_KIND } from './petition.ts';
import { VILLAGER_MATTER_KIND } from './villager-matter.ts';

export const KIND_DATA = [HOTLINE_KIND, PETITION_KIND, DISPUTE_KIND, VILLAGER_MATTER_KIND] as const;

export const BUILT_IN_KINDS: Record<string, KindDefinition> = Object.fromEntries(
  KIND_DATA.map((data) => [data.kind, loadKind(data)]),
);

/** A built-in kind; `settings` overrides per town (e.g. `{ maxReopens: 3 }`). */
export function kindByName(
  kind: string,
  settings: Record<string, number> = {},
): KindDefinition | undefined {
  const def = BUILT_IN_KINDS[kind];
  return def && { ...def, settings: { ...def.settings, ...settings } };
}
