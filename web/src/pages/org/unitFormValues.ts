/**
 * What the unit form starts with and sends: the unit's own values when editing; for a new child
 * the usual kind under its parent and the next sort position; trimmed and nulled when saving.
 */
import type { Unit, UnitInput, UnitKind } from '../../api/org.ts';

export type UnitFormMode = 'edit' | 'create-child' | 'create-root';

/** The usual kind of a new child, so the office worker rarely has to change it. */
export const CHILD_KIND: Record<UnitKind, UnitKind> = {
  party_committee: 'office',
  government: 'office',
  office: 'office',
  village: 'grid',
  branch: 'grid',
  grid: 'grid',
};

export function initialUnitValues(
  mode: UnitFormMode,
  unit: Unit | null,
  units: readonly Unit[],
): Partial<UnitInput> {
  if (mode === 'edit' && unit)
    return {
      name: unit.name,
      kind: unit.kind,
      code: unit.code,
      sortOrder: unit.sortOrder,
      parentId: unit.parentId,
      portfolios: unit.portfolios ?? [],
    };
  if (mode === 'create-child' && unit)
    return {
      parentId: unit.id,
      kind: CHILD_KIND[unit.kind],
      sortOrder: units.filter((u) => u.parentId === unit.id).length + 1,
      portfolios: [],
    };
  return {
    parentId: null,
    kind: 'office',
    sortOrder: units.filter((u) => !u.parentId).length + 1,
    portfolios: [],
  };
}

/** The form's values as the API takes them: a blank code is none, no parent is top level. */
export function unitInput(values: UnitInput): UnitInput {
  return {
    ...values,
    code: values.code?.trim() || null,
    parentId: values.parentId ?? null,
    portfolios: values.portfolios ?? [],
  };
}
