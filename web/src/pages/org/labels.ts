/** Chinese names and tag colours for organisation enums, shared by the org pages. */
import { ROLE_OPTIONS as CORE_ROLE_OPTIONS } from '../../../../src/core/access/roles.ts';
import type { UnitKind } from '../../api/org.ts';

export const UNIT_KINDS: Record<UnitKind, { label: string; color: string }> = {
  party_committee: { label: '党委', color: 'red' },
  government: { label: '政府', color: 'blue' },
  office: { label: '站所', color: 'geekblue' },
  village: { label: '村社区', color: 'green' },
  branch: { label: '党支部', color: 'volcano' },
  grid: { label: '网格', color: 'cyan' },
};

export const UNIT_KIND_OPTIONS = (Object.keys(UNIT_KINDS) as UnitKind[]).map((k) => ({
  value: k,
  label: UNIT_KINDS[k].label,
}));

/** Account roles are named once, in core (DESIGN §2's names): the server and these pages share them. */
export { ROLE_LABELS, SYSTEM_ROLE_LABELS } from '../../../../src/core/access/roles.ts';
/** A mutable copy for antd's Select (its options prop takes no readonly arrays). */
export const ROLE_OPTIONS = [...CORE_ROLE_OPTIONS];

export const GENDER_LABELS = { male: '男', female: '女' } as const;
