import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOtherTown } from '../../testing/scope/matrix.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { appealCast, appealKit, type AppealKit } from '../../testing/appeals.ts';

let t: TestApp;
let k: AppealKit;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  k = appealKit(t);
  await appealCast(t);
});
afterAll(() => t.close());

const JPEG = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01,
  0x00, 0x01, 0x00, 0x00, 0xff, 0xd9,
]);
const EXE = new Uint8Array([
  0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00,
]);

async function upload(
  cookie: string,
  townId: string,
  appealId: string,
  name: string,
  bytes: Uint8Array<ArrayBuffer>,
) {
  const form = new FormData();
  form.append('file', new File([bytes], name, { type: 'image/jpeg' }));
  const res = await t.app.request(`/api/v1/towns/${townId}/appeals/${appealId}/attachments`, {
    method: 'POST',
    headers: { cookie },
    body: form,
  });
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: text ? JSON.parse(text) : null,
  };
}

describe('attachments of an order', () => {
  it('takes a photo, ties it to the reply it illustrates, lists it and audits its download', async () => {
    let a = await k.intake('dispatcher', {
      kind: 'hotline',
      channel: 'phone',
      categoryCode: 'publicity.signage',
      title: '宣传栏破损',
      content: '宣传栏玻璃碎了',
    });
    a = await k.act('dispatcher', a, 'dispatch', { unitId: await k.unit('office_propaganda') });
    a = await k.act('staff', a, 'claim');
    const up = await upload(await k.cookie('staff'), t.townId, a.id, '现场照片.jpg', JPEG);
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body).toMatchObject({
      filename: '现场照片.jpg',
      contentType: 'image/jpeg',
      size: JPEG.length,
      eventSeq: null,
    });
    const res = await t.call('POST', `${k.base}/appeals/${a.id}/transitions`, {
      cookie: await k.cookie('staff'),
      body: {
        action: 'reply',
        version: a.version,
        payload: { replyText: '已更换玻璃', contacted: true },
        attachmentIds: [up.body.id],
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const listed = await t.call('GET', `${k.base}/appeals/${a.id}/attachments`, {
      cookie: await k.cookie('dispatcher'),
    });
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        id: up.body.id,
        eventSeq: res.body.timeline.at(-1).seq,
        uploadedByName: expect.any(String),
      }),
    ]);
    // A file can illustrate one event only.
    const again = await t.call('POST', `${k.base}/appeals/${a.id}/transitions`, {
      cookie: await k.cookie('dispatcher'),
      body: {
        action: 'follow_up',
        version: res.body.version,
        payload: { satisfaction: '满意', solved: true },
        attachmentIds: [up.body.id],
      },
    });
    expect(again.status).toBe(422);

    const file = await t.app.request(`${k.base}/appeals/${a.id}/attachments/${up.body.id}`, {
      headers: { cookie: await k.cookie('dispatcher') },
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(JPEG);
    const audit = await t.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('entity_id', '=', a.id)
      .execute();
    expect(audit.map((x) => x.action)).toEqual(
      expect.arrayContaining(['appeal.attach', 'appeal.download_attachment']),
    );
    // Out of scope: the village cadre of another village cannot read the order, nor its file.
    expect(
      (
        await t.call('GET', `${k.base}/appeals/${a.id}/attachments/${up.body.id}`, {
          cookie: await k.cookie('cadre'),
        })
      ).status,
    ).toBe(404);
  });

  it('refuses a program renamed .jpg and an oversized file with a Chinese problem+json', async () => {
    const a = await k.intake('dispatcher', {
      kind: 'hotline',
      channel: 'phone',
      categoryCode: 'urban.roads',
      title: '井盖缺失',
      content: '新街井盖缺失',
    });
    const cookie = await k.cookie('dispatcher');
    const exe = await upload(cookie, t.townId, a.id, 'photo.jpg', EXE);
    expect(exe.status).toBe(422);
    expect(exe.type).toContain('application/problem+json');
    expect(exe.body.detail).toMatch(/仅支持/);
    expect(exe.body.errors[0]).toMatchObject({ path: 'file', label: '附件' });
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(JPEG.slice(0, 4));
    const tooBig = await upload(cookie, t.townId, a.id, 'big.jpg', big);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.detail).toMatch(/10 MB/);
    expect(
      (await t.call('GET', `${k.base}/appeals/${a.id}/attachments`, { cookie })).body.items,
    ).toEqual([]);
  });

  it('answers 404 for another town’s attachment', async () => {
    const otherTown = await addOtherTown(t.database.db);
    const other = await t.login('other_admin');
    const res = await t.call('POST', `/api/v1/towns/${otherTown}/appeals`, {
      cookie: other,
      body: {
        kind: 'hotline',
        channel: 'phone',
        categoryCode: 'urban.roads',
        title: '白云镇道路',
        content: '道路坑洼',
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const theirs = await upload(other, otherTown, res.body.id, 'a.jpg', JPEG);
    expect(theirs.status).toBe(201);
    const mine = await k.intake('dispatcher', {
      kind: 'hotline',
      channel: 'phone',
      categoryCode: 'urban.roads',
      title: '道路坑洼',
      content: '道路坑洼',
    });
    const cookie = await k.cookie('leader');
    expect(
      (
        await t.call('GET', `${k.base}/appeals/${mine.id}/attachments/${theirs.body.id}`, {
          cookie,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.call('GET', `${k.base}/appeals/${res.body.id}/attachments/${theirs.body.id}`, {
          cookie,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.call(
          'GET',
          `/api/v1/towns/${otherTown}/appeals/${res.body.id}/attachments/${theirs.body.id}`,
          { cookie },
        )
      ).status,
    ).toBe(403);
  });
});
