import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { inspectZip, ZIP_LIMITS, ZipRefused } from './zip-guard.ts';
import { bombPart, docxWith, part, xlsxWith, zipOf } from './zip.testkit.ts';

const MB = 1024 * 1024;
const limits = ZIP_LIMITS.reportDocx;

async function refusal(bytes: Uint8Array, l = limits): Promise<ZipRefused> {
  const error = await inspectZip(bytes, l).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ZipRefused);
  return error as ZipRefused;
}

describe('zip guard', () => {
  it('passes real Word and Excel files, counting what they inflate to', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph('述职报告正文')] }] });
    const docx = await Packer.toBuffer(doc);
    const summary = await inspectZip(docx, limits);
    expect(summary.entries.map((e) => e.name)).toContain('word/document.xml');
    expect(summary.inflatedBytes).toBe(summary.entries.reduce((n, e) => n + e.size, 0));

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    for (let i = 0; i < 2000; i++) ws.addRow([`第${i}行`, i, new Date(2025, 0, 1 + (i % 300))]);
    const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
    expect((await inspectZip(xlsx, ZIP_LIMITS.ledgerXlsx)).entries.length).toBeGreaterThan(4);
  });

  it('refuses a 400 MB bomb that declares its size without inflating a byte', async () => {
    const bomb = docxWith(await bombPart('word/document.xml', 400 * MB));
    expect(bomb.length).toBeLessThan(500 * 1024);
    const error = await refusal(bomb);
    expect(error.reason).toBe('too_large');
    expect(error.inflatedBytes).toBe(0);
    expect(error.message).toContain('word/document.xml');
  });

  it('stops a bomb whose headers lie one byte past the size they claim', async () => {
    const lying = { ...(await bombPart('word/document.xml', 400 * MB)), declaredSize: 4 * MB };
    const error = await refusal(docxWith(lying));
    expect(error.reason).toBe('invalid');
    expect(error.message).toMatch(/压缩炸弹/);
    expect(error.inflatedBytes).toBeGreaterThan(4 * MB);
    expect(error.inflatedBytes).toBeLessThan(4 * MB + 256 * 1024);
  });

  it('refuses a ratio no document has, many small bombs adding up, and too many parts', async () => {
    const dense = await bombPart('word/document.xml', 20 * MB);
    expect((await refusal(docxWith(dense))).message).toMatch(/压缩比异常/);
    const pieces = [];
    for (let i = 0; i < 8; i++)
      pieces.push(await bombPart(`word/media/p${i}.xml`, 20 * MB, 0x41 + i));
    const many = docxWith(part('word/document.xml', '<w:document/>'), ...pieces);
    expect((await refusal(many, { ...limits, maxRatio: 10_000 })).reason).toBe('too_large');
    const crowd = Array.from({ length: 1200 }, (_, i) => part(`word/p${i}.xml`, '<x/>'));
    expect((await refusal(docxWith(part('word/document.xml', '<w/>'), ...crowd))).message).toMatch(
      /1202 个部件/,
    );
  });

  it('refuses an entry hidden between the listed ones, a renamed local entry, and XML entities', async () => {
    const hidden = { ...(await bombPart('xl/worksheets/sheet2.xml', 50 * MB)), hidden: true };
    const sheet = part('xl/worksheets/sheet1.xml', '<worksheet/>');
    expect((await refusal(xlsxWith(hidden, sheet), ZIP_LIMITS.ledgerXlsx)).message).toMatch(
      /目录之外/,
    );
    const renamed = zipOf([
      part('[Content_Types].xml', '<Types/>'),
      part('word/document.xml', 'x'),
    ]);
    renamed.write('w', renamed.indexOf('word/document.xml')); // local name differs from directory
    renamed.write('v', renamed.indexOf('word/document.xml'));
    expect((await refusal(renamed)).reason).toBe('invalid');
    const laughs = part(
      'word/document.xml',
      '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]><d>&b;</d>',
    );
    expect((await refusal(docxWith(laughs))).message).toMatch(/实体/);
    expect((await refusal(Buffer.from('PK\x03\x04 not really a zip'))).reason).toBe('invalid');
  });
});
