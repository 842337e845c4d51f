/**
 * 模板编辑 — pure edits an admin makes to a report template as a form: reorder sections, merge two
 * into one (e.g. 存在不足 with 下步打算), set a section aside and restore it, rename it, and pick
 * what fills it. The result is validated by `reportTemplateSchema` before it is saved.
 */
import type { SectionKind } from './model.ts';
import type { ReportTemplate, TemplateSection } from './templates.ts';

/** The section kinds a template can draw on, with what fills each in a draft. */
export const SECTION_KIND_OPTIONS: ReadonlyArray<{
  kind: SectionKind;
  label: string;
  source: string;
}> = [
  { kind: 'opening', label: '开头', source: '任职情况和分管领域的概述' },
  { kind: 'study', label: '学（理论学习）', source: '理论学习用语库及学习类指标' },
  {
    kind: 'duty',
    label: '职（履职情况）',
    source: '按分管领域逐项生成，引用各领域台账指标和接诉即办数据',
  },
  { kind: 'integrity', label: '廉（廉洁自律）', source: '廉洁自律用语库' },
  { kind: 'law', label: '法（学法用法）', source: '学法用法用语库' },
  { kind: 'shortcomings', label: '存在不足', source: '由超期、不满意工单和空台账等数据归纳' },
  { kind: 'plans', label: '下步打算', source: '按分管领域和存在不足生成' },
  { kind: 'custom', label: '自定义', source: '不自动生成，留待本人填写' },
];

export function moveTemplateSection(
  t: ReportTemplate,
  id: string,
  direction: 'up' | 'down',
): ReportTemplate {
  const i = t.sections.findIndex((s) => s.id === id);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= t.sections.length) return t;
  const sections = [...t.sections];
  [sections[i], sections[j]] = [sections[j]!, sections[i]!];
  return { ...t, sections };
}

export function setSectionOmitted(t: ReportTemplate, id: string, omitted: boolean): ReportTemplate {
  return { ...t, sections: t.sections.map((s) => (s.id === id ? { ...s, omitted } : s)) };
}

export function updateTemplateSection(
  t: ReportTemplate,
  id: string,
  change: Partial<TemplateSection>,
): ReportTemplate {
  return {
    ...t,
    sections: t.sections.map((s) => (s.id === id ? { ...s, ...change, id: s.id } : s)),
  };
}

/** Why two sections cannot become one, or null when they can. */
export function mergeBlocker(a: TemplateSection, b: TemplateSection): string | null {
  if (a.id === b.id) return '不能与自身合并';
  if (a.kind === 'opening' || b.kind === 'opening') return '开头不能与其他部分合并';
  if (a.perPortfolio || b.perPortfolio) return '按分管领域生成的履职部分不能与其他部分合并';
  return null;
}

/**
 * Merges section `secondId` into `firstId`: one heading ("A及B"), the kinds of both (so lint still
 * finds each required part), the length bounds added up. Returns the template unchanged when the
 * two cannot be merged (see `mergeBlocker`).
 */
export function mergeTemplateSections(
  t: ReportTemplate,
  firstId: string,
  secondId: string,
): ReportTemplate {
  const a = t.sections.find((s) => s.id === firstId);
  const b = t.sections.find((s) => s.id === secondId);
  if (!a || !b || mergeBlocker(a, b)) return t;
  const covers = [...new Set([...a.covers, b.kind, ...b.covers])].filter((k) => k !== a.kind);
  const merged: TemplateSection = {
    ...a,
    heading: [a.heading, b.heading].filter((h) => h !== '').join('及'),
    covers,
    required: a.required || b.required,
    minChars: a.minChars + b.minChars,
    maxChars: a.maxChars + b.maxChars,
    omitted: false,
  };
  return {
    ...t,
    sections: t.sections.filter((s) => s.id !== b.id).map((s) => (s.id === a.id ? merged : s)),
  };
}
