/**
 * The template form's edits: the pure core functions (src/core/report/template-edit.ts, tested
 * there) over the API's template type, and the section kinds a section can be filled from.
 */
import type {
  ReportTemplate as CoreTemplate,
  TemplateSection as CoreSection,
} from '../../../../src/core/report/templates.ts';
import * as edit from '../../../../src/core/report/template-edit.ts';
import type { TemplateDefinition, TemplateSection } from './reportAdminApi.ts';

export const SECTION_KINDS = edit.SECTION_KIND_OPTIONS;

const core = (t: TemplateDefinition) => t as unknown as CoreTemplate;
const api = (t: CoreTemplate) => t as unknown as TemplateDefinition;

export const moveSection = (t: TemplateDefinition, id: string, dir: 'up' | 'down') =>
  api(edit.moveTemplateSection(core(t), id, dir));
export const setOmitted = (t: TemplateDefinition, id: string, omitted: boolean) =>
  api(edit.setSectionOmitted(core(t), id, omitted));
export const updateSection = (
  t: TemplateDefinition,
  id: string,
  change: Partial<TemplateSection>,
) => api(edit.updateTemplateSection(core(t), id, change as Partial<CoreSection>));
export const mergeSections = (t: TemplateDefinition, first: string, second: string) =>
  api(edit.mergeTemplateSections(core(t), first, second));
export const mergeBlocker = (a: TemplateSection, b: TemplateSection) =>
  edit.mergeBlocker(a as unknown as CoreSection, b as unknown as CoreSection);

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
