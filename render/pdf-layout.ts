/**
 * Where LibreOffice put the text of a PDF, read with pdf.js: one item per run of one font (so a
 * figure in Times New Roman is an item of its own between Chinese items), with its page, baseline
 * and horizontal extent in points. Used by the layout checks (layout.render.ts) and the samples.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface TextItem {
  page: number;
  str: string;
  x: number;
  /** Baseline, from the bottom of the page. */
  y: number;
  width: number;
  size: number;
}

export interface Line {
  page: number;
  y: number;
  items: TextItem[];
  text: string;
}

export interface OutlineEntry {
  title: string;
  children: OutlineEntry[];
}

async function open(pdf: Uint8Array) {
  return getDocument({ data: new Uint8Array(pdf), verbosity: 0, useSystemFonts: false }).promise;
}

/** Every non-empty text item of every page, in reading order. */
export async function pdfTextItems(pdf: Uint8Array): Promise<TextItem[]> {
  const doc = await open(pdf);
  const out: TextItem[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    for (const it of content.items) {
      if (!('str' in it) || it.str.replace(/[\u200b\u2060]/gu, '') === '') continue;
      const [a, , , d, x, y] = it.transform as number[];
      out.push({ page: p, str: it.str, x: x!, y: y!, width: it.width, size: Math.abs(d ?? a!) });
    }
  }
  await doc.destroy();
  return out;
}

/** The PDF's bookmarks (LibreOffice writes one per heading with an outline level). */
export async function pdfOutline(pdf: Uint8Array): Promise<OutlineEntry[]> {
  const doc = await open(pdf);
  type Node = { title: string; items: Node[] };
  const walk = (nodes: Node[] | null): OutlineEntry[] =>
    (nodes ?? []).map((n) => ({ title: n.title, children: walk(n.items) }));
  const outline = walk((await doc.getOutline()) as Node[] | null);
  await doc.destroy();
  return outline;
}

/** Items grouped into lines (same page, baselines within 1 pt), left to right. */
export function linesOf(items: readonly TextItem[]): Line[] {
  const lines: Line[] = [];
  for (const it of items) {
    const line = lines.find((l) => l.page === it.page && Math.abs(l.y - it.y) < 1);
    if (line) line.items.push(it);
    else lines.push({ page: it.page, y: it.y, items: [it], text: '' });
  }
  for (const l of lines) {
    l.items.sort((a, b) => a.x - b.x);
    l.text = l.items.map((i) => i.str).join('');
  }
  return lines.sort((a, b) => a.page - b.page || b.y - a.y);
}

const CJK = /\p{Script=Han}/u;
const FIGURE = /^[0-9][0-9.%]*$/u;
/** Points: a grid cell is at most 15.8 pt, a table cell boundary much more. */
const NEIGHBOUR = 24;

/** A figure set between Chinese letters, with the white space before and after it in points. */
export interface FigureGap {
  figure: string;
  line: string;
  page: number;
  /** From the end of the Chinese letter before to the figure (null: none on that side). */
  before: number | null;
  /** From the figure to the Chinese letter after it. */
  after: number | null;
  /** What justification adds after each Chinese letter on this line. */
  justify: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * The space justification adds after each Chinese letter of a line: the extra advance of its
 * longest Chinese item over `pitch`, or the gap between Chinese items where pdf.js split a widely
 * spaced line into single letters, whichever is larger.
 */
export function justifySpace(line: Line, pitch: number): number {
  const isChinese = (i: TextItem) => CJK.test(i.str) && !FIGURE.test(i.str);
  // pdf.js writes ASCII spaces into an item where its letters stand apart: not characters.
  const count = (i: TextItem) => [...i.str.replace(/ /gu, '')].length;
  const chinese = line.items.filter(isChinese);
  const widest = [...chinese].sort((a, b) => count(b) - count(a))[0];
  const inside = widest ? widest.width / count(widest) - pitch : 0;
  const text = line.items.filter((i) => i.str.replace(/ /gu, '') !== '');
  const gaps = text
    .slice(1)
    .map((it, i) => [text[i]!, it] as const)
    .filter(([a, b]) => isChinese(a) && isChinese(b))
    .map(([a, b]) => b.x - (a.x + a.width));
  return Math.max(0, inside, median(gaps.filter((g) => g < NEIGHBOUR)));
}

/**
 * Every figure item next to a Chinese letter on the same line, where `source` (the document's
 * text) has the two side by side: a real space between them (a full-width space between “表1”
 * and “各村”) is not counted.
 */
export function figureGaps(items: readonly TextItem[], pitch: number, source: string): FigureGap[] {
  const out: FigureGap[] = [];
  for (const line of linesOf(items)) {
    const justify = justifySpace(line, pitch);
    // pdf.js adds an item of ASCII spaces where it sees a gap: not text, skip it.
    const text = line.items.filter((i) => i.str.replace(/ /gu, '') !== '');
    text.forEach((it, i) => {
      if (!FIGURE.test(it.str)) return;
      const prev = text[i - 1];
      const next = text[i + 1];
      // The white space from item a to item b, when `letter` (the Chinese side) is a letter and
      // the document has `pair` without a space.
      const gap = (a?: TextItem, b?: TextItem, letter = '', pair = '') => {
        if (!a || !b || !CJK.test(letter) || !source.includes(pair)) return null;
        const space = b.x - (a.x + a.width);
        return space < NEIGHBOUR ? space : null;
      };
      const last = prev?.str.slice(-1) ?? '';
      const first = next?.str[0] ?? '';
      const before = gap(prev, it, last, `${last}${it.str}`);
      const after = gap(it, next, first, `${it.str}${first}`);
      if (before !== null || after !== null)
        out.push({ figure: it.str, line: line.text, page: line.page, before, after, justify });
    });
  }
  return out;
}
