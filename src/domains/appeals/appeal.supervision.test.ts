import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const inTwoDays = () => new Date(Date.now() + 2 * 86_400_000).toISOString();

async function dispatchedOrder(title: string) {
  const a = await k.intake('dispatcher', {
    kind: 'hotline',
    channel: 'phone',
    categoryCode: 'publicity.signage',
    title,
    content: `${title}，群众多次反映`,
  });
  return k.act('dispatcher', a, 'dispatch', { unitId: await k.unit('office_propaganda') });
}

const post = async (user: string, path: string, body: unknown) =>
  t.call('POST', `${k.base}${path}`, { cookie: await k.cookie(user), body });
const get = async (user: string, path: string) =>
  t.call('GET', `${k.base}${path}`, { cookie: await k.cookie(user) });

describe('督办 issued by a town leader', () => {
  it('is issued by the leader, signed for and answered by the handling unit, each step on the timeline', async () => {
    const order = await dispatchedOrder('宣传栏倒塌');
    const issued = await post('leader', `/appeals/${order.id}/supervisions`, {
      version: order.version,
      note: '请今天内到现场处置',
      replyBy: inTwoDays(),
    });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    expect(issued.body).toMatchObject({
      kind: 'supervision',
      source: 'manual',
      note: '请今天内到现场处置',
      targetUnitId: await k.unit('office_propaganda'),
      acknowledgedAt: null,
      version: 1,
    });

    // The handling unit's staff member finds it under 我的提醒; the dispatcher does not.
    const mine = await get('staff', '/appeals/reminders');
    const item = mine.body.items.find((r: any) => r.id === issued.body.id);
    expect(item).toMatchObject({
      kind: 'supervision',
      source: 'manual',
      appeal: { code: order.code, kind: 'hotline' },
      message: expect.stringContaining('督办'),
    });
    expect(
      (await get('dispatcher', '/appeals/reminders')).body.items.some(
        (r: any) => r.id === issued.body.id,
      ),
    ).toBe(false);
    // It is on the 督办 board until answered.
    expect(
      (await get('leader', '/appeals/supervisions')).body.items.map((r: any) => r.id),
    ).toContain(issued.body.id);

    const signed = await post('staff', `/appeals/${order.id}/reminders/${item.id}/acknowledge`, {
      version: item.version,
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body).toMatchObject({ acknowledgedByName: expect.any(String), version: 2 });
    const stale = await post('staff', `/appeals/${order.id}/reminders/${item.id}/reply`, {
      version: item.version,
      reply: '已处置',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toMatch(/已被他人处理/);
    const replied = await post('staff', `/appeals/${order.id}/reminders/${item.id}/reply`, {
      version: 2,
      reply: '已组织人员扶正加固',
    });
    expect(replied.status, JSON.stringify(replied.body)).toBe(200);
    expect(replied.body).toMatchObject({
      reply: '已组织人员扶正加固',
      repliedAt: expect.any(String),
    });
    expect(
      (await get('leader', '/appeals/supervisions')).body.items.map((r: any) => r.id),
    ).not.toContain(issued.body.id);

    const detail = (await get('staff', `/appeals/${order.id}`)).body;
    expect(detail.timeline.map((e: any) => e.label)).toEqual([
      '受理',
      '派单',
      '督办',
      '签收督办',
      '回复督办',
    ]);
    expect(detail.timeline.map((e: any) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(detail.version).toBe(5);
    expect(detail.reminders.find((r: any) => r.id === item.id)).toMatchObject({
      acknowledgedAt: expect.any(String),
      reply: '已组织人员扶正加固',
    });
    // The workflow still runs on after the version bumps (the event seq follows the version).
    const claimed = await k.act('staff', detail, 'claim');
    expect(claimed.timeline.at(-1)).toMatchObject({ action: 'claim', seq: 6 });
    const audit = await t.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('entity_id', '=', order.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'appeal.supervise',
        'appeal.acknowledge_supervision',
        'appeal.reply_supervision',
      ]),
    );
  });

  it('refuses non-leaders (403), a stale order version (409), a past reply-by (422) and closed orders', async () => {
    const order = await dispatchedOrder('标语褪色');
    for (const user of ['dispatcher', 'staff', 'supervisor']) {
      const res = await post(user, `/appeals/${order.id}/supervisions`, {
        version: order.version,
        note: '请尽快处理',
        replyBy: inTwoDays(),
      });
      expect(res.status, user).toBe(403);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    const stale = await post('leader', `/appeals/${order.id}/supervisions`, {
      version: order.version - 1,
      note: '请尽快处理',
      replyBy: inTwoDays(),
    });
    expect(stale.status).toBe(409);
    const past = await post('leader', `/appeals/${order.id}/supervisions`, {
      version: order.version,
      note: '请尽快处理',
      replyBy: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(past.status).toBe(422);
    expect(past.body.errors[0]).toMatchObject({ path: 'replyBy', label: '答复期限' });
    const events = await t.database.db
      .selectFrom('appeal_event')
      .select('seq')
      .where('appeal_id', '=', order.id)
      .execute();
    expect(events).toHaveLength(2);
  });

  it('lets only the addressee sign for a reminder', async () => {
    const order = await dispatchedOrder('宣传栏灯箱不亮');
    const issued = await post('leader', `/appeals/${order.id}/supervisions`, {
      version: order.version,
      note: '请核实',
      replyBy: inTwoDays(),
    });
    const byDispatcher = await post(
      'dispatcher',
      `/appeals/${order.id}/reminders/${issued.body.id}/acknowledge`,
      { version: 1 },
    );
    expect(byDispatcher.status).toBe(403);
    expect(byDispatcher.body.detail).toMatch(/不是发给您/);
    const outOfScope = await post(
      'cadre',
      `/appeals/${order.id}/reminders/${issued.body.id}/acknowledge`,
      { version: 1 },
    );
    expect(outOfScope.status).toBe(404);
  });
});

describe('我的提醒 count (menu badge)', () => {
  it('counts only the caller’s own unacknowledged reminders, in scope, and drops one once signed', async () => {
    const count = async (user: string) => {
      const res = await get(user, '/appeals/reminders/count');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.open as number;
    };
    const before = {
      staff: await count('staff'),
      desk: await count('dispatcher'),
      cadre: await count('cadre'),
      leader: await count('leader'),
    };
    // The count is the open list's length (the list is capped at 200; this town holds a handful).
    expect(before.staff).toBe((await get('staff', '/appeals/reminders')).body.items.length);
    const order = await dispatchedOrder('宣传栏广告残留');
    const issued = await post('leader', `/appeals/${order.id}/supervisions`, {
      version: order.version,
      note: '请清理',
      replyBy: inTwoDays(),
    });
    expect(issued.status).toBe(201);
    // Addressed to the propaganda office: its staff member sees one more; the leader who issued it,
    // the dispatch desk and a village cadre elsewhere do not.
    expect(await count('staff')).toBe(before.staff + 1);
    expect(await count('dispatcher')).toBe(before.desk);
    expect(await count('cadre')).toBe(before.cadre);
    expect(await count('leader')).toBe(before.leader);
    const signed = await post(
      'staff',
      `/appeals/${order.id}/reminders/${issued.body.id}/acknowledge`,
      { version: 1 },
    );
    expect(signed.status).toBe(200);
    expect(await count('staff')).toBe(before.staff);
  });
});

describe('county supervisors on appeals', () => {
  it('read orders but may not act on them', async () => {
    const order = await dispatchedOrder('宣传橱窗破损');
    expect((await get('supervisor', `/appeals/${order.id}`)).status).toBe(200);
    const res = await post('supervisor', `/appeals/${order.id}/transitions`, {
      action: 'claim',
      version: order.version,
      payload: {},
    });
    expect(res.status).toBe(403);
  });
});
