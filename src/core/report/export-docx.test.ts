import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { composeReport } from './compose.ts';
import { CHAR_SPACE, CHAR_SPACING, exportDocx, GBT9704, LINE_PITCH } from './export-docx.ts';
import { FIGURE_JOIN, joinFigures, textTwips, TEXT_WIDTH } from './export-docx-layout.ts';
import { parseReportDocx } from './parse-docx.ts';
import { sampleComposeInput } from './sample-input.ts';

async function unzip() {
  const doc = composeReport(sampleComposeInput('propaganda_member'));
  const zip = await JSZip.loadAsync(await exportDocx(doc));
  const read = (name: string) => zip.file(name)!.async('string');
  return { doc, zip, read, xml: await read('word/document.xml') };
}

/** The <w:p> element whose text contains `text`. */
function paragraphWith(xml: string, text: string): string {
  const p = xml.split('<w:p>').find((chunk) => chunk.includes(text));
  if (!p) throw new Error(`no paragraph with ${text}`);
  return p;
}

const fontOf = (p: string) => /w:eastAsia="([^"]+)"/u.exec(p)?.[1];
const sizeOf = (p: string) => Number(/<w:sz w:val="(\d+)"/u.exec(p)?.[1]);

describe('exportDocx (GB/T 9704 layout)', () => {
  it('uses A4 with 37/35/28/26 mm margins in twips', async () => {
    const { xml } = await unzip();
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/u);
  });

  it('sets a 22-line × 28-character grid with exact 579-twip lines', async () => {
    const { xml } = await unzip();
    expect(LINE_PITCH).toBe(579);
    expect(xml).toContain(
      `<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="${CHAR_SPACE}"/>`,
    );
    // Character pitch = 16 pt + charSpace/4096 pt; 28 of them fit the 8845-twip line, 29 do not.
    const pitchTwips = (16 + CHAR_SPACE / 4096) * 20;
    const width = 11906 - 1587 - 1474;
    expect(28 * pitchTwips).toBeLessThanOrEqual(width);
    expect(29 * pitchTwips).toBeGreaterThan(width);
    const body = paragraphWith(xml, '报送宣传稿件');
    expect(body).toContain('w:line="579" w:lineRule="exact"');
    expect(body).toContain('<w:ind w:firstLine="640" w:firstLineChars="200"/>');
  });

  it('sets text off the grid at a 15.65 pt pitch that holds 28 characters a line', async () => {
    const { read, xml } = await unzip();
    // Paragraph defaults: no snapping to the grid, no automatic space around Latin and digits.
    const styles = await read('word/styles.xml');
    const defaults = /<w:pPrDefault>(.*?)<\/w:pPrDefault>/su.exec(styles)![1]!;
    expect(defaults).toContain('<w:snapToGrid w:val="0"/>');
    expect(defaults).toContain('<w:autoSpaceDE w:val="0"/>');
    expect(defaults).toContain('<w:autoSpaceDN w:val="0"/>');
    expect(xml).not.toContain('<w:w ');
    const body = paragraphWith(xml, '报送宣传稿件');
    expect(body).toContain(`<w:spacing w:val="${CHAR_SPACING}"/>`);
    const pitch = 16 + CHAR_SPACING / 20;
    expect(28 * pitch * 20).toBeLessThanOrEqual(TEXT_WIDTH - 60);
    expect(29 * pitch * 20).toBeGreaterThan(TEXT_WIDTH);
  });

  it('sets Arabic numerals in Times New Roman, joined to Chinese by a zero-width space', async () => {
    const { xml } = await unzip();
    const body = paragraphWith(xml, '报送宣传稿件');
    const digits = body.split('<w:r>').find((r) => r.includes('>86<'))!;
    expect(digits).toContain('w:ascii="Times New Roman"');
    expect(body).toContain(`报送宣传稿件${FIGURE_JOIN}</w:t>`);
    expect(body).toContain(`>${FIGURE_JOIN}篇`);
  });

  it('sets the title in 2号 方正小标宋简体, centred', async () => {
    const { xml } = await unzip();
    const title = paragraphWith(xml, '>述职报告<');
    expect(fontOf(title)).toBe('方正小标宋简体');
    expect(sizeOf(title)).toBe(44);
    expect(title).toContain('<w:jc w:val="center"/>');
  });

  it('sets body text in 3号 仿宋_GB2312 and headings in 黑体 / 楷体_GB2312', async () => {
    const { xml } = await unzip();
    const body = paragraphWith(xml, '报送宣传稿件');
    expect([fontOf(body), sizeOf(body)]).toEqual(['仿宋_GB2312', 32]);
    const h1 = paragraphWith(xml, '一、加强政治理论学习');
    expect([fontOf(h1), sizeOf(h1)]).toEqual(['黑体', 32]);
    const h1b = paragraphWith(xml, '二、宣传思想工作');
    expect(fontOf(h1b)).toBe('黑体');
    const styles = await (await unzip()).read('word/styles.xml');
    expect(styles).toMatch(/<w:docDefaults>.*w:eastAsia="仿宋_GB2312".*<w:sz w:val="32"\/>/su);
  });

  it('puts level-2 headings in 楷体_GB2312 and level-3 in 仿宋', async () => {
    const doc = composeReport(sampleComposeInput('mayor'));
    doc.sections.push({ id: 'x', level: 3, heading: '具体做法', kind: 'custom', paragraphs: [] });
    const xml = await (
      await JSZip.loadAsync(await exportDocx(doc))
    )
      .file('word/document.xml')!
      .async('string');
    expect(fontOf(paragraphWith(xml, '（一）经济发展'))).toBe('楷体_GB2312');
    const h3 = paragraphWith(xml, '具体做法');
    expect(h3).toContain('>1.<');
    expect(fontOf(h3)).toBe('仿宋_GB2312');
  });

  it('puts 4号 "— PAGE —" page numbers on the outer side of odd and even pages', async () => {
    const { read, xml } = await unzip();
    expect(await read('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const rels = await read('word/_rels/document.xml.rels');
    const target = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(rId\\d+)"`, 'u').exec(
        xml,
      )![1]!;
      return new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`, 'u').exec(rels)![1]!;
    };
    const odd = await read(`word/${target('default')}`);
    const even = await read(`word/${target('even')}`);
    expect(odd).toContain('<w:jc w:val="right"/>');
    expect(even).toContain('<w:jc w:val="left"/>');
    for (const f of [odd, even]) {
      expect(f).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expect(f).toContain('— </w:t>');
      expect(f).toContain(' —</w:t>');
      expect(sizeOf(f)).toBe(GBT9704.size.pageNumber);
    }
  });

  it('gives headings Word heading styles with outline levels and the official look', async () => {
    const { read, xml } = await unzip();
    const styles = await read('word/styles.xml');
    const style = (id: string) =>
      new RegExp(`<w:style w:type="paragraph" w:styleId="${id}">(.*?)</w:style>`, 'su').exec(
        styles,
      )![1]!;
    const expected: Array<[string, string, number]> = [
      ['Heading1', '黑体', 0],
      ['Heading2', '楷体_GB2312', 1],
      ['Heading3', '仿宋_GB2312', 2],
      ['Heading4', '仿宋_GB2312', 3],
    ];
    for (const [id, fontName, level] of expected) {
      const s = style(id);
      expect(s).toContain(`<w:name w:val="heading ${level + 1}"/>`);
      expect(s).toContain(`<w:outlineLvl w:val="${level}"/>`);
      expect([fontOf(s), sizeOf(s)]).toEqual([fontName, 32]);
      expect(s).toContain('<w:color w:val="000000"/>');
      expect(s).toMatch(/<w:b w:val="(false|0)"\/>/u);
    }
    expect(paragraphWith(xml, '一、加强政治理论学习')).toContain('<w:pStyle w:val="Heading1"/>');
    expect(paragraphWith(xml, '报送宣传稿件')).not.toContain('<w:pStyle');
  });

  it('writes a 版头 (issuing body in red, 发文字号, red rule) and a 落款 when the document has them', async () => {
    const doc = {
      ...composeReport(sampleComposeInput('mayor')),
      header: { issuer: '青石镇人民政府', docNumber: '青石政通〔2026〕3号' },
      signature: { issuer: '青石镇人民政府', date: '2026年1月6日' },
    };
    const xml = await (
      await JSZip.loadAsync(await exportDocx(doc))
    )
      .file('word/document.xml')!
      .async('string');
    const mark = paragraphWith(xml, '>青石镇人民政府<');
    expect(mark).toContain('<w:color w:val="FF0000"/>');
    expect(mark).toContain('<w:jc w:val="center"/>');
    const number = paragraphWith(xml, '青石政通〔');
    expect(number).toMatch(/<w:bottom [^>]*w:color="FF0000"/u);
    expect(xml.indexOf('青石政通〔')).toBeLessThan(xml.indexOf('>述职报告<'));
    // 落款 after the text: the body 2 characters … the date starts 2 characters right of the body.
    const paragraphs = xml.split('<w:p>');
    const issuer = paragraphs.findLastIndex((p) => p.includes('>青石镇人民政府<'));
    const right = (p: string) => Number(/<w:ind w:right="(\d+)"/u.exec(p)![1]);
    const [bodyRight, dateRight] = [right(paragraphs[issuer]!), right(paragraphs[issuer + 1]!)];
    expect(paragraphs[issuer + 1]).toContain('月');
    const start = (rightIndent: number, text: string) => TEXT_WIDTH - rightIndent - textTwips(text);
    const twoChars = 2 * (320 + CHAR_SPACING);
    expect(start(dateRight, '2026年1月6日') - start(bodyRight, '青石镇人民政府')).toBeCloseTo(
      twoChars,
      -1,
    );
    expect(Math.min(bodyRight, dateRight)).toBeGreaterThanOrEqual(twoChars - 1);
    expect(issuer).toBe(paragraphs.length - 2); // the last two paragraphs of the body
  });

  it('joins figures to Chinese letters only, never to punctuation or inside a figure', () => {
    const cases: Array<[string, string]> = [
      ['开展宣讲32场次', `开展宣讲${FIGURE_JOIN}32${FIGURE_JOIN}场次`],
      ['满意率93.8%，较上年', `满意率${FIGURE_JOIN}93.8%，较上年`],
      ['（10月）', `（10${FIGURE_JOIN}月）`],
      ['GDP增长', `GDP${FIGURE_JOIN}增长`],
      ['2025-12-31', '2025-12-31'],
      ['12345热线', `12345${FIGURE_JOIN}热线`],
    ];
    for (const [text, joined] of cases) expect(joinFigures(text)).toBe(joined);
  });

  it('round-trips through the importer: same headings and numbers', async () => {
    const doc = composeReport(sampleComposeInput('propaganda_member'));
    const parsed = await parseReportDocx(await exportDocx(doc));
    expect(parsed.title).toBe('述职报告');
    expect(parsed.sections.map((s) => s.heading)).toEqual(
      doc.sections.filter((s) => s.level === 1).map((s) => s.heading),
    );
    expect(parsed.numbers.some((n) => n.value === 86 && n.unit === '篇')).toBe(true);
  });
});
