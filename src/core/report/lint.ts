/**
 * 报告检查 — lints a draft duty report: placeholders, sections its template requires, numbers not
 * traceable to a metric, chips that disagree with recomputation, length, repetition, reuse.
 */
import {
  metricKey,
  sectionText,
  type MetricChip,
  type ReportDocument,
  type Section,
  type SectionKind,
} from './model.ts';
import { charNgrams, containment, jaccard, normaliseForComparison } from './originality.ts';
import { PLACEHOLDER_RE } from './parse.ts';
import { inlinesWithOffsets } from './locate.ts';
import { extractNumbers } from './parse-numbers.ts';
import { activeSections, type ReportTemplate, type TemplateSection } from './templates.ts';
import { lintProse, type ProseCode } from './lint-prose.ts';

export type LintSeverity = 'error' | 'warning' | 'info';
export type LintCode =
  | 'placeholder'
  | 'missing_section'
  | 'untraceable_number'
  | 'chip_mismatch'
  | 'chip_unresolved'
  | 'too_short'
  | 'too_long'
  | 'repeated_sentence'
  | 'similar_to_last_year'
  | 'untitled_section'
  | 'empty_section'
  | 'heading_level_skip'
  | ProseCode;

export interface LintIssue {
  code: LintCode;
  severity: LintSeverity;
  sectionId: string | null;
  /** Chinese, shown to the author. */
  message: string;
  /** Character offset in the section's plain text (paragraphs joined by "\n"). */
  offset: number | null;
  /** The flagged text at `offset` (a hand-typed number), so the editor can replace it with a chip. */
  text?: string;
}

export interface LintOptions {
  template: ReportTemplate;
  /** Values of the metrics behind this report; a hand-typed number equal to one is traceable. */
  knownMetricValues?: readonly number[];
  /** Recomputed values by `metricKey(metricId, params)`. */
  recomputed?: ReadonlyMap<string, number | null>;
  lastYearText?: string | null;
  /** Whole-report 8-gram Jaccard at or above which the report reads as last year's (default 0.3). */
  overlapThreshold?: number;
  /** Share of one section's 8-grams found in last year's report (default 0.6). */
  sectionOverlapThreshold?: number;
  ngram?: number;
}

const KIND_LABEL: Record<SectionKind, string> = {
  opening: '开头',
  study: '理论学习',
  duty: '履职情况',
  integrity: '廉洁自律',
  law: '学法用法',
  shortcomings: '存在不足',
  plans: '下步打算',
  custom: '自定义',
};

const issue = (
  code: LintCode,
  severity: LintSeverity,
  sectionId: string | null,
  message: string,
  offset: number | null = null,
): LintIssue => ({ code, severity, sectionId, message, offset });

function lintPlaceholders(s: Section): LintIssue[] {
  return [...sectionText(s).matchAll(PLACEHOLDER_RE)].map((m) =>
    issue(
      'placeholder',
      'error',
      s.id,
      `存在未填写的占位内容“${m[0].slice(0, 20)}”，请补充完整`,
      m.index,
    ),
  );
}

function lintNumbers(
  s: Section,
  known: Set<number>,
  recomputed?: ReadonlyMap<string, number | null>,
): LintIssue[] {
  return inlinesWithOffsets(s).flatMap(({ inline, offset }): LintIssue[] => {
    if (inline.type !== 'text') return lintChip(s.id, inline, offset, recomputed);
    return extractNumbers(inline.text, offset)
      .filter((n) => n.value !== null && !known.has(n.value))
      .map((n) => ({
        ...issue(
          'untraceable_number',
          'warning',
          s.id,
          `数字“${n.raw}”是手工录入的，找不到对应指标，请改为引用指标或核实来源`,
          n.offset,
        ),
        text: n.raw,
      }));
  });
}

function lintChip(
  sectionId: string,
  chip: MetricChip,
  offset: number,
  recomputed?: ReadonlyMap<string, number | null>,
): LintIssue[] {
  const key = metricKey(chip.metricId, chip.params);
  if (recomputed?.has(key)) {
    const fresh = recomputed.get(key) ?? null;
    const same =
      fresh === chip.value ||
      (fresh !== null && chip.value !== null && Math.abs(fresh - chip.value) < 1e-9);
    if (!same) {
      return [
        issue(
          'chip_mismatch',
          'error',
          sectionId,
          `“${chip.display}”与重新计算的结果${fresh ?? '（无数据）'}${fresh === null ? '' : chip.unit}不一致，请刷新数据`,
          offset,
        ),
      ];
    }
  }
  return chip.value === null
    ? [issue('chip_unresolved', 'warning', sectionId, '该指标尚未取到数值', offset)]
    : [];
}

function lintRequiredAndLength(doc: ReportDocument, t: TemplateSection): LintIssue[] {
  const mine = doc.sections.filter((s) => s.templateSectionId === t.id);
  const matched =
    mine.length > 0
      ? mine
      : doc.sections.filter(
          (s) => s.templateSectionId === undefined && [t.kind, ...t.covers].includes(s.kind),
        );
  const chars = matched.reduce((n, s) => n + normaliseForComparison(sectionText(s)).length, 0);
  // Name the part as the draft shows it: a heading the draft does not carry (portfolios raised to
  // top level, a heading renamed in the editor) would send the author looking for nothing.
  const shown = matched.find((s) => s.level > 0 && s.heading.trim() !== '')?.heading;
  // A part the draft lacks altogether is named as the template names it: that is what to add.
  const name =
    matched.length === 0 || (t.heading && matched.some((s) => s.heading === t.heading))
      ? t.heading || KIND_LABEL[t.kind]
      : t.perPortfolio && shown
        ? KIND_LABEL[t.kind]
        : (shown ?? KIND_LABEL[t.kind]);
  if (chars === 0) {
    return t.required
      ? [issue('missing_section', 'error', matched[0]?.id ?? null, `缺少模板要求的“${name}”部分`)]
      : [];
  }
  const id = matched[0]!.id;
  if (chars < t.minChars)
    return [
      issue('too_short', 'warning', id, `“${name}”部分共${chars}字，少于模板要求的${t.minChars}字`),
    ];
  if (chars > t.maxChars)
    return [
      issue('too_long', 'warning', id, `“${name}”部分共${chars}字，超过模板上限${t.maxChars}字`),
    ];
  return [];
}

/**
 * Outline checks for sections the author added or rearranged: a heading needs words, a titled
 * section needs text or subsections, and levels go one step at a time (no 1. straight under 一、).
 */
function lintOutline(doc: ReportDocument): LintIssue[] {
  const out: LintIssue[] = [];
  let previous = 0;
  doc.sections.forEach((s, i) => {
    if (s.level === 0) return;
    if (s.heading.trim() === '')
      out.push(
        issue('untitled_section', 'error', s.id, '有一个章节没有标题，请补上标题或删除该章节'),
      );
    const hasChildren = (doc.sections[i + 1]?.level ?? 0) > s.level;
    if (!hasChildren && sectionText(s).trim() === '')
      out.push(issue('empty_section', 'warning', s.id, `“${s.heading}”下还没有内容`));
    if (s.level > previous + 1)
      out.push(
        issue(
          'heading_level_skip',
          'warning',
          s.id,
          `“${s.heading}”的层级跳过了上一级标题，请调整层级`,
        ),
      );
    previous = s.level;
  });
  return out;
}

function lintRepeats(doc: ReportDocument): LintIssue[] {
  const seen = new Map<string, string>();
  const out: LintIssue[] = [];
  for (const s of doc.sections) {
    const text = sectionText(s);
    for (const m of text.matchAll(/[^。！？；\n]+[。！？；]?/gu)) {
      const key = normaliseForComparison(m[0]);
      if (key.length < 10) continue;
      if (seen.has(key)) {
        out.push(
          issue(
            'repeated_sentence',
            'warning',
            s.id,
            `这句话在报告中重复出现：“${m[0].trim().slice(0, 30)}”`,
            m.index,
          ),
        );
      } else seen.set(key, s.id);
    }
  }
  return out;
}

function lintLastYear(doc: ReportDocument, last: string, o: LintOptions): LintIssue[] {
  const n = o.ngram ?? 8;
  const lastGrams = charNgrams(last, n);
  const out: LintIssue[] = [];
  const all = charNgrams(doc.sections.map(sectionText).join('\n'), n);
  const score = jaccard(all, lastGrams);
  if (score >= (o.overlapThreshold ?? 0.3)) {
    out.push(
      issue(
        'similar_to_last_year',
        'warning',
        null,
        `全文与上一年度述职报告高度相似（相似度${Math.round(score * 100)}%），请结合本年度实际重写`,
      ),
    );
  }
  for (const s of doc.sections) {
    const grams = charNgrams(sectionText(s), n);
    const c = containment(grams, lastGrams);
    if (grams.size >= 20 && c >= (o.sectionOverlapThreshold ?? 0.6)) {
      out.push(
        issue(
          'similar_to_last_year',
          'warning',
          s.id,
          `本部分约${Math.round(c * 100)}%的内容与上一年度报告相同`,
        ),
      );
    }
  }
  return out;
}

export function lintReport(doc: ReportDocument, options: LintOptions): LintIssue[] {
  const known = new Set(options.knownMetricValues ?? []);
  return [
    ...activeSections(options.template).flatMap((t) => lintRequiredAndLength(doc, t)),
    ...doc.sections.flatMap((s) => [
      ...lintPlaceholders(s),
      ...lintNumbers(s, known, options.recomputed),
    ]),
    ...lintOutline(doc),
    ...lintRepeats(doc),
    ...lintProse(doc).map((f) => issue(f.code, 'warning', f.sectionId, f.message, f.offset)),
    ...(options.lastYearText ? lintLastYear(doc, options.lastYearText, options) : []),
  ];
}
