/**
 * The template form's edits: the pure core functions (src/core/report/template-edit.ts, tested
 * there; the API's template type is generated from the core's schema), and the section kinds a
 * section can be filled from.
 */
import * as edit from '../../../../src/core/report/template-edit.ts';
import { TEMPLATE_ROLE_LABELS } from '../../../../src/core/report/template-roles.ts';

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

/** The post a template is written for, named as the core names it (src/core/report/template-roles.ts). */
export const ROLE_LABELS: Record<string, string> = TEMPLATE_ROLE_LABELS;
