/**
 * Formula injection (docs/security.md): text a resident or a user typed that starts like a
 * spreadsheet formula (=, +, -, @) is exported as a text cell, never as a formula Excel would run
 * when a cadre opens the file — in appeal lists and in ledger exports.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appealKit, type AppealKit } from '../testing/appeals.ts';
import { XLSX_TYPE } from '../domains/ledgers/excel-columns.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';

let t: TestApp;
let k: AppealKit;
beforeAll(async () => {
  t = await createTestApp();
  k = appealKit(t);
});
afterAll(() => t.close());

const FORMULAS = ['=HYPERLINK("http://x.example","点我")', '+1+2', '-3+4', '@SUM(A1:A9)'];

async function cellsOf(res: Response) {
  expect(res.status, await res.clone().text()).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const cells: ExcelJS.Cell[] = [];
  wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(c)));
  return cells;
}

describe('exports carry typed formulas as text', () => {
  it('writes an appeal’s formula-like title and content as text cells', async () => {
    for (const text of FORMULAS)
      await k.intake('paidan', {
        kind: 'hotline',
        channel: 'phone',
        categoryCode: 'urban.roads',
        title: `${text}`,
        content: `${text}`,
      });
    const res = await t.app.request(`${k.base}/appeals/export?categoryCode=urban.roads`, {
      headers: { cookie: await k.cookie('paidan') },
    });
    const cells = await cellsOf(res);
    for (const text of FORMULAS)
      expect(
        cells.some((c) => c.value === text),
        text,
      ).toBe(true);
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula || c.formula)).toEqual([]);
  });

  it('writes a ledger record’s formula-like text as a text cell, also after an import', async () => {
    const base = `/api/v1/towns/${t.townId}/ledger-types`;
    const admin = await t.login('admin');
    const people = (
      await t.call('GET', `/api/v1/towns/${t.townId}/people?limit=200`, { cookie: admin })
    ).body.items as { name: string; titles: string[] }[];
    const author = people.find((p) => p.titles.some((x) => x.includes('宣传专干')))!.name;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('宣传信息报送');
    ws.addRow(['标题', '采用媒体/平台', '采用层级', '渠道', '刊发日期', '作者']);
    for (const text of FORMULAS) ws.addRow([text, text, '市级', '公众号', '2025/6/1', author]);
    const upload = await t.app.request(`${base}/propaganda_item/import`, {
      method: 'POST',
      headers: { cookie: admin, 'content-type': XLSX_TYPE },
      body: new Uint8Array(await wb.xlsx.writeBuffer()) as unknown as BodyInit,
    });
    expect(upload.status, await upload.clone().text()).toBe(201);
    const cells = await cellsOf(
      await t.app.request(`${base}/propaganda_item/export?from=2025-06-01&to=2025-06-01`, {
        headers: { cookie: admin },
      }),
    );
    for (const text of FORMULAS)
      expect(
        cells.some((c) => c.value === text),
        text,
      ).toBe(true);
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula || c.formula)).toEqual([]);
  });
});
