/**
 * 往年对照 by heading: the past report's 一、 sections lined up with the draft's by what they say
 * (core `alignBlocks`), each with its （一） subsections folded in, and the block's numbers — last
 * year's stated numbers next to this year's chips, paired by unit and what was counted, each
 * naming the subsection it sits in — and last year's unfilled placeholders.
 */
import { alignBlocks, chipMentions, pairNumbers } from '../../core/report/align.ts';
import type { ReportDocument, Section } from '../../core/report/model.ts';
import { headingMarkers } from '../../core/report/numbering.ts';
import {
  flattenSections,
  type ParsedSection,
  type PlaceholderMention,
} from '../../core/report/parse.ts';

interface StoredNumber {
  raw: string;
  value: number | null;
  unit: string;
  subject: string;
  sectionPath: string;
  placeholder: boolean;
}
export interface StoredOutline {
  preamble: Array<{ text: string }>;
  sections: ParsedSection[];
  numbers: StoredNumber[];
  placeholders: PlaceholderMention[];
}

/** Deepest listed heading containing `path` ('' = the preamble). */
function owner(listed: readonly string[], path: string): string {
  return (
    listed
      .filter((p) => p !== '' && (path === p || path.startsWith(`${p}/`)))
      .sort((a, b) => b.length - a.length)[0] ?? ''
  );
}

interface DraftBlock {
  section: Section | null;
  marker: string;
  sections: Section[];
}

/** Draft sections down to （一）, each with the deeper sections under it; the opening first. */
function draftBlocks(doc: ReportDocument): DraftBlock[] {
  const markers = headingMarkers(doc.sections);
  const blocks: DraftBlock[] = [{ section: null, marker: '', sections: [] }];
  doc.sections.forEach((s, i) => {
    if (s.level >= 1 && s.level <= 2 && s.heading !== '')
      blocks.push({ section: s, marker: markers[i]!, sections: [s] });
    else blocks[blocks.length - 1]!.sections.push(s);
  });
  return blocks;
}

/** One side of the past report: a heading with its stated numbers and unfilled placeholders. */
function pastSide(
  outline: StoredOutline,
  listed: readonly string[],
  path: string,
  s: ParsedSection | null,
) {
  return {
    path,
    marker: s?.marker ?? '',
    heading: s?.heading ?? '开头',
    level: s?.level ?? 0,
    numbers: outline.numbers
      .filter((n) => owner(listed, n.sectionPath) === path)
      .map((n) => ({
        raw: n.raw,
        value: n.value,
        unit: n.unit,
        subject: n.subject,
        placeholder: n.placeholder,
      })),
    placeholders: outline.placeholders
      .filter((p) => owner(listed, p.sectionPath) === path)
      .map((p) => ({ token: p.token, context: p.context })),
  };
}

/** One side of the draft: a heading with the chips of its paragraphs. */
function draftSide(b: DraftBlock) {
  return {
    sectionId: b.section?.id ?? b.sections[0]?.id ?? null,
    marker: b.marker,
    heading: b.section?.heading ?? '开头',
    level: b.section?.level ?? 0,
    chips: chipMentions(b.sections.flatMap((s) => s.paragraphs)).map((c) => ({
      display: c.chip.display,
      value: c.chip.value,
      unit: c.chip.unit,
      metricId: c.chip.metricId,
      subject: c.subject,
    })),
  };
}

type PastSide = ReturnType<typeof pastSide>;
type DraftSide = ReturnType<typeof draftSide>;

/** The subsection a number was stated in ('' for the block's own heading). */
const label = (x: { marker: string; heading: string }, top: boolean) =>
  top ? '' : `${x.marker}${x.heading}`;

/** A row of the comparison: numbers are paired over the whole block, each naming its subsection. */
function comparisonRow(
  imported: (PastSide & { subsections: PastSide[] }) | null,
  draft: (DraftSide & { subsections: DraftSide[] }) | null,
  score: number,
) {
  const pastNumbers = imported
    ? [imported, ...imported.subsections].flatMap((x, i) =>
        x.numbers.map((n) => ({ ...n, section: label(x, i === 0) })),
      )
    : [];
  const chips = draft
    ? [draft, ...draft.subsections].flatMap((x, i) =>
        x.chips.map((c) => ({ ...c, section: label(x, i === 0) })),
      )
    : [];
  const mentions = chips.map((c) => ({
    chip: {
      type: 'metric' as const,
      metricId: c.metricId,
      params: {},
      value: c.value,
      unit: c.unit,
      display: c.display,
    },
    subject: c.subject,
    section: c.section,
  }));
  return {
    imported,
    draft,
    score: Math.round(score * 100) / 100,
    numbers: pairNumbers(pastNumbers, mentions).map((p) => ({
      past: p.past,
      current: p.chip
        ? {
            display: p.chip.chip.display,
            value: p.chip.chip.value,
            unit: p.chip.chip.unit,
            subject: p.chip.subject,
            section: p.chip.section,
          }
        : null,
    })),
  };
}

export function alignedComparison(outline: StoredOutline, doc: ReportDocument) {
  const past = flattenSections(outline.sections ?? []).filter((s) => s.level <= 2);
  const listed = past.map((s) => s.path);
  const side = (path: string, s: ParsedSection | null) => pastSide(outline, listed, path, s);
  const blocks = draftBlocks(doc);
  const titled = blocks.slice(1);
  const pairs = alignBlocks(
    past.map((s) => ({ heading: s.heading, level: s.level })),
    titled.map((b) => ({ heading: b.section!.heading, level: b.section!.level })),
  );
  const pastBlock = (head: number, subs: number[]) => ({
    ...side(past[head]!.path, past[head]!),
    subsections: subs.map((i) => side(past[i]!.path, past[i]!)),
  });
  const draftBlock = (head: number, subs: number[]) => ({
    ...draftSide(titled[head]!),
    subsections: subs.map((i) => draftSide(titled[i]!)),
  });
  return [
    comparisonRow(
      { ...side('', null), subsections: [] },
      { ...draftSide(blocks[0]!), subsections: [] },
      1,
    ),
    ...pairs.map((p) =>
      comparisonRow(
        p.left === null ? null : pastBlock(p.left.head, p.left.subsections),
        p.right === null ? null : draftBlock(p.right.head, p.right.subsections),
        p.score,
      ),
    ),
  ];
}
