/**
 * Pure conversion between the stored report document (sections → paragraphs → text runs and
 * metric chips) and the tiptap JSON of one section's editor. Chips become `metricChip` atom nodes
 * whose attrs are the chip fields, so they survive edits unchanged. No React, no tiptap import.
 */
import type { Inline, MetricChip, ReportDocument, ReportParagraph } from '../../api/reports.ts';

export interface ChipAttrs {
  metricId: string;
  params: Record<string, unknown>;
  value: number | null;
  unit: string;
  display: string;
}

export interface TiptapNode {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  content?: TiptapNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

export const CHIP_NODE = 'metricChip';

export function chipToAttrs(chip: MetricChip): ChipAttrs {
  return {
    metricId: chip.metricId,
    params: chip.params,
    value: chip.value,
    unit: chip.unit,
    display: chip.display,
  };
}

export function attrsToChip(attrs: Record<string, unknown>): MetricChip {
  return {
    type: 'metric',
    metricId: String(attrs.metricId ?? ''),
    params: (attrs.params && typeof attrs.params === 'object' ? attrs.params : {}) as Record<
      string,
      unknown
    >,
    value: typeof attrs.value === 'number' ? attrs.value : null,
    unit: String(attrs.unit ?? ''),
    display: String(attrs.display ?? ''),
  };
}

function inlineToNode(inline: Inline): TiptapNode | null {
  if (inline.type === 'text')
    return inline.text === '' ? null : { type: 'text', text: inline.text };
  return { type: CHIP_NODE, attrs: { ...chipToAttrs(inline) } };
}

/** One section's paragraphs as a tiptap document (at least one paragraph, as tiptap requires). */
export function paragraphsToTiptap(paragraphs: readonly ReportParagraph[]): TiptapNode {
  const content = paragraphs.map((p) => {
    const nodes = p.inlines.map(inlineToNode).filter((n): n is TiptapNode => n !== null);
    return nodes.length ? { type: 'paragraph', content: nodes } : { type: 'paragraph' };
  });
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}

/** Collects inline nodes of a block, merging adjacent text; a hard break becomes a space. */
function collectInlines(node: TiptapNode, out: Inline[]): void {
  for (const child of node.content ?? []) {
    if (child.type === 'text') {
      const text = child.text ?? '';
      const last = out[out.length - 1];
      if (last?.type === 'text') last.text += text;
      else if (text !== '') out.push({ type: 'text', text });
    } else if (child.type === CHIP_NODE) {
      out.push(attrsToChip(child.attrs ?? {}));
    } else if (child.type === 'hardBreak') {
      const last = out[out.length - 1];
      if (last?.type === 'text') last.text += ' ';
      else out.push({ type: 'text', text: ' ' });
    } else {
      collectInlines(child, out); // unexpected wrappers: keep their inline content
    }
  }
}

/** A section editor's JSON back to stored paragraphs; empty paragraphs are dropped. */
export function tiptapToParagraphs(doc: TiptapNode): ReportParagraph[] {
  const paragraphs: ReportParagraph[] = [];
  for (const block of doc.content ?? []) {
    const inlines: Inline[] = [];
    if (block.type === CHIP_NODE || block.type === 'text')
      collectInlines({ type: 'wrap', content: [block] }, inlines);
    else collectInlines(block, inlines);
    if (inlines.some((i) => i.type === 'metric' || i.text.trim() !== ''))
      paragraphs.push({ inlines });
  }
  return paragraphs;
}

export function withSectionParagraphs(
  doc: ReportDocument,
  sectionId: string,
  paragraphs: ReportParagraph[],
): ReportDocument {
  return {
    ...doc,
    sections: doc.sections.map((s) => (s.id === sectionId ? { ...s, paragraphs } : s)),
  };
}

/** Stable identity of a chip's metric reference (same as the server's metricKey). */
export function chipKey(chip: Pick<ChipAttrs, 'metricId' | 'params'>): string {
  const sorted = Object.keys(chip.params)
    .sort()
    .map((k) => [k, chip.params[k]]);
  return `${chip.metricId}:${JSON.stringify(sorted)}`;
}

/** Index (reading order) of the first chip with this reference in a stored document, or -1. */
export function chipIndex(
  doc: ReportDocument,
  chip: Pick<ChipAttrs, 'metricId' | 'params'>,
): number {
  const key = chipKey(chip);
  let n = 0;
  for (const s of doc.sections) {
    for (const p of s.paragraphs) {
      for (const i of p.inlines) {
        if (i.type !== 'metric') continue;
        if (chipKey(i) === key) return n;
        n++;
      }
    }
  }
  return -1;
}

export function countChips(doc: ReportDocument): number {
  return doc.sections.reduce(
    (n, s) =>
      n + s.paragraphs.reduce((m, p) => m + p.inlines.filter((i) => i.type === 'metric').length, 0),
    0,
  );
}

/** Characters a node contributes to the section's plain text (as the server's lint counts them). */
function textLength(n: TiptapNode): number {
  if (n.type === 'text') return (n.text ?? '').length;
  if (n.type === CHIP_NODE) return String(n.attrs?.display ?? '').length;
  return n.type === 'hardBreak' ? 1 : 0;
}

/**
 * The editor positions of the text a lint issue points at (an offset in the section's plain text,
 * paragraphs joined by "\n"), when it lies inside one text node; null otherwise. Positions count
 * ProseMirror's way: each paragraph opens with 1, text by characters, an atom chip as 1.
 */
export function editorRange(
  doc: TiptapNode,
  offset: number,
  length: number,
): { from: number; to: number } | null {
  let chars = 0;
  let pos = 0;
  for (const block of doc.content ?? []) {
    pos += 1; // into the paragraph
    for (const n of block.content ?? []) {
      const len = textLength(n);
      if (n.type === 'text' && offset >= chars && offset + length <= chars + len) {
        const from = pos + (offset - chars);
        return { from, to: from + length };
      }
      chars += len;
      pos += n.type === 'text' ? len : 1;
    }
    pos += 1; // out of the paragraph
    chars += 1; // the "\n" between paragraphs
  }
  return null;
}
