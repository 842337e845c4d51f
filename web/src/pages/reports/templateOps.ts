/**
 * The template form's edits: the pure core functions (src/core/report/template-edit.ts, tested
 * there; the API's template type is generated from the core's schema), and the section kinds a
 * section can be filled from.
 */
import * as edit from '../../../../src/core/report/template-edit.ts';

export const SECTION_KINDS = edit.SECTION_KIND_OPTIONS;

export {
  mergeBlocker,
  mergeTemplateSections as mergeSections,
  moveTemplateSection as moveSection,
  setSectionOmitted as setOmitted,
  updateTemplateSection as updateSection,
} from '../../../../src/core/report/template-edit.ts';

export const kindLabel = (kind: string) =>
  SECTION_KINDS.find((k) => k.kind === kind)?.label ?? kind;

export const ROLE_LABELS: Record<string, string> = {
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
