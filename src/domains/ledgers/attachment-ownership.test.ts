/**
 * Issue 10 item 5: an attachment belongs to one owner. Listing another record's or an order's
 * file id in one's own record — in an attachment field or just in its text — neither links the
 * file nor makes it downloadable; downloads follow the scope over the owning record. Item 10 at
 * the route: names and extensions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../auth/user.service.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../testing/app.ts';

let t: TestApp;
let base: string;
let villages: { id: string; name: string }[];
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const photo = (n: number) => Buffer.concat([PNG, Buffer.from([n])]); // distinct bytes, same picture

beforeAll(async () => {
  t = await createTestApp();
  base = `/api/v1/towns/${t.townId}`;
  const admin = await t.login('admin');
  const units = (await t.call('GET', `${base}/units`, { cookie: admin })).body.items as {
    id: string;
    name: string;
    kind: string;
  }[];
  villages = units.filter((u) => u.kind === 'village');
  // A cadre of another village than the demo's cunganbu (石桥村).
  await t.database.db.transaction().execute((trx) =>
    createUser(
      trx,
      { actor: null, townId: t.townId, ip: null },
      {
        username: 'cun2',
        displayName: '柳溪村干部',
        roles: [{ role: 'village_cadre', unitId: villages.find((v) => v.name === '柳溪村')!.id }],
        password: TEST_PASSWORD,
      },
    ),
  );
});
afterAll(() => t.close());

async function upload(cookie: string, bytes: Uint8Array, name: string) {
  const form = new FormData();
  form.append('file', new File([new Uint8Array(bytes)], name));
  const res = await t.app.request(`${base}/attachments`, {
    method: 'POST',
    headers: { cookie },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as { id: string; filename: string } };
}

const download = async (cookie: string, id: string) =>
  (await t.app.request(`${base}/attachments/${id}`, { headers: { cookie } })).status;

const site = (village: string, photos: string[], location = '村口') => ({
  data: {
    site_kind: 'slogan',
    action: 'added',
    village: villages.find((v) => v.name === village)!.id,
    location,
    quantity: 1,
    acted_on: '2025-05-01',
    photos,
  },
});

describe('attachment ownership', () => {
  it("refuses another record's file in one's own record, and mentioning its id grants no download", async () => {
    const mine = await t.login('cunganbu');
    const theirs = await t.login('cun2');
    const p1 = (await upload(mine, photo(1), '标语.png')).body.id;
    const r1 = await t.call('POST', `${base}/ledger-types/publicity_site/records`, {
      cookie: mine,
      body: site('石桥村', [p1]),
    });
    expect(r1.status, JSON.stringify(r1.body)).toBe(201);
    expect(await download(theirs, p1)).toBe(404);

    const linked = await t.call('POST', `${base}/ledger-types/publicity_site/records`, {
      cookie: theirs,
      body: site('柳溪村', [p1]),
    });
    expect(linked.status).toBe(422);
    expect(linked.body.errors[0]).toMatchObject({ path: 'data.photos', label: '照片' });
    expect(linked.body.errors[0].message).toMatch(/其他记录或工单的附件不能引用/);

    const mentioned = await t.call('POST', `${base}/ledger-types/publicity_site/records`, {
      cookie: theirs,
      body: site('柳溪村', [], `见附件 ${p1}`),
    });
    expect(mentioned.status).toBe(201);
    expect(await download(theirs, p1)).toBe(404);
    // Readers of the owning record still get it; its author keeps it on edit.
    expect(await download(await t.login('shuji'), p1)).toBe(200);
    const edited = await t.call(
      'PATCH',
      `${base}/ledger-types/publicity_site/records/${r1.body.id}`,
      { cookie: mine, body: { version: r1.body.version, ...site('石桥村', [p1], '村委会门口') } },
    );
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
  });

  it("refuses an order's file in a ledger record and never serves it through the ledger route", async () => {
    const admin = await t.login('admin');
    const order = await t.database.db
      .selectFrom('appeal')
      .select('id')
      .where('town_id', '=', t.townId)
      .where('state', '<>', 'archived')
      .executeTakeFirstOrThrow();
    const form = new FormData();
    form.append('file', new File([new Uint8Array(photo(2))], '现场.png'));
    const up = await t.app.request(`${base}/appeals/${order.id}/attachments`, {
      method: 'POST',
      headers: { cookie: admin },
      body: form,
    });
    expect(up.status).toBe(201);
    const fileId = ((await up.json()) as { id: string }).id;
    const cadre = await t.login('cun2');
    const linked = await t.call('POST', `${base}/ledger-types/publicity_site/records`, {
      cookie: cadre,
      body: site('柳溪村', [fileId]),
    });
    expect(linked.status).toBe(422);
    await t.call('POST', `${base}/ledger-types/publicity_site/records`, {
      cookie: cadre,
      body: site('柳溪村', [], fileId),
    });
    expect(await download(cadre, fileId)).toBe(404);
    expect(await download(admin, fileId)).toBe(404); // orders' files go through the order (audited)
  });

  it("keeps an unclaimed upload its uploader's alone", async () => {
    const mine = await t.login('cunganbu');
    const theirs = await t.login('cun2');
    const pending = (await upload(mine, photo(3), '待用.png')).body.id;
    expect(await download(mine, pending)).toBe(200);
    expect(await download(theirs, pending)).toBe(404);
    const taken = await t.call('POST', `${base}/ledger-types/publicity_site/records`, {
      cookie: theirs,
      body: site('柳溪村', [pending]),
    });
    expect(taken.status).toBe(422);
  });
});

describe('upload names and types', () => {
  it('refuses 通知.bat starting with %PDF and a program called .png; strips bidi characters from names', async () => {
    const admin = await t.login('admin');
    const bat = await upload(admin, Buffer.from('%PDF-1.7\n%%EOF\n'), '通知.bat');
    expect(bat.status).toBe(422);
    expect(JSON.stringify(bat.body)).toMatch(/扩展名 \.bat 与文件内容（PDF）不符/);
    expect((await upload(admin, Buffer.from('MZ\x90\x00program'), '照片.png')).status).toBe(422);
    const spoofed = await upload(admin, Buffer.from('%PDF-1.7\n%%EOF\n'), '报告\u202Eexe.pdf');
    expect(spoofed.status).toBe(201);
    expect(spoofed.body.filename).toBe('报告exe.pdf');
    const res = await t.app.request(`${base}/attachments/${spoofed.body.id}`, {
      headers: { cookie: admin },
    });
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('报告exe.pdf'));
    expect(res.headers.get('content-disposition')).not.toContain('%E2%80%AE');
  });
});
