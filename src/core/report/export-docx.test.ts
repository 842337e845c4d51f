import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { composeReport } from './compose.ts';
import { CHAR_SPACE, exportDocx, GBT9704, GLYPH_SCALE, LINE_PITCH } from './export-docx.ts';
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

  it('keeps glyphs inside one grid cell and Arabic numerals in Times New Roman off the grid', async () => {
    const { xml } = await unzip();
    expect(GLYPH_SCALE).toBe(98);
    const body = paragraphWith(xml, '报送宣传稿件');
    expect(body).toContain('<w:w w:val="98"/>');
    const digits = body.split('<w:r>').find((r) => r.includes('>86<'))!;
    expect(digits).toContain('w:ascii="Times New Roman"');
    expect(digits).toMatch(/<w:snapToGrid w:val="(false|0)"\/>/u);
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
