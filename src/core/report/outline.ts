/**
 * 章节结构编辑 — pure operations on a report's outline (the flat, ordered section list whose
 * levels form the 一、（一）1. tree): add a section or subsection, rename, delete, move up or down
 * among its siblings, and restore an earlier outline for undo. Every operation returns a new
 * document and leaves the paragraphs (text and number chips) of all other sections untouched.
 * Type-only model imports: the web editor shares this file without pulling in zod.
 */
import type { ReportDocument, Section, SectionKind } from './model.ts';
import { stripHeadingMarker } from './numbering.ts';

/** Deepest level the editor offers (1.); level 4 items (（1）) come only from drafts and imports. */
export const MAX_EDIT_LEVEL = 3;

const indexOf = (doc: ReportDocument, id: string) => doc.sections.findIndex((s) => s.id === id);

/** End (exclusive) of the subtree starting at `index`: the section and every deeper one after it. */
export function subtreeEnd(sections: readonly Section[], index: number): number {
  const level = sections[index]!.level;
  let end = index + 1;
  // The untitled opening (level 0) owns no subsections.
  if (level === 0) return end;
  while (end < sections.length && sections[end]!.level > level) end++;
  return end;
}

/** The nearest section above `index` with a lower level, if any. */
export function parentIndex(sections: readonly Section[], index: number): number {
  const level = sections[index]!.level;
  for (let i = index - 1; i >= 0; i--)
    if (sections[i]!.level < level && sections[i]!.level > 0) return i;
  return -1;
}

/** A section id not used in the document: `base`, else `base-2`, `base-3`… */
export function uniqueSectionId(doc: ReportDocument, base: string): string {
  const used = new Set(doc.sections.map((s) => s.id));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

export interface NewSection {
  id: string;
  heading: string;
  /** Kind of a new top-level section (学/职/廉…); subsections take their parent's. */
  kind?: SectionKind;
}

export type Placement = 'sibling' | 'child';

/**
 * Adds a section after `refId`'s subtree: a sibling at the same level, or a subsection one level
 * deeper (its last child). After the untitled opening a sibling is a top-level 一、 section.
 * A subsection belongs to its parent's part of the template (kind, template section, portfolio),
 * so lint counts its text towards that part.
 */
export function addSection(
  doc: ReportDocument,
  refId: string,
  placement: Placement,
  input: NewSection,
): ReportDocument {
  const at = indexOf(doc, refId);
  if (at < 0) return doc;
  if (doc.sections.some((s) => s.id === input.id))
    throw new Error(`duplicate section id ${input.id}`);
  const ref = doc.sections[at]!;
  const level = placement === 'child' ? ref.level + 1 : Math.max(1, ref.level);
  if (level > MAX_EDIT_LEVEL) return doc;
  const parent = placement === 'child' ? ref : doc.sections[parentIndex(doc.sections, at)];
  const inherited: Partial<Section> =
    parent && level > 1
      ? {
          kind: parent.kind,
          ...(parent.covers ? { covers: parent.covers } : {}),
          ...(parent.templateSectionId ? { templateSectionId: parent.templateSectionId } : {}),
          ...(parent.portfolio ? { portfolio: parent.portfolio } : {}),
        }
      : { kind: input.kind ?? 'custom' };
  const section: Section = {
    id: input.id,
    level,
    heading: stripHeadingMarker(input.heading),
    kind: 'custom',
    ...inherited,
    paragraphs: [],
  };
  const end = subtreeEnd(doc.sections, at);
  return { ...doc, sections: [...doc.sections.slice(0, end), section, ...doc.sections.slice(end)] };
}

export function renameSection(doc: ReportDocument, id: string, heading: string): ReportDocument {
  const clean = stripHeadingMarker(heading);
  return {
    ...doc,
    sections: doc.sections.map((s) => (s.id === id && s.level > 0 ? { ...s, heading: clean } : s)),
  };
}

/** What deleting a section takes with it, so the editor can say so before asking. */
export function subtreeContent(
  doc: ReportDocument,
  id: string,
): { sections: number; paragraphs: number; chips: number } {
  const at = indexOf(doc, id);
  if (at < 0) return { sections: 0, paragraphs: 0, chips: 0 };
  const subtree = doc.sections.slice(at, subtreeEnd(doc.sections, at));
  const paragraphs = subtree.flatMap((s) => s.paragraphs);
  return {
    sections: subtree.length,
    paragraphs: paragraphs.length,
    chips: paragraphs.reduce((n, p) => n + p.inlines.filter((i) => i.type === 'metric').length, 0),
  };
}

/** Deletes a section with its subsections. The opening (untitled, level 0) stays. */
export function removeSection(doc: ReportDocument, id: string): ReportDocument {
  const at = indexOf(doc, id);
  if (at < 0 || doc.sections[at]!.level === 0) return doc;
  const end = subtreeEnd(doc.sections, at);
  return { ...doc, sections: [...doc.sections.slice(0, at), ...doc.sections.slice(end)] };
}

/** Start index of the sibling subtree before / after the one at `index`, or -1. */
function siblingIndex(
  sections: readonly Section[],
  index: number,
  direction: 'up' | 'down',
): number {
  const level = sections[index]!.level;
  if (level === 0) return -1;
  if (direction === 'down') {
    const next = subtreeEnd(sections, index);
    return next < sections.length && sections[next]!.level === level ? next : -1;
  }
  for (let i = index - 1; i >= 0; i--) {
    const l = sections[i]!.level;
    if (l === level) return i;
    if (l < level) return -1; // reached the parent (or the opening): no sibling above
  }
  return -1;
}

export function canMoveSection(doc: ReportDocument, id: string, direction: 'up' | 'down'): boolean {
  const at = indexOf(doc, id);
  return at >= 0 && siblingIndex(doc.sections, at, direction) >= 0;
}

/** Swaps a section (with its subsections) with its previous or next sibling; else unchanged. */
export function moveSection(
  doc: ReportDocument,
  id: string,
  direction: 'up' | 'down',
): ReportDocument {
  const at = indexOf(doc, id);
  if (at < 0) return doc;
  const other = siblingIndex(doc.sections, at, direction);
  if (other < 0) return doc;
  const [first, second] = direction === 'up' ? [other, at] : [at, other];
  const s = doc.sections;
  const secondEnd = subtreeEnd(s, second);
  return {
    ...doc,
    sections: [
      ...s.slice(0, first),
      ...s.slice(second, secondEnd),
      ...s.slice(first, second),
      ...s.slice(secondEnd),
    ],
  };
}

/**
 * Undo of an outline change: the earlier outline (order, levels, headings, sections present),
 * with the text typed since kept for every section that exists in both.
 */
export function restoreOutline(current: ReportDocument, earlier: ReportDocument): ReportDocument {
  const now = new Map(current.sections.map((s) => [s.id, s]));
  return {
    ...current,
    sections: earlier.sections.map((s) => ({
      ...s,
      paragraphs: now.get(s.id)?.paragraphs ?? s.paragraphs,
    })),
  };
}
