/**
 * Workflow engine for appeals of every kind: the public surface of `core/workflow`.
 * Kinds are data (`kinds/`), validated by `loadKind`; the engine functions are pure.
 */
export * from './types.ts';
export * from './roles.ts';
export * from './fields.ts';
export { GUARD_NAMES } from './guards.ts';
export * from './schema.ts';
export { type KindKpiRule } from './kpi.ts';
export * from './engine.ts';
export * from './describe.ts';
export { applyClocks, ruleFor } from './clocks.ts';
export {
  ALL_KIND_NAMES,
  ANALYSIS_KIND_NAMES,
  APPEAL_KIND_NAMES,
  BUILT_IN_KINDS,
  KIND_DATA,
  kindByName,
  kindFor,
} from './kinds/index.ts';
