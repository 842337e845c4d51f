/**
 * Word export in the GB/T 9704 official-document layout: A4, 37/35/28/26 mm margins, 22 lines ×
 * 28 characters, 小标宋 title, 黑体/楷体/仿宋 heading levels, "— 1 —" page numbers on the outer side.
 */
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type FileChild,
} from 'docx';
import { headingMarkers, inlineText, type ReportDocument, type Section } from './model.ts';

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

const textWidth = GBT9704.page.width - GBT9704.margin.left - GBT9704.margin.right;
const textHeight = GBT9704.page.height - GBT9704.margin.top - GBT9704.margin.bottom;
/** 579 twips: the text block height shared by 22 lines. */
export const LINE_PITCH = Math.floor(textHeight / GBT9704.linesPerPage);
/**
 * Word's character grid adds `charSpace`/4096 pt to the 16 pt default font; a slightly negative
 * value makes 28 characters fit the 156 mm line (without it only 27 fit).
 */
export const CHAR_SPACE =
  Math.floor((textWidth / GBT9704.charsPerLine / 20 - GBT9704.size.body / 2) * 4096) - 8;

/**
 * LibreOffice gives a glyph as wide as the grid cell (or wider) two cells, so 16 pt text in the
 * 15.8 pt cell would set 14 characters a line. Scaling glyphs to 98 % keeps each in one cell;
 * Word fits them to the pitch anyway and sets 28 either way.
 */
export const GLYPH_SCALE = Math.floor(
  ((GBT9704.size.body / 2 + CHAR_SPACE / 4096) / (GBT9704.size.body / 2)) * 100,
);

export const LATIN_FONT = 'Times New Roman';
const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });
const exactLine = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
/** 2-character first-line indent; `firstLine` twips are the fallback for readers without *Chars. */
const indentTwoChars = { firstLineChars: 200, firstLine: GBT9704.size.body * 20 };

/**
 * Runs of one paragraph. Half-width digits and letters stay off the character grid: on it each
 * would take a whole cell and "14次" would read "1 4 次" with gaps.
 */
function runs(text: string, fontName: string): TextRun[] {
  return text
    .split(/([0-9A-Za-z.%]+)/u)
    .filter((part) => part !== '')
    .map((part) => {
      const latin = /^[0-9A-Za-z.%]+$/u.test(part);
      // Official documents set Arabic numerals in Times New Roman, whose half-width digits pair
      // up into one grid cell.
      const f = latin
        ? { ...font(fontName), ascii: LATIN_FONT, hAnsi: LATIN_FONT }
        : font(fontName);
      return new TextRun({
        text: part,
        font: f,
        size: GBT9704.size.body,
        scale: GLYPH_SCALE,
        ...(latin ? { snapToGrid: false } : {}),
      });
    });
}

function bodyParagraph(text: string): Paragraph {
  return new Paragraph({
    children: runs(text, GBT9704.font.body),
    alignment: AlignmentType.JUSTIFIED,
    spacing: exactLine,
    indent: indentTwoChars,
  });
}

const HEADING_FONT: Record<number, string> = {
  1: GBT9704.font.heading1,
  2: GBT9704.font.heading2,
  3: GBT9704.font.heading3,
  4: GBT9704.font.body,
};

function sectionParagraphs(s: Section, marker: string): Paragraph[] {
  const out: Paragraph[] = [];
  if (s.level > 0 && s.heading !== '') {
    out.push(
      new Paragraph({
        children: runs(`${marker}${s.heading}`, HEADING_FONT[s.level] ?? GBT9704.font.body),
        spacing: exactLine,
        indent: indentTwoChars,
        keepNext: true,
      }),
    );
  }
  for (const p of s.paragraphs) out.push(bodyParagraph(p.inlines.map(inlineText).join('')));
  return out;
}

function pageNumberFooter(side: 'right' | 'left'): Footer {
  // GB/T 9704 §7.5: 4号 半角 digits with a dash each side, one character in from the outer edge.
  const oneChar = GBT9704.size.pageNumber * 10;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: oneChar } : { left: oneChar },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: font(GBT9704.font.pageNumber),
            size: GBT9704.size.pageNumber,
          }),
        ],
      }),
    ],
  });
}

function titleParagraphs(doc: ReportDocument): Paragraph[] {
  const blank = () => new Paragraph({ spacing: exactLine, children: [] });
  const out = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exactLine,
      // The 22 pt title is off the character grid, or each glyph would span two cells.
      children: [
        new TextRun({
          text: doc.title,
          font: font(GBT9704.font.title),
          size: GBT9704.size.title,
          snapToGrid: false,
        }),
      ],
    }),
  ];
  if (doc.byline) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: exactLine,
        children: runs(doc.byline, GBT9704.font.byline),
      }),
    );
  }
  out.push(blank());
  return out;
}

/** Extra blocks (e.g. tables) a caller puts after a section's paragraphs, in the same layout. */
export type AfterSection = (section: Section, index: number) => FileChild[];

export function buildDocx(doc: ReportDocument, after?: AfterSection): Document {
  const markers = headingMarkers(doc.sections);
  return new Document({
    title: doc.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: { font: font(GBT9704.font.body), size: GBT9704.size.body } } },
      // LibreOffice sizes the character grid from the Normal style, so it must say 16 pt too.
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          quickFormat: true,
          run: { font: font(GBT9704.font.body), size: GBT9704.size.body },
          paragraph: { spacing: exactLine },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: GBT9704.page,
            // The page number sits about 7 mm below the text block.
            margin: { ...GBT9704.margin, header: twipsFromMm(15), footer: twipsFromMm(23) },
          },
          grid: {
            type: DocumentGridType.LINES_AND_CHARS,
            linePitch: LINE_PITCH,
            charSpace: CHAR_SPACE,
          },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children: [
          ...titleParagraphs(doc),
          ...doc.sections.flatMap((s, i) => [
            ...sectionParagraphs(s, markers[i]!),
            ...(after?.(s, i) ?? []),
          ]),
        ],
      },
    ],
  });
}

/** The report as a .docx file. */
export async function exportDocx(doc: ReportDocument, after?: AfterSection): Promise<Buffer> {
  return Packer.toBuffer(buildDocx(doc, after));
}
