/**
 * Importer for past duty reports as plain text: title, heading tree (一、 / （一） / 1. / 一是 items),
 * counted numbers and placeholders, each located by section path and character offset.
 */
import { parseChineseNumeral } from './numerals.ts';
import { extractNumbers, type NumberMention } from './parse-numbers.ts';

export interface ParsedParagraph {
  text: string;
  /** Offset of the paragraph's first character in `ParsedReport.text`. */
  offset: number;
}

/** One heading of a past report; level 4 are 一是/二是 items found inside paragraphs. */
export interface ParsedSection {
  level: 1 | 2 | 3 | 4;
  marker: string;
  ordinal: number;
  heading: string;
  /** e.g. "四/（二）" or "二/三是": the markers from the top, used to locate numbers and placeholders. */
  path: string;
  offset: number;
  end: number;
  paragraphs: ParsedParagraph[];
  children: ParsedSection[];
}

export interface LocatedNumber extends NumberMention {
  sectionPath: string;
}

export type PlaceholderKind = 'asterisk' | 'xx' | 'cross' | 'someone' | 'todo';

/** 占位符 — a gap the author never filled: `**`, `XX`, `×`, `某某`, or our own 【待补充…】. */
export interface PlaceholderMention {
  token: string;
  kind: PlaceholderKind;
  offset: number;
  sectionPath: string;
  context: string;
}

export interface ParsedReport {
  /** The input with line endings normalised; all offsets point into it. */
  text: string;
  title: string | null;
  preamble: ParsedParagraph[];
  sections: ParsedSection[];
  numbers: LocatedNumber[];
  placeholders: PlaceholderMention[];
}

const CN = '[一二三四五六七八九十]+';
const HEADING_RES: Array<{ level: 1 | 2 | 3; re: RegExp }> = [
  { level: 1, re: new RegExp(`^(${CN})、\\s*`, 'u') },
  { level: 2, re: new RegExp(`^[（(]\\s*(${CN})\\s*[）)]\\s*`, 'u') },
  { level: 3, re: /^(\d{1,2})[.．、](?!\d)\s*/u },
];
export const PLACEHOLDER_RE = /\*+|(?<![A-Za-z])[XxＸ]{2,}(?![A-Za-z])|×+|某某|【待补充[^】]*】/gu;

function placeholderKind(token: string): PlaceholderKind {
  if (token.startsWith('*')) return 'asterisk';
  if (token.startsWith('×')) return 'cross';
  if (token === '某某') return 'someone';
  if (token.startsWith('【')) return 'todo';
  return 'xx';
}

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

function pathPart(level: number, numeral: string): string {
  return level === 2 ? `（${numeral}）` : numeral;
}

function detectTitle(lines: Array<{ text: string }>): number {
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

interface Builder {
  roots: ParsedSection[];
  stack: ParsedSection[];
  preamble: ParsedParagraph[];
}

function openSection(b: Builder, level: 1 | 2 | 3, numeral: string, rest: string, offset: number) {
  while (b.stack.length > 0 && b.stack[b.stack.length - 1]!.level >= level) b.stack.pop();
  const parent = b.stack[b.stack.length - 1];
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
    children: [],
  };
  (parent ? parent.children : b.roots).push(node);
  b.stack.push(node);
  // Offset of a run-in body is fixed by the caller, which knows the whole line.
  if (body !== '') node.paragraphs.push({ text: body, offset });
}

function buildTree(text: string): { title: string | null; b: Builder } {
  const lines = splitLines(text);
  const titleIdx = detectTitle(lines);
  const b: Builder = { roots: [], stack: [], preamble: [] };
  // A marker alone on its line ("（一）") takes the next short line as its heading.
  let awaitingHeading: ParsedSection | null = null;
  lines.forEach((line, i) => {
    const trimmed = line.text.trim();
    if (i === titleIdx || trimmed === '') return;
    const lead = line.text.length - line.text.trimStart().length;
    const start = line.offset + lead;
    const pending = awaitingHeading;
    awaitingHeading = null;
    if (pending && trimmed.length <= 40 && !HEADING_RES.some((h) => h.re.test(trimmed))) {
      pending.heading = splitHeading(trimmed).heading;
      return;
    }
    for (const { level, re } of HEADING_RES) {
      const m = re.exec(trimmed);
      if (!m) continue;
      if (level === 3 && b.stack.length === 0) break; // "1." before any 一、 is body text
      openSection(b, level, m[1]!, trimmed.slice(m[0].length), start);
      const node = b.stack[b.stack.length - 1]!;
      const body = node.paragraphs[0];
      if (body) body.offset = start + trimmed.lastIndexOf(body.text);
      if (node.heading === '') awaitingHeading = node;
      return;
    }
    const para = { text: trimmed, offset: start };
    const current = b.stack[b.stack.length - 1];
    (current ? current.paragraphs : b.preamble).push(para);
  });
  return { title: titleIdx >= 0 ? lines[titleIdx]!.text.trim() : null, b };
}

const ITEM_RE = /(?<=^|[。；;：:！？，,\s”])([一二三四五六七八九十]+)是/gu;

/** 一是…二是… inside a section's paragraphs become level-4 children, in sequence. */
function findItems(section: ParsedSection): ParsedSection[] {
  const items: ParsedSection[] = [];
  let expected = 1;
  for (const p of section.paragraphs) {
    for (const m of p.text.matchAll(ITEM_RE)) {
      const n = parseChineseNumeral(m[1]!);
      if (n === null || (n !== expected && n !== 1)) continue;
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
        path: `${section.path}/${m[0]}`,
        offset,
        end: p.offset + p.text.length,
        paragraphs: [],
        children: [],
      });
    }
  }
  return items;
}

function finish(nodes: ParsedSection[], end: number): void {
  nodes.forEach((node, i) => {
    node.end = nodes[i + 1]?.offset ?? end;
    finish(node.children, node.end);
    if (node.level < 4) node.children.push(...findItems(node));
  });
}

export function flattenSections(nodes: readonly ParsedSection[]): ParsedSection[] {
  return nodes.flatMap((n) => [n, ...flattenSections(n.children)]);
}

function locate(nodes: readonly ParsedSection[], offset: number): string {
  let path = '';
  for (const n of flattenSections(nodes)) {
    if (offset >= n.offset && offset < n.end && n.path.length >= path.length) path = n.path;
  }
  return path;
}

/** Parses a past report; never throws on odd input — unknown shapes become paragraphs. */
export function parseReportText(input: string): ParsedReport {
  const text = input.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  const { title, b } = buildTree(text);
  finish(b.roots, text.length);
  const numbers = extractNumbers(text).map((n) => ({
    ...n,
    sectionPath: locate(b.roots, n.offset),
  }));
  const placeholders = [...text.matchAll(PLACEHOLDER_RE)].map((m) => ({
    token: m[0],
    kind: placeholderKind(m[0]),
    offset: m.index,
    sectionPath: locate(b.roots, m.index),
    context: text.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12).replace(/\n/gu, ' '),
  }));
  return { text, title, preamble: b.preamble, sections: b.roots, numbers, placeholders };
}
