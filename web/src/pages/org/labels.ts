/** Chinese names and tag colours for organisation enums, shared by the org pages. */
import type { Role } from '../../api/auth.ts';
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

/** Same wording as the server's ROLE_LABELS (src/core/actor.ts). */
export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  leader: '党委书记/镇长',
  portfolio_leader: '班子成员',
  staff: '专干/站所',
  village_cadre: '村(社区)干部/网格员',
  dispatcher: '接线员/派单员',
  county_supervisor: '县级督查',
};

export const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as Role[]).map((r) => ({
  value: r,
  label: ROLE_LABELS[r],
}));

export const GENDER_LABELS = { male: '男', female: '女' } as const;
