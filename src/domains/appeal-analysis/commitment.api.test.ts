import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';

let t: TestApp;
let base: string;
let leader: string;
beforeAll(async () => {
  t = await createTestApp();
  base = `/api/v1/towns/${t.townId}/appeal-commitments`;
  leader = await t.login('shuji');
});
afterAll(() => t.close());

const village = (name: string) =>
  t.database.db
    .selectFrom('unit')
    .select('id')
    .where('town_id', '=', t.townId)
    .where('name', '=', name)
    .executeTakeFirstOrThrow()
    .then((r) => r.id);

describe('承诺事项', () => {
  it('lists the demo commitments with overdue ones visible and filterable', async () => {
    const all = (await t.call('GET', base, { cookie: leader })).body.items;
    expect(all.map((c: any) => c.statusLabel).sort()).toEqual(
      ['已兑现', '已撤销', '待兑现', '推进中'].sort(),
    );
    const overdue = (await t.call('GET', `${base}?overdue=true`, { cookie: leader })).body.items;
    expect(overdue.map((c: any) => c.title)).toEqual(['菜市场工地22时后停止高噪声作业']);
    expect(overdue[0]).toMatchObject({
      overdue: true,
      statusLabel: '推进中',
      problemTitle: '新街社区菜市场旁工地夜间施工扰民',
      orderCount: 2,
    });
  });

  it('records a promise, its progress, and fulfils it only with evidence; a stale version gets 409', async () => {
    const created = await t.call('POST', base, {
      cookie: leader,
      body: {
        title: '石桥村三组更换供水管网',
        content: '年内更换三组老化供水管道',
        promisedTo: '石桥村三组村民',
        villageId: await village('石桥村'),
        promisedOn: '2026-01-10',
        dueOn: '2026-12-31',
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      status: 'pending',
      statusLabel: '待兑现',
      version: 1,
      overdue: false,
      orders: [],
    });
    const id = created.body.id;
    const noted = await t.call('POST', `${base}/${id}/notes`, {
      cookie: leader,
      body: { note: '管材已进场' },
    });
    expect(noted.status).toBe(201);
    expect(noted.body.notes.map((n: any) => n.note)).toEqual(['管材已进场']);
    const noEvidence = await t.call('PATCH', `${base}/${id}`, {
      cookie: leader,
      body: { version: 1, status: 'fulfilled' },
    });
    expect(noEvidence.status).toBe(422);
    expect(noEvidence.body.errors[0]).toMatchObject({ path: 'evidence', label: '兑现佐证' });
    const done = await t.call('PATCH', `${base}/${id}`, {
      cookie: leader,
      body: { version: 1, status: 'fulfilled', evidence: '验收单', note: '已通水' },
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ status: 'fulfilled', version: 2, evidence: '验收单' });
    expect(done.body.fulfilledAt).toBeTruthy();
    const stale = await t.call('PATCH', `${base}/${id}`, {
      cookie: leader,
      body: { version: 1, title: '改名' },
    });
    expect(stale.status).toBe(409);
    expect((await t.call('GET', `${base}/${id}`, { cookie: leader })).body.title).toBe(
      '石桥村三组更换供水管网',
    );
    const audit = await t.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'create',
      'appeal_commitment.note',
      'appeal_commitment.fulfilled',
    ]);
  });

  it('keeps a village cadre to their own village', async () => {
    const cadre = await t.login('cunganbu');
    const mine = (await t.call('GET', base, { cookie: cadre })).body.items;
    expect(mine.every((c: any) => c.title.includes('石桥村'))).toBe(true);
    const elsewhere = await t.call('POST', base, {
      cookie: cadre,
      body: {
        title: '河湾村修路',
        content: '修路',
        promisedTo: '河湾村村民',
        villageId: await village('河湾村'),
        promisedOn: '2026-01-10',
        dueOn: '2026-02-10',
      },
    });
    expect(elsewhere.status).toBe(403);
    const all = (await t.call('GET', base, { cookie: leader })).body.items;
    const foreign = all.find((c: any) => c.title.includes('河湾村'));
    expect((await t.call('GET', `${base}/${foreign.id}`, { cookie: cadre })).status).toBe(404);
  });
});
