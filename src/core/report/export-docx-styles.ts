/**
 * Word styles of the GB/T 9704 export: Normal (3号 仿宋, exact 579-twip lines) and heading styles
 * with outline levels (Word's navigation pane, a table of contents and LibreOffice's PDF bookmarks
 * see them) that keep the official look: 黑体 "一、", 楷体 "（一）", 仿宋 "1." and "（1）", all
 * 3号, black, not bold, indented two characters.
 */
import JSZip from 'jszip';
import type { IParagraphStyleOptions, IStylesOptions } from 'docx';
import { exactLine, font, GBT9704, indentTwoChars, LINE_PITCH } from './export-docx-layout.ts';

/** Heading style ids by section level (1 = "一、" … 4 = "（1）"); Word's built-in names. */
export const HEADING_STYLE: Record<number, string> = {
  1: 'Heading1',
  2: 'Heading2',
  3: 'Heading3',
  4: 'Heading4',
};

export const HEADING_FONT: Record<number, string> = {
  1: GBT9704.font.heading1,
  2: GBT9704.font.heading2,
  3: GBT9704.font.heading3,
  4: GBT9704.font.body,
};

const body = { font: font(GBT9704.font.body), size: GBT9704.size.body };

function headingStyle(level: number): IParagraphStyleOptions {
  return {
    id: HEADING_STYLE[level]!,
    name: `heading ${level}`,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: {
      font: font(HEADING_FONT[level]!),
      size: GBT9704.size.body,
      bold: false,
      color: '000000',
    },
    paragraph: {
      outlineLevel: level - 1,
      keepNext: true,
      keepLines: true,
      spacing: exactLine,
      indent: indentTwoChars,
    },
  };
}

export const DOCUMENT_STYLES: IStylesOptions = {
  default: { document: { run: body } },
  paragraphStyles: [
    // LibreOffice sizes the character grid from the Normal style, so it must say 16 pt too.
    {
      id: 'Normal',
      name: 'Normal',
      quickFormat: true,
      run: body,
      paragraph: { spacing: exactLine },
    },
    ...[1, 2, 3, 4].map(headingStyle),
  ],
};

/**
 * Paragraph defaults docx cannot write: off the character grid and no automatic space between
 * Chinese and Latin letters or digits (why: export-docx-layout.ts).
 */
const PARAGRAPH_DEFAULTS =
  '<w:pPrDefault><w:pPr><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>' +
  `<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="${LINE_PITCH}" ` +
  'w:lineRule="exact"/></w:pPr></w:pPrDefault>';

/** word/styles.xml with PARAGRAPH_DEFAULTS, from a .docx docx packed with DOCUMENT_STYLES. */
export async function stylesWithParagraphDefaults(docx: Buffer): Promise<string> {
  const styles =
    (await (await JSZip.loadAsync(docx)).file('word/styles.xml')?.async('string')) ?? '';
  if (!styles.includes('<w:pPrDefault/>'))
    throw new Error('export-docx: styles.xml has no empty <w:pPrDefault/> to fill');
  return styles.replace('<w:pPrDefault/>', PARAGRAPH_DEFAULTS);
}
