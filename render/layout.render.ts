/**
 * The Word export as LibreOffice sets it (the server's PDF conversion), measured in the PDF with
 * pdf.js: figures sit tight against Chinese text, titles and headings are not letter-spaced, 28
 * characters a line and 22 lines a page, two-character indents, headings in the PDF outline, and
 * the 分析通报's tables, 版头 and 落款 laid out as GB/T 9704 says. Run by `npm run test:render`
 * (a step of .ci/run); fails, never skips, without LibreOffice.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CHAR_SPACING, exportDocx, GBT9704 } from '../src/core/report/export-docx.ts';
import { documentText, headingMarkers, type ReportDocument } from '../src/core/report/model.ts';
import type { BulletinData } from '../src/domains/appeal-analysis/bulletin.compose.ts';
import { bulletinDocx } from '../src/domains/appeal-analysis/bulletin.render.ts';
import {
  figureGaps,
  justifySpace,
  linesOf,
  pdfOutline,
  pdfTextItems,
  type Line,
  type TextItem,
} from './pdf-layout.ts';
import { renderPdf, requireRenderer } from './render-env.ts';
import { sampleIssuedBulletin, sampleReport } from './samples.ts';

/** Body glyph pitch in points (16 pt plus the export's character spacing). */
const PITCH = 16 + CHAR_SPACING / 20;
const PAGE_NUMBER_BELOW = 100; // page numbers sit under this baseline (points from the bottom)
const HANGING = /[，。、；：！？”）]$/u;

/** The propaganda member's sample report, its sections twice over so pages fill up. */
function longReport(): ReportDocument {
  const doc = sampleReport('propaganda_member');
  const again = doc.sections.map((s) => ({ ...s, id: `${s.id}-2` }));
  return { ...doc, sections: [...doc.sections, ...again] };
}

interface Rendered {
  items: TextItem[];
  lines: Line[];
  /** The document's own text, to tell a figure set against a letter from one after a space. */
  source: string;
}

async function render(docx: Promise<Buffer>, source: string): Promise<Rendered> {
  const items = await pdfTextItems(await renderPdf(await docx));
  return { items, lines: linesOf(items), source };
}

const tableText = (tables: BulletinData['tables']) =>
  tables.flatMap((t) => t.rows.map((r) => [r.name, ...r.cells.map(display)].join('\n')));
const display = (c: { value: number | null; unit: string }) => `${c.value}${c.unit}`;

const bodyLines = (r: Rendered) =>
  r.lines.filter((l) => l.y > PAGE_NUMBER_BELOW && l.items.every((i) => i.size < 17));
const mode = (xs: number[]) =>
  Number(
    [...xs.reduce((m, x) => m.set(x.toFixed(1), (m.get(x.toFixed(1)) ?? 0) + 1), new Map())].sort(
      (a, b) => b[1] - a[1],
    )[0]![0],
  );

describe('Word export as LibreOffice renders it', () => {
  let report: Rendered;
  let bulletin: Rendered;
  const issued = sampleIssuedBulletin();
  beforeAll(async () => {
    requireRenderer();
    const long = longReport();
    [report, bulletin] = await Promise.all([
      render(exportDocx(long), documentText(long)),
      render(
        bulletinDocx(issued.document, issued.data),
        [documentText(issued.document), ...tableText(issued.data.tables)].join('\n'),
      ),
    ]);
  }, 180_000);

  it('sets figures tight against the Chinese text on both sides', () => {
    for (const r of [report, bulletin]) {
      const gaps = figureGaps(r.items, PITCH, r.source);
      expect(gaps.length).toBeGreaterThan(10);
      for (const g of gaps) {
        const where = `“${g.figure}” in “${g.line}”`;
        if (g.after !== null) expect(Math.abs(g.after), where).toBeLessThan(0.5);
        if (g.before !== null) expect(g.before - g.justify, where).toBeLessThan(1.5);
      }
    }
  });

  it('spreads justified lines by a fraction of a character at most', () => {
    // Before the fix a grid cell (15.7 pt) could open up between letters. What remains: LibreOffice
    // 7.4 cannot hang a comma that follows a figure into the margin (Word can), so such a line
    // breaks before the figure and is spread by about 2 pt a letter.
    for (const r of [report, bulletin]) {
      const spread = bodyLines(r).map((l) => justifySpace(l, PITCH));
      expect(Math.max(...spread)).toBeLessThan(3);
    }
  });

  it('does not letter-space titles and headings', () => {
    const title = report.items.find((i) => i.str.includes('述职报告'))!;
    expect(title.width).toBeCloseTo(4 * 22, 0);
    const bulletinTitle = bulletin.items.find((i) => i.str.includes('分析通报'))!;
    expect(bulletinTitle.width / [...bulletinTitle.str].length).toBeCloseTo(22, 0);
    const headings = report.lines.filter((l) => /^[一二三四五六七八九十]+、/u.test(l.text));
    expect(headings.length).toBeGreaterThan(5);
    for (const h of headings) {
      const chars = h.items.reduce((n, i) => n + [...i.str].length, 0);
      const width = h.items.at(-1)!.x + h.items.at(-1)!.width - h.items[0]!.x;
      expect(width / chars, h.text).toBeCloseTo(PITCH, 1);
    }
  });

  it('holds 28 characters a line, 22 lines a page, with a two-character first-line indent', () => {
    const lines = bodyLines(report);
    const left = mode(lines.map((l) => l.items[0]!.x));
    // Full lines of Chinese only (no figures): 28 characters, a hanging punctuation mark aside.
    const full = lines.filter(
      (l) => l.items.length === 1 && l.items[0]!.x === left && [...l.text].length >= 27,
    );
    expect(full.length).toBeGreaterThan(10);
    for (const l of full) expect([...l.text.replace(HANGING, '')].length, l.text).toBe(28);
    const indented = lines.filter((l) => Math.abs(l.items[0]!.x - left - 32) < 0.6);
    expect(indented.length).toBeGreaterThan(10);
    // Lines 28.95 pt apart (579 twips); the fullest page holds 22.
    const perPage = new Map<number, number>();
    for (const l of lines) perPage.set(l.page, (perPage.get(l.page) ?? 0) + 1);
    expect(Math.max(...perPage.values())).toBe(GBT9704.linesPerPage);
    const page2 = lines.filter((l) => l.page === 2).map((l) => l.y);
    // LibreOffice writes positions to 0.1 pt: 579 twips (28.95 pt) come out as 28.9 or 29.0.
    for (let i = 1; i < page2.length; i++)
      expect(Math.abs(page2[i - 1]! - page2[i]! - 28.95)).toBeLessThanOrEqual(0.06);
  });

  it('puts every heading in the PDF outline, nested by level (heading styles)', async () => {
    const doc = sampleReport('mayor');
    const pdf = await renderPdf(await exportDocx(doc));
    const markers = headingMarkers(doc.sections);
    const expected: Array<{ title: string; children: string[] }> = [];
    doc.sections.forEach((s, i) => {
      if (s.heading === '') return;
      const title = `${markers[i]}${s.heading}`;
      if (s.level === 1) expected.push({ title, children: [] });
      else if (s.level === 2) expected.at(-1)!.children.push(title);
    });
    expect(expected.some((e) => e.children.length > 0)).toBe(true);
    const outline = (await pdfOutline(pdf)).map((o) => ({
      title: o.title.replace(/\u200b/gu, ''),
      children: o.children.map((c) => c.title.replace(/\u200b/gu, '')),
    }));
    expect(outline).toEqual(expected);
  });

  it('lays the bulletin table out for its content: no cell wraps', () => {
    const table = issued.data.tables[0]!;
    const cells = table.rows.flatMap((r) => [r.name, ...r.cells.map((c) => `${c.value}${c.unit}`)]);
    for (const text of cells) {
      const onOneLine = bulletin.lines.some((l) => l.text.includes(text));
      expect(onOneLine, `cell “${text}” on one line`).toBe(true);
    }
  });

  it('prints the 版头 centred and the 落款 two characters apart at the right', () => {
    const lines = bulletinDocLines(bulletin);
    const centre = (l: Line) => (l.items[0]!.x + l.items.at(-1)!.x + l.items.at(-1)!.width) / 2;
    const { left, right } = GBT9704.margin;
    const textCentre = (left + GBT9704.page.width - right) / 2 / 20;
    expect(centre(lines.mark)).toBeCloseTo(textCentre, -1);
    expect(centre(lines.number)).toBeCloseTo(textCentre, -1);
    expect(lines.number.y).toBeGreaterThan(lines.title.y);
    // 落款: the date starts two characters right of the issuing body, both right of centre.
    expect(lines.date.items[0]!.x - lines.issuer.items[0]!.x).toBeCloseTo(2 * PITCH, 0);
    expect(lines.issuer.items[0]!.x).toBeGreaterThan(textCentre);
    expect(lines.issuer.page).toBe(Math.max(...bulletin.lines.map((l) => l.page)));
  });
});

function bulletinDocLines(r: Rendered) {
  const find = (test: (l: Line) => boolean, what: string) => {
    const line = r.lines.find(test);
    if (!line) throw new Error(`no ${what} in the rendered bulletin`);
    return line;
  };
  const signed = r.lines.filter((l) => l.text === '青石镇人民政府');
  return {
    mark: signed[0]!,
    number: find((l) => l.text.includes('青石政通〔'), '发文字号'),
    title: find((l) => l.text.includes('分析通报'), 'title'),
    issuer: signed.at(-1)!,
    date: find((l) => l.text === '2026年1月6日', 'date'),
  };
}
