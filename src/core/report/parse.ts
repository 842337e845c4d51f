/**
 * Importer for past duty reports as plain text: title, heading tree (一、 / （一） / 1. / 一是 items;
 * parse-tree.ts), counted numbers, placeholders left unfilled and redactions, each located by
 * section path and character offset.
 */
import { extractNumbers, type NumberMention } from './parse-numbers.ts';
import { buildTree, finish } from './parse-tree.ts';

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
  /** Paragraphs after the subsections that close this section ("此外，…：一是…"). */
  trailing: ParsedParagraph[];
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

/** 脱敏 — a single `*` standing for a name or place the report hides (如“*村”), not a gap. */
export interface RedactionMention {
  token: '*';
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
  /** Paragraphs after the last section that close the report ("以上述职，请予评议。"). */
  closing: ParsedParagraph[];
  numbers: LocatedNumber[];
  placeholders: PlaceholderMention[];
  redactions: RedactionMention[];
}

/** Placeholders: two or more `*`, XX, ×, 某某, 【待补充…】 (a single `*` is a redaction). */
export const PLACEHOLDER_RE =
  /\*{2,}|(?<![A-Za-z])[XxＸ]{2,}(?![A-Za-z])|×+|某某|【待补充[^】]*】/gu;
const REDACTION_RE = /(?<!\*)\*(?!\*)/gu;

function placeholderKind(token: string): PlaceholderKind {
  if (token.startsWith('*')) return 'asterisk';
  if (token.startsWith('×')) return 'cross';
  if (token === '某某') return 'someone';
  if (token.startsWith('【')) return 'todo';
  return 'xx';
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

const contextAt = (text: string, at: number, length: number) =>
  text.slice(Math.max(0, at - 12), at + length + 12).replace(/\n/gu, ' ');

/** "3×5" is a product, not a placeholder. */
const isProduct = (text: string, m: RegExpMatchArray) =>
  m[0].startsWith('×') &&
  /\d/u.test(text[m.index! - 1] ?? '') &&
  /\d/u.test(text[m.index! + m[0].length] ?? '');

/** Parses a past report; never throws on odd input — unknown shapes become paragraphs. */
export function parseReportText(input: string): ParsedReport {
  // Zero-width characters (our own Word export joins figures to Chinese with U+200B) are not text.
  const text = input.replace(/[\u200b\u2060\ufeff]/gu, '').replace(/\r\n?/gu, '\n');
  const { title, b } = buildTree(text);
  finish(b.roots, b.closing[0]?.offset ?? text.length);
  const at = (offset: number) => locate(b.roots, offset);
  const numbers = extractNumbers(text).map((n) => ({ ...n, sectionPath: at(n.offset) }));
  const placeholders = [...text.matchAll(PLACEHOLDER_RE)]
    .filter((m) => !isProduct(text, m))
    .map((m) => ({
      token: m[0],
      kind: placeholderKind(m[0]),
      offset: m.index,
      sectionPath: at(m.index),
      context: contextAt(text, m.index, m[0].length),
    }));
  const redactions = [...text.matchAll(REDACTION_RE)].map((m) => ({
    token: '*' as const,
    offset: m.index,
    sectionPath: at(m.index),
    context: contextAt(text, m.index, 1),
  }));
  const { preamble, closing, roots: sections } = b;
  return { text, title, preamble, sections, closing, numbers, placeholders, redactions };
}
