/**
 * The posts a 述职报告 template is written for (党委书记, 镇长, 分管副职 …) and their one Chinese
 * label list. Not account roles (src/core/access/roles.ts): a template's role is the office whose
 * duties the report covers. Pure data, no imports, so the web imports it as is.
 */
export const TEMPLATE_ROLES = [
  'party_secretary',
  'mayor',
  'deputy',
  'organization_member',
  'propaganda_member',
  'discipline_secretary',
  'politics_law_member',
  'armed_forces_head',
  'specialist',
  'village_secretary',
] as const;
export type TemplateRole = (typeof TEMPLATE_ROLES)[number];

export const TEMPLATE_ROLE_LABELS: Record<TemplateRole, string> = {
  party_secretary: '党委书记',
  mayor: '镇长',
  deputy: '分管副职',
  organization_member: '组织委员',
  propaganda_member: '宣传委员',
  discipline_secretary: '纪委书记',
  politics_law_member: '政法委员',
  armed_forces_head: '武装部长',
  specialist: '专干',
  village_secretary: '村党组织书记',
};
