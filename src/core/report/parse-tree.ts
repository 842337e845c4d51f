/**
 * The heading tree of a past report: 一、 / （一） / 1. headings line by line, paragraphs under the
 * heading they follow, closing paragraphs attached to the level they close, and 一是/二是 runs as
 * level-4 items, each run with its own path.
 */
import { parseChineseNumeral } from './numerals.ts';
import type { ParsedParagraph, ParsedSection } from './parse.ts';

const CN = '[一二三四五六七八九十]+';
export const HEADING_RES: Array<{ level: 1 | 2 | 3; re: RegExp }> = [
  { level: 1, re: new RegExp(`^(${CN})、\\s*`, 'u') },
  { level: 2, re: new RegExp(`^[（(]\\s*(${CN})\\s*[）)]\\s*`, 'u') },
  { level: 3, re: /^(\d{1,2})[.．、](?!\d)\s*/u },
];

/**
 * A paragraph that closes the section around the subsection it follows: "此外，…", "同时…",
 * "在抓好分管工作的同时，我还…：一是…", "总的来看…". After the last subsection it belongs to the
 * parent, not to that subsection.
 */
const CLOSING_CUE = new RegExp(
  [
    '^(?:此外|另外|同时|与此同时|除此之外|总的来看|总之|综上所述|综上|总体来看|总体而言)',
    '^除(?:此|上述|以上)[^，。]{0,12}(?:外|之外)',
    '^在(?:抓好|做好|完成|推进|落实)[^。]{0,20}(?:的同时|之外|以外)',
    '^(?:本人|我)?还(?:积极|认真|主动|牵头|承担|负责|参与|完成|协助)',
  ].join('|'),
  'u',
);

/** The end of the report itself: "以上述职，请予评议。", "述职人：…", a date line. */
const REPORT_END_CUE = new RegExp(
  [
    '^以上(?:是|为|就是)?(?:我|本人)?(?:的)?(?:述职|报告|汇报)',
    '^特此(?:报告|述职)',
    '^(?:请|恳请|敬请)[^。]{0,12}(?:审议|评议|指正)',
    '^不妥之处',
    '^述职人[：:]',
    '^\\d{4}年\\d{1,2}月\\d{1,2}日$',
  ].join('|'),
  'u',
);

/** Splits "扎实推进主题教育。一是…" into heading and run-in body. */
function splitHeading(rest: string): { heading: string; body: string } {
  const stop = rest.search(/[。：:]/u);
  if (stop >= 0 && stop <= 40) {
    return { heading: rest.slice(0, stop).trim(), body: rest.slice(stop + 1).trim() };
  }
  return { heading: rest.trim().replace(/[。；]$/u, ''), body: '' };
}

function markerOf(level: 1 | 2 | 3, numeral: string): string {
  if (level === 1) return `${numeral}、`;
  if (level === 2) return `（${numeral}）`;
  return `${numeral}.`;
}

const pathPart = (level: number, numeral: string) => (level === 2 ? `（${numeral}）` : numeral);

export function detectTitle(lines: Array<{ text: string }>): number {
  const idx = lines.findIndex((l) => l.text.trim() !== '');
  if (idx < 0) return -1;
  const first = lines[idx]!.text.trim();
  if (HEADING_RES.some((h) => h.re.test(first))) return -1;
  const nextBlank = (lines[idx + 1]?.text.trim() ?? '') === '';
  const looksTitle = first.length <= 40 && !/[。：:，,]$/u.test(first) && !first.includes('。');
  return looksTitle && (/述职|报告|总结/u.test(first) || nextBlank) ? idx : -1;
}

function splitLines(text: string): Array<{ text: string; offset: number }> {
  const out: Array<{ text: string; offset: number }> = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    out.push({ text: line, offset });
    offset += line.length + 1;
  }
  return out;
}

/**
 * Paragraphs taken out of a subsection on a closing cue: to its parent's trailing paragraphs, or
 * (`to` null) to the report's closing. A heading after them that is not higher than `from` shows
 * they were not closing after all, and they go back.
 */
interface Moved {
  from: ParsedSection;
  to: ParsedSection | null;
  paragraphs: ParsedParagraph[];
}

export interface Builder {
  roots: ParsedSection[];
  stack: ParsedSection[];
  preamble: ParsedParagraph[];
  closing: ParsedParagraph[];
  moved: Moved | null;
}

const top = (b: Builder) => b.stack[b.stack.length - 1];

function openSection(b: Builder, level: 1 | 2 | 3, numeral: string, rest: string, offset: number) {
  while (b.stack.length > 0 && top(b)!.level >= level) b.stack.pop();
  const parent = top(b);
  const { heading, body } = splitHeading(rest);
  const part = pathPart(level, numeral);
  const node: ParsedSection = {
    level,
    marker: markerOf(level, numeral),
    ordinal: level === 3 ? Number(numeral) : (parseChineseNumeral(numeral) ?? 0),
    heading,
    path: parent ? `${parent.path}/${part}` : part,
    offset,
    end: offset,
    paragraphs: [],
    trailing: [],
    children: [],
  };
  (parent ? parent.children : b.roots).push(node);
  b.stack.push(node);
  // Offset of a run-in body is fixed by the caller, which knows the whole line.
  if (body !== '') node.paragraphs.push({ text: body, offset });
}

/** Before a heading: paragraphs moved on a closing cue go back unless the heading is higher. */
function settleMoved(b: Builder, level: number): void {
  const moved = b.moved;
  b.moved = null;
  if (!moved) return;
  const stays = moved.to !== null && level <= moved.to.level;
  if (stays) return;
  const taken = moved.to ? moved.to.trailing : b.closing;
  taken.splice(taken.length - moved.paragraphs.length, moved.paragraphs.length);
  moved.from.paragraphs.push(...moved.paragraphs);
  if (moved.to) b.stack.push(moved.from);
}

function addParagraph(b: Builder, para: ParsedParagraph): void {
  const current = top(b);
  if (b.moved) {
    (b.moved.to ? b.moved.to.trailing : b.closing).push(para);
    b.moved.paragraphs.push(para);
  } else if (!current) {
    b.preamble.push(para);
  } else if (REPORT_END_CUE.test(para.text)) {
    b.moved = { from: current, to: null, paragraphs: [para] };
    b.closing.push(para);
  } else if (
    current.level >= 2 &&
    current.paragraphs.length + current.children.length > 0 &&
    CLOSING_CUE.test(para.text)
  ) {
    b.stack.pop();
    const parent = top(b)!;
    b.moved = { from: current, to: parent, paragraphs: [para] };
    parent.trailing.push(para);
  } else {
    current.paragraphs.push(para);
  }
}

export function buildTree(text: string): { title: string | null; b: Builder } {
  const lines = splitLines(text);
  const titleIdx = detectTitle(lines);
  const b: Builder = { roots: [], stack: [], preamble: [], closing: [], moved: null };
  // A marker alone on its line ("（一）") takes the next short line as its heading.
  let awaitingHeading: ParsedSection | null = null;
  lines.forEach((line, i) => {
    const trimmed = line.text.trim();
    if (i === titleIdx || trimmed === '') return;
    const start = line.offset + line.text.length - line.text.trimStart().length;
    const pending = awaitingHeading;
    awaitingHeading = null;
    if (pending && trimmed.length <= 40 && !HEADING_RES.some((h) => h.re.test(trimmed))) {
      pending.heading = splitHeading(trimmed).heading;
      return;
    }
    for (const { level, re } of HEADING_RES) {
      const m = re.exec(trimmed);
      if (!m) continue;
      if (level === 3 && b.stack.length === 0 && !b.moved) break; // "1." before any 一、 is text
      settleMoved(b, level);
      openSection(b, level, m[1]!, trimmed.slice(m[0].length), start);
      const node = top(b)!;
      const body = node.paragraphs[0];
      if (body) body.offset = start + trimmed.lastIndexOf(body.text);
      if (node.heading === '') awaitingHeading = node;
      return;
    }
    addParagraph(b, { text: trimmed, offset: start });
  });
  return { title: titleIdx >= 0 ? lines[titleIdx]!.text.trim() : null, b };
}

const ITEM_RE = /(?<=^|[。；;：:！？，,\s”])([一二三四五六七八九十]+)是/gu;

/**
 * 一是…二是… inside a section's paragraphs (its own, then its closing ones) become level-4
 * children in sequence. Every run that starts again at 一是 is a group of its own: the first keeps
 * the path "七/一是", the next "七/第2组一是", so two lists in one section never share a path.
 */
function findItems(section: ParsedSection): ParsedSection[] {
  const items: ParsedSection[] = [];
  let expected = 1;
  let run = 0;
  for (const p of [...section.paragraphs, ...section.trailing]) {
    for (const m of p.text.matchAll(ITEM_RE)) {
      const n = parseChineseNumeral(m[1]!);
      if (n === null || (n !== expected && n !== 1)) continue;
      if (n === 1) run++;
      expected = n + 1;
      const body = p.text.slice(m.index + m[0].length);
      const stop = body.search(/[。；;]/u);
      const prev = items[items.length - 1];
      const offset = p.offset + m.index;
      if (prev && prev.end > offset) {
        prev.end = offset;
        const room = Math.max(0, offset - prev.offset - prev.marker.length);
        prev.heading = prev.heading.slice(0, room).replace(/[，,]$/u, '');
      }
      items.push({
        level: 4,
        marker: m[0],
        ordinal: n,
        heading: (stop >= 0 ? body.slice(0, stop) : body).slice(0, 60),
        path: `${section.path}/${run > 1 ? `第${run}组` : ''}${m[0]}`,
        offset,
        end: p.offset + p.text.length,
        paragraphs: [],
        trailing: [],
        children: [],
      });
    }
  }
  return items;
}

/** Sets each section's end and finds its items; a section's closing paragraphs end its children. */
export function finish(nodes: ParsedSection[], end: number): void {
  nodes.forEach((node, i) => {
    node.end = nodes[i + 1]?.offset ?? end;
    finish(node.children, node.trailing[0]?.offset ?? node.end);
    if (node.level < 4) node.children.push(...findItems(node));
  });
}
