/**
 * The GB/T 9704 measures of the Word export and the runs every paragraph is made of, shared by the
 * duty report and the 分析通报 (appeal-analysis bulletin.render.ts).
 *
 * Why text is set off the character grid (measured with LibreOffice 7.4, render/layout.render.ts):
 * 28 characters of 16 pt do not fit the 156 mm line (448 pt > 442.2 pt), so the grid cell (15.8 pt)
 * is narrower than a glyph. LibreOffice then gives each glyph two cells unless it is scaled down,
 * pads every run of digits or Latin letters to whole cells (the gap after "14" in "14次", up to a
 * cell) and spreads a 22 pt title over two cells a character ("述 职 报 告"); a 32 pt first-line
 * indent took three cells. Off the grid (paragraph default `snapToGrid` off, see
 * export-docx-styles.ts) glyphs keep their own width, and a 0.35 pt tighter character pitch fits
 * 28 of them a line in Word and in LibreOffice (whose line in a character-grid section is 28 cells,
 * about 439.6 pt). The section keeps its 22 × 28 grid, which Word shows in 页面设置.
 *
 * Off the grid LibreOffice adds a fifth of the font size between Chinese and Latin letters or
 * digits ("Asian/non-Asian spacing"), which its Word import cannot switch off (it ignores
 * `w:autoSpaceDE`/`w:autoSpaceDN`); it adds none next to a character that is neither letter nor
 * digit, so a zero-width space (U+200B, a break opportunity that is there anyway between Chinese
 * and a figure) sits at each such boundary. Word gets `autoSpaceDE`/`autoSpaceDN` off instead.
 */
import { LineRuleType, TextRun } from 'docx';

const twipsFromMm = (mm: number) => Math.round((mm / 25.4) * 1440);

/** GB/T 9704-2012 §5.2: 版心 156 mm × 225 mm on A4, 22 lines of 28 characters in 3号 仿宋. */
export const GBT9704 = {
  page: { width: 11906, height: 16838 },
  margin: {
    top: twipsFromMm(37),
    bottom: twipsFromMm(35),
    left: twipsFromMm(28),
    right: twipsFromMm(26),
  },
  /** The page number sits about 7 mm below the text block. */
  footer: twipsFromMm(23),
  header: twipsFromMm(15),
  linesPerPage: 22,
  charsPerLine: 28,
  /** Half-points: 2号 = 22 pt, 3号 = 16 pt, 4号 = 14 pt. */
  size: { title: 44, body: 32, pageNumber: 28 },
  font: {
    title: '方正小标宋简体',
    body: '仿宋_GB2312',
    heading1: '黑体',
    heading2: '楷体_GB2312',
    heading3: '仿宋_GB2312',
    byline: '楷体_GB2312',
    pageNumber: '宋体',
  },
} as const;

export const TEXT_WIDTH = GBT9704.page.width - GBT9704.margin.left - GBT9704.margin.right;
const textHeight = GBT9704.page.height - GBT9704.margin.top - GBT9704.margin.bottom;
/** 579 twips: the text block height shared by 22 lines. */
export const LINE_PITCH = Math.floor(textHeight / GBT9704.linesPerPage);
/** The section's character grid: 16 pt + charSpace/4096 pt a cell, 28 cells a line (Word's 页面设置). */
export const CHAR_SPACE =
  Math.floor((TEXT_WIDTH / GBT9704.charsPerLine / 20 - GBT9704.size.body / 2) * 4096) - 8;
/** Character spacing of 16 pt text in twentieths of a point: 15.65 pt a glyph, 28 a line. */
export const CHAR_SPACING = -7;
/** The pitch of body text in twips: 16 pt glyphs plus CHAR_SPACING. */
export const BODY_PITCH = GBT9704.size.body * 10 + CHAR_SPACING;

export const LATIN_FONT = 'Times New Roman';
export const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });
export const exactLine = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
/** 2-character first-line indent; `firstLine` twips are the fallback for readers without *Chars. */
export const indentTwoChars = { firstLineChars: 200, firstLine: GBT9704.size.body * 20 };

/** Zero-width space: keeps LibreOffice from spacing Chinese apart from figures (see above). */
export const FIGURE_JOIN = '\u200B';
const LATIN = /^[0-9A-Za-z.%]+$/u;
const LATIN_SPLIT = /([0-9A-Za-z.%]+)/u;
const CJK_LETTER = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}`;
const JOIN_AFTER = new RegExp(String.raw`([0-9A-Za-z])(?=[${CJK_LETTER}])`, 'gu');
const JOIN_BEFORE = new RegExp(String.raw`([${CJK_LETTER}])(?=[0-9A-Za-z])`, 'gu');

/** Puts FIGURE_JOIN between a Chinese character and an adjacent Latin letter or digit. */
export function joinFigures(text: string): string {
  return text.replace(JOIN_AFTER, `$1${FIGURE_JOIN}`).replace(JOIN_BEFORE, `$1${FIGURE_JOIN}`);
}

/** Removes what joinFigures added (for readers of our own files). */
export function unjoinFigures(text: string): string {
  return text.replaceAll(FIGURE_JOIN, '');
}

export interface RunOptions {
  /** Half-points; 3号 body size by default. */
  size?: number;
  color?: string;
}

/**
 * Runs of one paragraph: Arabic numerals and Latin letters in Times New Roman, as official
 * documents set them; everything else in `fontName`. 16 pt text gets the body's character pitch.
 */
export function runs(text: string, fontName: string, opts: RunOptions = {}): TextRun[] {
  const size = opts.size ?? GBT9704.size.body;
  return joinFigures(text)
    .split(LATIN_SPLIT)
    .filter((part) => part !== '')
    .map((part) => {
      const latin = LATIN.test(part);
      return new TextRun({
        text: part,
        font: latin ? { ...font(fontName), ascii: LATIN_FONT, hAnsi: LATIN_FONT } : font(fontName),
        size,
        ...(size === GBT9704.size.body ? { characterSpacing: CHAR_SPACING } : {}),
        ...(opts.color ? { color: opts.color } : {}),
      });
    });
}

/** Advance widths of Times New Roman in em (digits are half an em); Chinese glyphs are one em. */
const LATIN_EM: Record<string, number> = { '.': 0.25, '%': 0.833, '-': 0.333 };
const latinEm = (ch: string) => (/[0-9]/u.test(ch) ? 0.5 : (LATIN_EM[ch] ?? 0.6));

/**
 * Width of `text` in twips as runs() sets it at `size` half-points: Latin runs in Times New Roman,
 * the rest one em a character, the character spacing between the characters of each run (as
 * LibreOffice applies it; Word also after the last, a third of a point more a run).
 */
export function textTwips(text: string, size: number = GBT9704.size.body): number {
  const em = size * 10;
  const spacing = size === GBT9704.size.body ? CHAR_SPACING : 0;
  return joinFigures(text)
    .split(LATIN_SPLIT)
    .filter((part) => part !== '')
    .reduce((w, part) => {
      const chars = [...part].filter((ch) => ch !== FIGURE_JOIN);
      const latin = LATIN.test(part);
      const advance = chars.reduce((a, ch) => a + (latin ? latinEm(ch) : 1) * em, 0);
      return w + advance + spacing * Math.max(0, chars.length - 1);
    }, 0);
}
