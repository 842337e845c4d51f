import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { demoYear, type DemoYear } from '../../testing/demo.ts';
import { XLSX_TYPE } from './excel-columns.ts';

let t: TestApp;
let admin: string;
let base: string;
/** The demo's year (read from its records): its April holds some 安全隐患 records to round-trip. */
let Y: DemoYear;

beforeAll(async () => {
  t = await createTestApp();
  Y = await demoYear(t.database.db, t.townId);
  admin = await t.login('admin');
  base = `/api/v1/towns/${t.townId}/ledger-types`;
});
afterAll(() => t.close());

async function workbook(rows: unknown[][], sheet = '宣传信息报送'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const upload = (code: string, bytes: Uint8Array, headers: Record<string, string> = {}) =>
  t.app.request(`${base}/${code}/import`, {
    method: 'POST',
    headers: { cookie: admin, 'content-type': XLSX_TYPE, ...headers },
    body: bytes as unknown as BodyInit,
  });

const countOf = async (code: string) =>
  Number(
    (
      await t.database.db
        .selectFrom('ledger_record')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('town_id', '=', t.townId)
        .where('type_code', '=', code)
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );

async function authorName() {
  const people = (
    await t.call('GET', `/api/v1/towns/${t.townId}/people?limit=200`, { cookie: admin })
  ).body.items as { name: string; titles: string[] }[];
  return people.find((p) => p.titles.some((x) => x.includes('宣传专干')))!.name;
}

describe('Excel import', () => {
  it('writes nothing when one row is bad, and names its sheet, row, column and problem in Chinese', async () => {
    const before = await countOf('propaganda_item');
    const author = await authorName();
    const header = ['标题', '采用媒体/平台', '采用层级', '渠道', '刊发日期', '作者'];
    const rows = [header];
    for (let i = 0; i < 30; i++)
      rows.push([`稿件${i}`, '市日报', '市级', '公众号', '2025/6/1', author]);
    rows[17] = ['坏行', '市日报', '宇宙级', '公众号', '2025年6月1日', author];
    const res = await upload('propaganda_item', await workbook(rows));
    expect(res.status).toBe(422);
    const body = (await res.json()) as {
      detail: string;
      errors: { sheet: string; row: number; column: string; header: string; message: string }[];
    };
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({
      sheet: '宣传信息报送',
      row: 18,
      column: 'C',
      header: '采用层级',
    });
    expect(body.errors[0]!.message).toContain('第 18 行 C 列“采用层级”');
    expect(body.errors[0]!.message).toContain('应为以下之一');
    expect(body.detail).toContain('未写入任何记录');
    expect(await countOf('propaganda_item')).toBe(before);
  });

  it('rolls back rows already inserted when the bad row comes after a full batch', async () => {
    const before = await countOf('propaganda_item');
    const author = await authorName();
    const rows: unknown[][] = [['标题', '采用媒体/平台', '采用层级', '渠道', '刊发日期', '作者']];
    for (let i = 0; i < 1200; i++)
      rows.push([
        `批量${i}`,
        '市日报',
        '县级',
        '媒体',
        new Date(Date.UTC(2025, 4, 1 + (i % 28))),
        author,
      ]);
    rows.push(['最后一行', '市日报', '县级', '媒体', '2025-13-01', '查无此人']);
    const res = await upload('propaganda_item', await workbook(rows));
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { row: number; column: string }[] };
    expect(body.errors.map((e) => `${e.row}${e.column}`).sort()).toEqual(['1202E', '1202F']);
    expect(await countOf('propaganda_item')).toBe(before);
  });

  it('reports unknown and missing columns at the header row', async () => {
    const res = await upload(
      'propaganda_item',
      await workbook([
        ['标题', '颜色'],
        ['x', 'y'],
      ]),
    );
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { row: number; message: string }[] };
    expect(body.errors.every((e) => e.row === 1)).toBe(true);
    expect(body.errors.map((e) => e.message).join()).toContain('缺少必填列“作者”');
  });

  it('answers a file that is not a workbook with a 422, not a 500', async () => {
    const res = await upload('propaganda_item', new TextEncoder().encode('not a zip at all'));
    expect(res.status).toBe(422);
  });

  it('round-trips: an export imported again yields the same records', async () => {
    const q = `from=${Y.on('04-01')}&to=${Y.on('04-30')}`;
    const exported = await t.app.request(`${base}/safety_hazard/export?${q}`, {
      headers: { cookie: admin },
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toBe(XLSX_TYPE);
    const bytes = new Uint8Array(await exported.arrayBuffer());
    const list = (
      await t.call('GET', `${base}/safety_hazard/records?${q}&limit=500`, { cookie: admin })
    ).body.items as { data: Record<string, unknown> }[];
    expect(list.length).toBeGreaterThan(3);
    const res = await upload('safety_hazard', bytes);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ imported: list.length, typeCode: 'safety_hazard' });
    const after = (
      await t.call('GET', `${base}/safety_hazard/records?${q}&limit=500`, { cookie: admin })
    ).body.items as { data: Record<string, unknown> }[];
    const canon = (items: { data: Record<string, unknown> }[]) =>
      items.map((r) => JSON.stringify(Object.entries(r.data).sort())).sort();
    expect(canon(after)).toEqual([...canon(list), ...canon(list)].sort());
  });

  it('streams progress lines when asked for NDJSON, ending with the result', async () => {
    const author = await authorName();
    const rows: unknown[][] = [
      ['标题*', '采用媒体/平台*', '采用层级*', '渠道*', '刊发日期*', '作者*'],
    ];
    for (let i = 0; i < 250; i++)
      rows.push([`进度${i}`, '县融媒体中心', '县级', '视频号', '2025-09-09', author]);
    const res = await upload('propaganda_item', await workbook(rows), {
      accept: 'application/x-ndjson',
    });
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.type === 'progress').length).toBeGreaterThanOrEqual(2);
    expect(lines.at(-1)).toEqual({ type: 'done', imported: 250, typeCode: 'propaganda_item' });
  });

  it('gives a blank template whose headers the importer accepts', async () => {
    const res = await t.app.request(`${base}/propaganda_item/template`, {
      headers: { cookie: admin },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as never);
    expect(wb.worksheets[0]!.getRow(1).values).toContain('标题*');
    expect(wb.worksheets[1]!.name).toBe('填写说明');
  });
});
