/**
 * The workflow kinds as the appeals domain uses them. Everything about a kind (its graph, clocks,
 * KPI block, whether it is an appeal, analysis membership) is its declaration in
 * `core/workflow/kinds/`; this file only looks them up.
 */
import { APPEAL_KIND_NAMES, kindFor } from '../../core/workflow/index.ts';
import type { KindKpiRule } from '../../core/workflow/index.ts';

export type { KindKpiRule };

/** The appeal kinds (诉求): what the appeals pages, intake and exports offer. */
export const KIND_NAMES = APPEAL_KIND_NAMES as [string, ...string[]];

export { CHANNELS, type Channel } from '../../core/workflow/channels.ts';

/** The kind definition with the town's settings (e.g. `{ maxReopens: 3 }`) applied. */
export { kindFor };
