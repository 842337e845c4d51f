/**
 * Hand-typed numbers of a section, and finding one again after edits. Lint reports a number it
 * cannot trace by its offset in the *saved* section text; when the author has typed since (unsaved
 * edits), 改为引用指标 must still replace that number and not whatever now sits at the old offset.
 * Only type imports from the model, so the editor can use this without the schemas.
 */
import type { Inline, Section } from './model.ts';
import { extractNumbers, type NumberMention } from './parse-numbers.ts';

const inlineLength = (i: Inline) => (i.type === 'text' ? i.text.length : i.display.length);

/** A section's plain text as lint sees it: chips by their display, paragraphs joined by "\n". */
function plainText(s: Section): string {
  return s.paragraphs
    .map((p) => p.inlines.map((i) => (i.type === 'text' ? i.text : i.display)).join(''))
    .join('\n');
}

/** Every inline of a section with its offset in the section's plain text. */
export function inlinesWithOffsets(s: Section): Array<{ inline: Inline; offset: number }> {
  const out: Array<{ inline: Inline; offset: number }> = [];
  let at = 0;
  for (const p of s.paragraphs) {
    for (const inline of p.inlines) {
      out.push({ inline, offset: at });
      at += inlineLength(inline);
    }
    at += 1; // the "\n" between paragraphs
  }
  return out;
}

/** Numbers typed into the section's text runs (never a chip), offsets in the section text. */
export function typedNumbers(s: Section): NumberMention[] {
  return inlinesWithOffsets(s).flatMap(({ inline, offset }) =>
    inline.type === 'text' ? extractNumbers(inline.text, offset) : [],
  );
}

/** How many characters either side of a number are compared when looking for it again. */
const CONTEXT = 12;

function sharedSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function sharedPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Where the number `flagged` (found by lint at `offset` in the saved section) now is in the current
 * section: among the current hand-typed numbers with the same text, the one whose neighbouring
 * characters agree most with the saved ones (ties: the nearest to the old offset). null when the
 * number is gone — deleted, retyped, or already a chip.
 */
export function relocateTypedNumber(
  saved: Section | undefined,
  current: Section,
  flagged: { offset: number; text: string },
): number | null {
  const before = saved
    ? plainText(saved).slice(Math.max(0, flagged.offset - CONTEXT), flagged.offset)
    : '';
  const end = flagged.offset + flagged.text.length;
  const after = saved ? plainText(saved).slice(end, end + CONTEXT) : '';
  const text = plainText(current);
  let best: { offset: number; score: number; distance: number } | null = null;
  for (const n of typedNumbers(current)) {
    if (n.raw !== flagged.text) continue;
    const score =
      sharedSuffix(before, text.slice(Math.max(0, n.offset - CONTEXT), n.offset)) +
      sharedPrefix(after, text.slice(n.offset + n.raw.length, n.offset + n.raw.length + CONTEXT));
    const distance = Math.abs(n.offset - flagged.offset);
    if (!best || score > best.score || (score === best.score && distance < best.distance))
      best = { offset: n.offset, score, distance };
  }
  return best?.offset ?? null;
}
