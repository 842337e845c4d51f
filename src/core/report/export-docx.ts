/**
 * Word export in the GB/T 9704 official-document layout: A4, 37/35/28/26 mm margins, 22 lines ×
 * 28 characters, 小标宋 title, heading styles 黑体/楷体/仿宋 with outline levels, "— 1 —" page
 * numbers on the outer side; optionally a 版头 (issuing body in red, 发文字号, red rule) and a
 * 落款 (issuing body and date). Measures and runs: export-docx-layout.ts; styles: export-docx-styles.ts.
 */
import {
  AlignmentType,
  BorderStyle,
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
import {
  BODY_PITCH,
  CHAR_SPACE,
  exactLine,
  font,
  GBT9704,
  indentTwoChars,
  LINE_PITCH,
  runs,
  textTwips,
} from './export-docx-layout.ts';
import {
  DOCUMENT_STYLES,
  HEADING_FONT,
  HEADING_STYLE,
  stylesWithParagraphDefaults,
} from './export-docx-styles.ts';
import { headingMarkers, inlineText, type ReportDocument, type Section } from './model.ts';

export {
  BODY_PITCH,
  CHAR_SPACE,
  CHAR_SPACING,
  GBT9704,
  LATIN_FONT,
  LINE_PITCH,
} from './export-docx-layout.ts';

/** GB/T 9704 red for the 版头. */
const RED = 'FF0000';
const blank = () => new Paragraph({ spacing: exactLine, children: [] });

function bodyParagraph(text: string): Paragraph {
  return new Paragraph({
    children: runs(text, GBT9704.font.body),
    alignment: AlignmentType.JUSTIFIED,
    spacing: exactLine,
    indent: indentTwoChars,
  });
}

function sectionParagraphs(s: Section, marker: string): Paragraph[] {
  const out: Paragraph[] = [];
  if (s.level > 0 && s.heading !== '') {
    const level = Math.min(s.level, 4);
    out.push(
      new Paragraph({
        style: HEADING_STYLE[level],
        children: runs(`${marker}${s.heading}`, HEADING_FONT[level]!),
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

/**
 * 版头 (GB/T 9704 §7.2): the issuing body centred in red 小标宋, the 发文字号 two lines below it,
 * a red rule the width of the text block 4 mm under the number, the title two lines below.
 */
function headerParagraphs(header: NonNullable<ReportDocument['header']>): Paragraph[] {
  const markSize = 72; // 小初 36 pt
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: LINE_PITCH * 2, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: runs(header.issuer, GBT9704.font.title, { size: markSize, color: RED }),
    }),
    blank(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exactLine,
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } },
      children: runs(header.docNumber, GBT9704.font.body),
    }),
    blank(),
    blank(),
  ];
}

function titleParagraphs(doc: ReportDocument): Paragraph[] {
  const out = [
    ...(doc.header ? headerParagraphs(doc.header) : []),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exactLine,
      children: runs(doc.title, GBT9704.font.title, { size: GBT9704.size.title }),
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

/**
 * 落款 of a document without a seal (GB/T 9704 §7.3.5.2): one blank line under the text, the
 * issuing body two characters from the right, the date on the next line starting two characters
 * right of the body's first character; a date longer than that keeps two characters from the
 * right and pushes the body left.
 */
function signatureParagraphs(signature: NonNullable<ReportDocument['signature']>): Paragraph[] {
  const issuerWidth = textTwips(signature.issuer);
  const dateWidth = textTwips(signature.date);
  const two = 2 * BODY_PITCH;
  const dateRight = Math.max(two, issuerWidth - dateWidth);
  const issuerRight = dateRight + dateWidth + two - issuerWidth;
  const line = (text: string, right: number) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: exactLine,
      indent: { right: Math.round(right) },
      keepNext: true,
      children: runs(text, GBT9704.font.body),
    });
  return [blank(), line(signature.issuer, issuerRight), line(signature.date, dateRight)];
}

/** Extra blocks (e.g. tables) a caller puts after a section's paragraphs, in the same layout. */
export type AfterSection = (section: Section, index: number) => FileChild[];

export function buildDocx(doc: ReportDocument, after?: AfterSection): Document {
  const markers = headingMarkers(doc.sections);
  return new Document({
    title: doc.title,
    evenAndOddHeaderAndFooters: true,
    styles: DOCUMENT_STYLES,
    sections: [
      {
        properties: {
          page: {
            size: GBT9704.page,
            margin: { ...GBT9704.margin, header: GBT9704.header, footer: GBT9704.footer },
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
          ...(doc.signature ? signatureParagraphs(doc.signature) : []),
        ],
      },
    ],
  });
}

/**
 * styles.xml is the same for every document (DOCUMENT_STYLES plus the paragraph defaults docx
 * cannot write): made once from the first export, then handed to the packer as an override.
 */
let styles: Promise<string> | null = null;

/** The report as a .docx file. */
export async function exportDocx(doc: ReportDocument, after?: AfterSection): Promise<Buffer> {
  styles ??= Packer.toBuffer(buildDocx(doc, after))
    .then(stylesWithParagraphDefaults)
    .catch((error: unknown) => {
      styles = null;
      throw error;
    });
  const data = await styles;
  return Packer.toBuffer(buildDocx(doc, after), false, [{ path: 'word/styles.xml', data }]);
}
