import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import {
  analysisTown,
  NOISE_COMMITMENT,
  PROBLEM_TITLES,
  type AnalysisTown,
} from '../../testing/analysis.ts';

// The town of testing/analysis.ts: one commitment (菜市场工地, 南村) in progress and overdue.
let t: TestApp;
let a: AnalysisTown;
let base: string;
let leader: string;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  a = await analysisTown(t);
  base = `/api/v1/towns/${t.townId}/appeal-commitments`;
  leader = a.users.leader.cookie;
});
afterAll(() => t.close());

const promise = (title: string, villageId: string, dueOn: string) =>
  t.call('POST', base, {
    cookie: leader,
    body: { title, content: title, promisedTo: '村民', villageId, promisedOn: '2024-09-01', dueOn },
  });

describe('承诺事项', () => {
  it('lists commitments with overdue ones visible and filterable', async () => {
    expect((await promise('西村桥头垃圾池每日清运', a.otherVillage, '2099-12-31')).status).toBe(
      201,
    );
    const all = (await t.call('GET', base, { cookie: leader })).body.items;
    expect(all.map((c: any) => [c.title, c.statusLabel, c.overdue]).sort()).toEqual(
      [
        [NOISE_COMMITMENT, '推进中', true],
        ['西村桥头垃圾池每日清运', '待兑现', false],
      ].sort(),
    );
    const overdue = (await t.call('GET', `${base}?overdue=true`, { cookie: leader })).body.items;
    expect(overdue.map((c: any) => c.title)).toEqual([NOISE_COMMITMENT]);
    expect(overdue[0]).toMatchObject({
      overdue: true,
      statusLabel: '推进中',
      problemTitle: PROBLEM_TITLES.noise,
      orderCount: 2,
    });
  });

  it('records a promise, its progress, and fulfils it only with evidence; a stale version gets 409', async () => {
    const created = await t.call('POST', base, {
      cookie: leader,
      body: {
        title: '东村二组更换供水管网',
        content: '年内更换二组老化供水管道',
        promisedTo: '东村二组村民',
        villageId: a.village,
        promisedOn: '2026-01-10',
        dueOn: '2099-12-31',
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
      '东村二组更换供水管网',
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
    const cadre = a.users.cadre.cookie;
    const mine = (await t.call('GET', base, { cookie: cadre })).body.items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((c: any) => c.title.includes('东村'))).toBe(true);
    const elsewhere = await t.call('POST', base, {
      cookie: cadre,
      body: {
        title: '西村修路',
        content: '修路',
        promisedTo: '西村村民',
        villageId: a.otherVillage,
        promisedOn: '2026-01-10',
        dueOn: '2026-02-10',
      },
    });
    expect(elsewhere.status).toBe(403);
    const all = (await t.call('GET', base, { cookie: leader })).body.items;
    const foreign = all.find((c: any) => c.title.includes('西村'));
    expect((await t.call('GET', `${base}/${foreign.id}`, { cookie: cadre })).status).toBe(404);
  });
});
