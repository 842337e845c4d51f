/**
 * 述职报告模板 — per-role report skeletons as validated data: which sections, in what order, which
 * are required and how long each may be. Also seeds a template from an imported past report.
 */
import { z } from 'zod';
import { sectionKindSchema, type SectionKind } from './model.ts';
import { flattenSections, type ParsedReport, type ParsedSection } from './parse.ts';
import { TEMPLATE_ROLE_LABELS, TEMPLATE_ROLES } from './template-roles.ts';

export const roleSchema = z.enum(TEMPLATE_ROLES);
export type Role = z.infer<typeof roleSchema>;

export const templateSectionSchema = z
  .object({
    id: z.string().min(1),
    kind: sectionKindSchema,
    heading: z.string(),
    /** Other kinds a merged section stands for, e.g. shortcomings also covering plans. */
    covers: z.array(sectionKindSchema).default([]),
    required: z.boolean(),
    minChars: z.number().int().nonnegative(),
    maxChars: z.number().int().positive(),
    /** 职: one subsection per portfolio held, generated at draft time. */
    perPortfolio: z.boolean().default(false),
    /** nested: 一、履职情况 → （一）per portfolio; top-level: each portfolio its own 一、. */
    portfolioLayout: z.enum(['nested', 'top-level']).default('nested'),
    /** 暂不使用: kept in the template (so it can be restored) but not drafted nor required. */
    omitted: z.boolean().optional(),
  })
  .refine((s) => s.minChars <= s.maxChars, { message: '最少字数不能大于最多字数' });
export type TemplateSection = z.infer<typeof templateSectionSchema>;

export const reportTemplateSchema = z
  .object({
    id: z.string().min(1),
    role: roleSchema.nullable(),
    name: z.string().min(1),
    title: z.string().min(1),
    sections: z.array(templateSectionSchema).min(1),
  })
  .refine((t) => new Set(t.sections.map((s) => s.id)).size === t.sections.length, {
    message: '模板中的章节编号不能重复',
  });
export type ReportTemplate = z.infer<typeof reportTemplateSchema>;
type TemplateSectionInput = z.input<typeof templateSectionSchema>;

/** Building blocks of the default skeleton: opening → 学 → 职 → 廉 → 法 → 不足 → 打算. */
const S = {
  opening: {
    id: 'opening',
    kind: 'opening',
    heading: '',
    required: true,
    minChars: 60,
    maxChars: 400,
  },
  study: {
    id: 'study',
    kind: 'study',
    heading: '加强政治理论学习，筑牢思想根基',
    required: true,
    minChars: 100,
    maxChars: 900,
  },
  duty: {
    id: 'duty',
    kind: 'duty',
    heading: '围绕分管领域，认真履行岗位职责',
    required: true,
    minChars: 300,
    maxChars: 6000,
    perPortfolio: true,
  },
  integrity: {
    id: 'integrity',
    kind: 'integrity',
    heading: '严守纪律规矩，保持清正廉洁',
    required: true,
    minChars: 80,
    maxChars: 700,
  },
  law: {
    id: 'law',
    kind: 'law',
    heading: '尊法学法守法用法情况',
    required: true,
    minChars: 60,
    maxChars: 700,
  },
  shortcomings: {
    id: 'shortcomings',
    kind: 'shortcomings',
    heading: '存在的不足',
    required: true,
    minChars: 80,
    maxChars: 900,
  },
  plans: {
    id: 'plans',
    kind: 'plans',
    heading: '下一步工作打算',
    required: true,
    minChars: 80,
    maxChars: 900,
  },
  merged: {
    id: 'shortcomings_plans',
    kind: 'shortcomings',
    covers: ['plans'],
    heading: '存在的不足及今后努力方向',
    required: true,
    minChars: 120,
    maxChars: 1400,
  },
} satisfies Record<string, TemplateSectionInput>;

const DEFAULT_ORDER: TemplateSectionInput[] = [
  S.opening,
  S.study,
  S.duty,
  S.integrity,
  S.law,
  S.shortcomings,
  S.plans,
];

/** A built-in template named after its post (TEMPLATE_ROLE_LABELS). */
function define(id: Role, sections: TemplateSectionInput[] = DEFAULT_ORDER): ReportTemplate {
  const name = TEMPLATE_ROLE_LABELS[id];
  return reportTemplateSchema.parse({ id, role: id, name, title: '述职报告', sections });
}

/** Built-in templates; an admin may copy and edit them (they are plain data). */
export const BUILTIN_TEMPLATES: Record<Role, ReportTemplate> = {
  party_secretary: define('party_secretary', [
    S.opening,
    S.study,
    { ...S.duty, heading: '履行管党治党和发展第一责任', minChars: 800 },
    S.integrity,
    S.law,
    S.shortcomings,
    S.plans,
  ]),
  // 镇长 reports on 法治政府 first, then 廉: law before integrity, as some towns require.
  mayor: define('mayor', [
    S.opening,
    S.study,
    { ...S.duty, heading: '抓发展、保民生、促稳定', minChars: 800 },
    { ...S.law, heading: '坚持依法行政，建设法治政府' },
    S.integrity,
    S.shortcomings,
    S.plans,
  ]),
  deputy: define('deputy'),
  organization_member: define('organization_member', [
    S.opening,
    S.study,
    { ...S.duty, heading: '抓实基层组织建设' },
    S.integrity,
    S.law,
    S.shortcomings,
    S.plans,
  ]),
  // Portfolio-heavy roles raise each portfolio to a top-level section.
  propaganda_member: define('propaganda_member', [
    S.opening,
    S.study,
    { ...S.duty, portfolioLayout: 'top-level' },
    S.integrity,
    S.law,
    S.shortcomings,
    S.plans,
  ]),
  discipline_secretary: define('discipline_secretary', [
    S.opening,
    S.study,
    { ...S.duty, heading: '履行监督执纪问责职责' },
    S.law,
    { ...S.integrity, heading: '带头遵规守纪，自觉接受监督' },
    S.shortcomings,
    S.plans,
  ]),
  politics_law_member: define('politics_law_member', [
    S.opening,
    S.study,
    { ...S.duty, heading: '维护社会和谐稳定' },
    S.integrity,
    S.law,
    S.shortcomings,
    S.plans,
  ]),
  armed_forces_head: define('armed_forces_head', [
    S.opening,
    S.study,
    { ...S.duty, heading: '抓好武装工作和分管事项' },
    S.integrity,
    S.law,
    S.merged,
  ]),
  // 专干: 法 optional (staff also sit the law exam), 不足 and 打算 merged.
  specialist: define('specialist', [
    { ...S.opening, minChars: 40 },
    { ...S.study, minChars: 80 },
    { ...S.duty, heading: '完成岗位工作情况', minChars: 200 },
    { ...S.integrity, minChars: 60 },
    { ...S.law, required: false },
    S.merged,
  ]),
  village_secretary: define('village_secretary', [
    S.opening,
    S.study,
    { ...S.duty, heading: '带领村“两委”干事创业' },
    S.integrity,
    { ...S.law, required: false },
    S.merged,
  ]),
};

export function templateForRole(role: Role): ReportTemplate {
  return BUILTIN_TEMPLATES[role];
}

/** The sections a draft is made of: all but those an admin set aside (omitted). */
export function activeSections(t: ReportTemplate): TemplateSection[] {
  return t.sections.filter((s) => !s.omitted);
}

/** The kinds a template requires, counting merged sections' `covers`. */
export function requiredKinds(t: ReportTemplate): Set<SectionKind> {
  return new Set(
    activeSections(t)
      .filter((s) => s.required)
      .flatMap((s) => [s.kind, ...s.covers]),
  );
}

const KIND_RULES: Array<{ re: RegExp; kinds: SectionKind[] }> = [
  { re: /(不足|问题|差距).*(打算|方向|努力|计划|措施)/u, kinds: ['shortcomings', 'plans'] },
  { re: /不足|问题|差距/u, kinds: ['shortcomings'] },
  { re: /打算|计划|方向|思路/u, kinds: ['plans'] },
  { re: /廉|作风|纪律/u, kinds: ['integrity'] },
  { re: /法/u, kinds: ['law'] },
  { re: /学习|理论|思想政治|政治素质/u, kinds: ['study'] },
];

/** Guesses what an imported heading is about; anything else is a 职 (duty) section. */
export function classifyHeading(heading: string): SectionKind[] {
  return KIND_RULES.find((r) => r.re.test(heading))?.kinds ?? ['duty'];
}

function sectionLength(report: ParsedReport, s: ParsedSection): number {
  return report.text.slice(s.offset, s.end).replace(/\s/gu, '').length;
}

/**
 * Seeds a template from a past report's level-1 headings, keeping its order and wording; duty
 * sections collapse into one per-portfolio section (top-level when the report had several).
 * Length bounds allow half to double what the past report wrote.
 */
export function templateFromImported(report: ParsedReport, id = 'imported'): ReportTemplate {
  const sections: TemplateSectionInput[] = [];
  if (report.preamble.length > 0) sections.push(S.opening);
  const dutyCount = report.sections.filter((s) => classifyHeading(s.heading)[0] === 'duty').length;
  report.sections.forEach((s, i) => {
    const [kind, ...covers] = classifyHeading(s.heading) as [SectionKind, ...SectionKind[]];
    const len = sectionLength(report, s);
    const bounds = { minChars: Math.floor(len / 2), maxChars: Math.max(200, len * 2) };
    if (kind === 'duty') {
      if (sections.some((x) => x.kind === 'duty')) return;
      const nested = dutyCount === 1 && flattenSections(s.children).some((c) => c.level === 2);
      sections.push({
        id: 'duty',
        kind,
        heading: dutyCount === 1 ? s.heading : '',
        required: true,
        perPortfolio: true,
        portfolioLayout: nested || dutyCount === 1 ? 'nested' : 'top-level',
        minChars: bounds.minChars,
        maxChars: 8000,
      });
      return;
    }
    sections.push({
      id: `${kind}_${i + 1}`,
      kind,
      covers,
      heading: s.heading,
      required: true,
      ...bounds,
    });
  });
  return reportTemplateSchema.parse({
    id,
    role: null,
    name: report.title ?? '导入的模板',
    title: '述职报告',
    sections,
  });
}
