/**
 * The stored structured form of a duty report (述职报告): ordered sections of paragraphs made of
 * text runs and metric number chips. Owns the zod schemas, flattening to text and freezing chips.
 */
import { z } from 'zod';
import { headingMarkers } from './numbering.ts';

export { headingMarkers };

export const sectionKindSchema = z.enum([
  'opening',
  'study',
  'duty',
  'integrity',
  'law',
  'shortcomings',
  'plans',
  'custom',
]);
/** 学/职/廉/法… — what a section is about, so lint can check a template's required parts. */
export type SectionKind = z.infer<typeof sectionKindSchema>;

export const textRunSchema = z.object({ type: z.literal('text'), text: z.string() });
export type TextRun = z.infer<typeof textRunSchema>;

/** 数字芯片 — a number that stays linked to its metric until the report is frozen. */
export const metricChipSchema = z.object({
  type: z.literal('metric'),
  metricId: z.string().min(1),
  params: z.record(z.string(), z.unknown()),
  value: z.number().nullable(),
  unit: z.string(),
  display: z.string(),
});
export type MetricChip = z.infer<typeof metricChipSchema>;

export const inlineSchema = z.discriminatedUnion('type', [textRunSchema, metricChipSchema]);
export type Inline = z.infer<typeof inlineSchema>;

export const paragraphSchema = z.object({ inlines: z.array(inlineSchema) });
export type Paragraph = z.infer<typeof paragraphSchema>;

/**
 * Sections are stored flat in reading order; `level` gives the tree (0 = untitled opening,
 * 1 = "一、", 2 = "（一）", 3 = "1.", 4 = "一是" item). Heading text carries no number marker:
 * markers are derived from order at render time, so reordering never leaves stale numbers.
 */
export const sectionSchema = z.object({
  id: z.string().min(1),
  level: z.number().int().min(0).max(4),
  heading: z.string(),
  kind: sectionKindSchema,
  /** Further kinds a merged section stands for (e.g. 存在不足及下步打算 also covers plans). */
  covers: z.array(sectionKindSchema).optional(),
  portfolio: z.string().optional(),
  templateSectionId: z.string().optional(),
  paragraphs: z.array(paragraphSchema),
});
export type Section = z.infer<typeof sectionSchema>;

export const reportDocumentSchema = z.object({
  title: z.string(),
  /** Author line under the title, e.g. "青石镇党委委员、宣传委员 李某". */
  byline: z.string().optional(),
  /** 版头 of an issued document: the issuing body (发文机关标志) and 发文字号, e.g. "青政通〔2025〕3号". */
  header: z.object({ issuer: z.string().max(40), docNumber: z.string().max(40) }).optional(),
  /** 落款: the issuing body and the date under the text, e.g. "2025年12月31日". */
  signature: z.object({ issuer: z.string().max(40), date: z.string().max(20) }).optional(),
  year: z.number().int(),
  sections: z.array(sectionSchema),
  frozenAt: z.string().nullable(),
});
export type ReportDocument = z.infer<typeof reportDocumentSchema>;

/** Renders a metric value the way a report writes it: 110条, 95.5%, 1200万元. */
export function formatMetricValue(value: number | null, unit: string): string {
  if (value === null) return `〔待取数〕${unit}`;
  const rounded = Number.isInteger(value) ? String(value) : String(Math.round(value * 10) / 10);
  return `${rounded}${unit}`;
}

export function makeChip(
  metricId: string,
  params: Record<string, unknown>,
  value: number | null,
  unit: string,
): MetricChip {
  return { type: 'metric', metricId, params, value, unit, display: formatMetricValue(value, unit) };
}

export function inlineText(inline: Inline): string {
  return inline.type === 'text' ? inline.text : inline.display;
}

export function paragraphText(p: Paragraph): string {
  return p.inlines.map(inlineText).join('');
}

export function sectionText(s: Section): string {
  return s.paragraphs.map(paragraphText).join('\n');
}

/** Whole document as plain text: title, byline, numbered headings, paragraphs. */
export function documentText(doc: ReportDocument): string {
  const markers = headingMarkers(doc.sections);
  const lines = [doc.title];
  if (doc.byline) lines.push(doc.byline);
  doc.sections.forEach((s, i) => {
    if (s.heading !== '' && s.level > 0) lines.push(`${markers[i]}${s.heading}`);
    for (const p of s.paragraphs) lines.push(paragraphText(p));
  });
  return lines.join('\n');
}

export function allChips(doc: ReportDocument): MetricChip[] {
  return doc.sections.flatMap((s) =>
    s.paragraphs.flatMap((p) => p.inlines.filter((i): i is MetricChip => i.type === 'metric')),
  );
}

/** Stable key of a chip's metric reference, for looking up recomputed values. */
export function metricKey(metricId: string, params: Record<string, unknown>): string {
  const sorted = Object.keys(params)
    .sort()
    .map((k) => [k, params[k]]);
  return `${metricId}:${JSON.stringify(sorted)}`;
}

/**
 * 定稿 — snapshots every chip's value (from `resolve`, e.g. the metric engine) so the frozen
 * report no longer changes when records change later.
 */
export function freezeDocument(
  doc: ReportDocument,
  resolve: (chip: MetricChip) => number | null,
  at: string,
): ReportDocument {
  const sections = doc.sections.map((s) => ({
    ...s,
    paragraphs: s.paragraphs.map((p) => ({
      inlines: p.inlines.map((i): Inline => {
        if (i.type === 'text') return i;
        const value = resolve(i);
        return { ...i, value, display: formatMetricValue(value, i.unit) };
      }),
    })),
  }));
  return { ...doc, sections, frozenAt: at };
}
