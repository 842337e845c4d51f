/**
 * Issue 10 item 4: zip bombs on every route that takes an Office file or an image — report
 * import (.docx), ledger import (.xlsx, form and raw body), ledger and order attachments, and a
 * resident's photo (a pixel bomb). Each is refused with a 413/422 problem+json while the bytes
 * inflated stay under the cap and the process grows by less than 200 MB; the time taken is printed.
 */
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipInflation } from '../core/files/zip-guard.ts';
import { bombPart, docxWith, xlsxWith, type ZipPart } from '../core/files/zip.testkit.ts';
import { DEMO_OPEN311_KEY } from '../domains/open311/open311.keys.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';

const MB = 1024 * 1024;
let t: TestApp;
let admin: string;
let honest: ZipPart; // 400 MB of spaces in ~400 KB, sizes declared truthfully
let lying: ZipPart; // the same data, headers claiming 4 MB
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  honest = await bombPart('word/document.xml', 400 * MB);
  lying = { ...honest, declaredSize: 4 * MB };
});
afterAll(() => t.close());

interface Sent {
  status: number;
  type: string;
  body: { status?: number; detail?: string };
  inflated: number;
  rssGrowth: number;
  ms: number;
}

/** Sends one request, sampling the process's RSS while it runs. */
async function send(path: string, init: RequestInit): Promise<Sent> {
  const inflatedBefore = zipInflation.bytes;
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  const res = await t.app.request(path, init);
  const text = await res.text();
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: text ? JSON.parse(text) : {},
    inflated: zipInflation.bytes - inflatedBefore,
    rssGrowth: peak - rssBefore,
    ms,
  };
}

const form = (bytes: Uint8Array, name: string, fields: Record<string, string> = {}) => {
  const f = new FormData();
  f.append('file', new File([new Uint8Array(bytes)], name));
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};

async function newPublicOrder(): Promise<{ trackingCode: string; id: string }> {
  const res = await t.call('POST', '/open311/v2/requests.json', {
    body: new URLSearchParams({
      api_key: DEMO_OPEN311_KEY,
      jurisdiction_id: 'qingshi',
      service_code: 'urban.roads',
      address_string: '新街 3 号',
      description: '路面塌陷，车辆难以通行',
    }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return t.database.db
    .selectFrom('public_request as pr')
    .innerJoin('appeal as a', (j) =>
      j.onRef('a.town_id', '=', 'pr.town_id').onRef('a.id', '=', 'pr.appeal_id'),
    )
    .select(['pr.tracking_code as trackingCode', 'a.id'])
    .orderBy('a.received_at', 'desc')
    .executeTakeFirstOrThrow();
}

/** A PNG that says it is 100,000 × 100,000 pixels (the rest of it never gets drawn). */
function pixelBomb(): Uint8Array {
  const png = new Uint8Array(64);
  png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(png.buffer).setUint32(16, 100_000);
  new DataView(png.buffer).setUint32(20, 100_000);
  return png;
}

describe('zip and pixel bombs on every upload route', () => {
  it('refuses them with 413/422 problem+json, inflating under the cap and growing RSS < 200 MB', async () => {
    const town = `/api/v1/towns/${t.townId}`;
    const order = await newPublicOrder();
    const docx = (p: ZipPart) => docxWith(p);
    const xlsx = (p: ZipPart) => xlsxWith({ ...p, name: 'xl/worksheets/sheet1.xml' });
    const cases: [string, string, () => RequestInit][] = [];
    for (const [kind, bomb] of [
      ['declared', honest],
      ['lying', lying],
    ] as const) {
      cases.push(
        [
          `report import, ${kind}`,
          `${town}/report-imports`,
          () => ({
            method: 'POST',
            headers: { cookie: admin },
            body: form(docx(bomb), '2024年述职报告.docx'),
          }),
        ],
        [
          `ledger import, ${kind}`,
          `${town}/ledger-types/propaganda_item/import`,
          () => ({
            method: 'POST',
            headers: { cookie: admin },
            body: form(xlsx(bomb), '导入.xlsx'),
          }),
        ],
        [
          `ledger import raw body, ${kind}`,
          `${town}/ledger-types/propaganda_item/import`,
          () => ({
            method: 'POST',
            headers: { cookie: admin, 'content-type': 'application/octet-stream' },
            body: new Uint8Array(xlsx(bomb)),
          }),
        ],
        [
          `ledger attachment, ${kind}`,
          `${town}/attachments`,
          () => ({
            method: 'POST',
            headers: { cookie: admin },
            body: form(docx(bomb), '材料.docx'),
          }),
        ],
        [
          `order attachment, ${kind}`,
          `${town}/appeals/${order.id}/attachments`,
          () => ({
            method: 'POST',
            headers: { cookie: admin },
            body: form(xlsx(bomb), '清单.xlsx'),
          }),
        ],
      );
    }
    cases.push(
      [
        `resident photo, 10^10 pixels`,
        `/api/v1/public/appeals/${order.trackingCode}/photos`,
        () => ({
          method: 'POST',
          body: form(pixelBomb(), '照片.png'),
        }),
      ],
      [
        `ledger attachment, 10^10 pixels`,
        `${town}/attachments`,
        () => ({
          method: 'POST',
          headers: { cookie: admin },
          body: form(pixelBomb(), '照片.png'),
        }),
      ],
    );
    const lines: string[] = [];
    for (const [name, path, init] of cases) {
      const r = await send(path, init());
      const figures = [
        `${(r.ms / 1000).toFixed(2)} s`,
        `inflated ${(r.inflated / MB).toFixed(1)} MB`,
        `RSS +${(r.rssGrowth / MB).toFixed(0)} MB`,
      ];
      lines.push(`${name.padEnd(34)} ${r.status}  ${figures.join('  ')}`);
      expect([413, 422], `${name}: ${JSON.stringify(r.body)}`).toContain(r.status);
      expect(r.type).toContain('application/problem+json');
      expect(r.body.detail).toMatch(/[\u4e00-\u9fff]/);
      expect(r.inflated, name).toBeLessThan(4 * MB + 256 * 1024);
      expect(r.rssGrowth, name).toBeLessThan(200 * MB);
    }
    console.log(
      `bombs (400 MB of text in ${(honest.data.length / 1024).toFixed(0)} KB):\n${lines.join('\n')}`,
    );
    // Nothing was stored.
    const stored = await t.database.db
      .selectFrom('attachment')
      .select('filename')
      .where('filename', 'in', ['材料.docx', '清单.xlsx', '照片.png'])
      .execute();
    expect(stored).toEqual([]);
    expect((await t.app.request('/healthz')).status).toBe(200);
  });

  it('caps the text kept from a report that is not a bomb but is no duty report either', async () => {
    const paragraphs = Array.from(
      { length: 15_000 },
      (_, i) => new Paragraph(`本年度完成第${i}项工作，走访${(i * 7) % 997}户群众。`),
    );
    const long = await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
    const res = await send(`/api/v1/towns/${t.townId}/report-imports`, {
      method: 'POST',
      headers: { cookie: admin },
      body: form(long, '超长.docx'),
    });
    expect(res.status).toBe(413);
    expect(res.body.detail).toMatch(/超过 20 万字/);
    // A real report still imports.
    const doc = new Document({
      sections: [
        { children: [new Paragraph('一、政治学习'), new Paragraph('全年参加学习 24 次。')] },
      ],
    });
    const ok = await send(`/api/v1/towns/${t.townId}/report-imports`, {
      method: 'POST',
      headers: { cookie: admin },
      body: form(await Packer.toBuffer(doc), '2024年述职报告.docx'),
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
  });
});
