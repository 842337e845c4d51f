/**
 * Large Chinese workbooks must stream back intact: exceljs decoded each inflated chunk on its
 * own, turning a character split across two chunks into U+FFFD (patched in
 * patches/exceljs+4.4.0.patch, applied by `npm ci` through patch-package).
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

describe('streaming read of a large Chinese workbook', () => {
  it('returns every cell exactly as written, with no replacement characters', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('宣传信息');
    const expected: string[] = [];
    for (let i = 0; i < 6000; i++) {
      // Odd-length ASCII prefixes shift the byte offsets so chunk boundaries fall inside characters.
      const text = `${'x'.repeat(i % 3)}青石镇第${i}条宣传信息：国家级媒体采用，村级文明实践活动`;
      expected.push(text);
      ws.addRow([text, i]);
    }
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
      sharedStrings: 'cache',
      worksheets: 'emit',
    });
    const seen: string[] = [];
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>)
        seen.push(String(row.getCell(1).value));
    }
    expect(seen.filter((s) => s.includes('\uFFFD'))).toEqual([]);
    expect(seen).toEqual(expected);
  });
});
