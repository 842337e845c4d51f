/**
 * 往年对照 by heading: the past report's headings (一、 and （一）) lined up with the draft's by what
 * they say (core `alignHeadings`), each side with its numbers — last year's stated numbers next to
 * this year's chips, paired by unit and what was counted — and last year's unfilled placeholders.
 */
import { alignHeadings, chipMentions, pairNumbers } from '../../core/report/align.ts';
import type { ReportDocument, Section } from '../../core/report/model.ts';
import { headingMarkers } from '../../core/report/numbering.ts';
import { flattenSections, type ParsedSection, type PlaceholderMention } from '../../core/report/parse.ts';

interface StoredNumber { raw: string; value: number | null; unit: string; subject: string; sectionPath: string; placeholder: boolean }
export interface StoredOutline {
  preamble: Array<{ text: string }>;
  sections: ParsedSection[];
  numbers: StoredNumber[];
  placeholders: PlaceholderMention[];
}

/** Deepest listed heading containing `path` ('' = the preamble). */
function owner(listed: readonly string[], path: string): string {
  return listed.filter((p) => p !== '' && (path === p || path.startsWith(`${p}/`))).sort((a, b) => b.length - a.length)[0] ?? '';
}

interface DraftBlock { section: Section | null; marker: string; sections: Section[] }

/** Draft sections down to （一）, each with the deeper sections under it; the opening first. */
function draftBlocks(doc: ReportDocument): DraftBlock[] {
  const markers = headingMarkers(doc.sections);
  const blocks: DraftBlock[] = [{ section: null, marker: '', sections: [] }];
  doc.sections.forEach((s, i) => {
    if (s.level >= 1 && s.level <= 2 && s.heading !== '') blocks.push({ section: s, marker: markers[i]!, sections: [s] });
    else blocks[blocks.length - 1]!.sections.push(s);
  });
  return blocks;
}

export function alignedComparison(outline: StoredOutline, doc: ReportDocument) {
  const past = flattenSections(outline.sections ?? []).filter((s) => s.level <= 2);
  const listed = past.map((s) => s.path);
  const numbersOf = (path: string) => outline.numbers.filter((n) => owner(listed, n.sectionPath) === path);
  const placeholdersOf = (path: string) => outline.placeholders.filter((p) => owner(listed, p.sectionPath) === path);
  const blocks = draftBlocks(doc);
  const titled = blocks.slice(1);
  const pairs = alignHeadings(
    past.map((s) => ({ heading: s.heading, level: s.level })),
    titled.map((b) => ({ heading: b.section!.heading, level: b.section!.level })),
  );
  const side = (path: string, s: ParsedSection | null) => ({
    path, marker: s?.marker ?? '', heading: s?.heading ?? '开头', level: s?.level ?? 0,
    numbers: numbersOf(path).map((n) => ({ raw: n.raw, value: n.value, unit: n.unit, subject: n.subject, placeholder: n.placeholder })),
    placeholders: placeholdersOf(path).map((p) => ({ token: p.token, context: p.context })),
  });
  const draftSide = (b: DraftBlock) => ({
    sectionId: b.section?.id ?? b.sections[0]?.id ?? null, marker: b.marker, heading: b.section?.heading ?? '开头', level: b.section?.level ?? 0,
    chips: chipMentions(b.sections.flatMap((s) => s.paragraphs)).map((c) => ({ display: c.chip.display, value: c.chip.value, unit: c.chip.unit, metricId: c.chip.metricId, subject: c.subject })),
  });
  const row = (imported: ReturnType<typeof side> | null, draft: ReturnType<typeof draftSide> | null, score: number) => ({
    imported, draft, score: Math.round(score * 100) / 100,
    numbers: pairNumbers(imported?.numbers ?? [], (draft?.chips ?? []).map((c) => ({ chip: { type: 'metric' as const, metricId: c.metricId, params: {}, value: c.value, unit: c.unit, display: c.display }, subject: c.subject })))
      .map((p) => ({ past: p.past, current: p.chip ? { display: p.chip.chip.display, value: p.chip.chip.value, unit: p.chip.chip.unit, subject: p.chip.subject } : null })),
  });
  return [
    row(side('', null), draftSide(blocks[0]!), 1),
    ...pairs.map((p) => row(
      p.left === null ? null : side(past[p.left]!.path, past[p.left]!),
      p.right === null ? null : draftSide(titled[p.right]!),
      p.score,
    )),
  ];
}
