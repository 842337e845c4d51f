import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conflict } from '../../core/errors.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../testing/app.ts';
import { createUser } from '../auth/user.service.ts';
import { appealCast, appealKit, type AppealKit } from '../../testing/appeals.ts';
import * as service from './appeal.service.ts';

let t: TestApp;
let k: AppealKit;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  k = appealKit(t);
  await appealCast(t);
});
afterAll(() => t.close());

const bj = (s: string) => new Date(`${s}+08:00`);

async function ctxOf(username: string) {
  const { actorFromCookie } = await import('../auth/session.service.ts');
  const cookie = (await k.cookie(username)).split('=')[1]!;
  const actor = (await actorFromCookie(t.database.db, decodeURIComponent(cookie), 12))!;
  return { actor, townId: t.townId, ip: null };
}

describe('deadlines through the service', () => {
  // Registered before the 2025 National Day + Mid-Autumn holiday.
  it('gives a dispute a 15-working-day follow-up past the holiday', async () => {
    const db = t.database.db;
    const ctx = await ctxOf('cadre');
    const village = await k.village('东村');
    const { row } = await db.transaction().execute((trx) =>
      service.intake(
        trx,
        ctx,
        {
          kind: 'dispute',
          channel: 'grid',
          categoryCode: 'security.neighbour',
          villageId: village,
          title: '节前纠纷',
          content: '节前登记',
          payload: { disputeType: '邻里', parties: ['甲', '乙'] },
        },
        { at: bj('2025-09-29T10:00:00') },
      ),
    );
    const refer = await db.transaction().execute((trx) =>
      service.fire(
        trx,
        ctx,
        row.id,
        {
          action: 'refer',
          version: 1,
          payload: { referralReason: '调解不成', referredTo: '司法所' },
        },
        { at: bj('2025-09-30T10:00:00') },
      ),
    );
    // 10-01…10-08 off, 09-28 and 10-11 worked: 15 working days after 09-30 end on 10-28 17:30.
    expect(refer.row.next_due_at).toEqual(bj('2025-10-28T17:30:00'));
    expect(refer.warnings).toEqual([]);
  });

  it('runs a villager matter’s 20-working-day act limit across the 2025 Spring Festival', async () => {
    const db = t.database.db;
    const ctx = await ctxOf('cadre');
    const village = await k.village('东村');
    const owner = await k.personOf('cadre');
    const { row } = await db.transaction().execute((trx) =>
      service.intake(
        trx,
        ctx,
        {
          kind: 'villager_matter',
          channel: 'session',
          categoryCode: 'rural.farming',
          villageId: village,
          title: '春耕',
          content: '春耕用水',
          payload: { sessionDate: '2025-01-20', raisedBy: '钱某' },
        },
        { at: bj('2025-01-20T09:00:00') },
      ),
    );
    const d = await db.transaction().execute((trx) =>
      service.fire(
        trx,
        ctx,
        row.id,
        {
          action: 'deliberate',
          version: 1,
          payload: { meetingDate: '2025-01-22', attendees: ['村民代表'], decision: '修渠' },
        },
        { at: bj('2025-01-22T09:00:00') },
      ),
    );
    const a = await db
      .transaction()
      .execute((trx) =>
        service.fire(
          trx,
          ctx,
          row.id,
          { action: 'act', version: d.row.version, payload: { ownerId: owner, steps: '修渠' } },
          { at: bj('2025-01-24T09:00:00') },
        ),
      );
    // Spring Festival 01-28…02-04 off, 01-26 and 02-08 worked: the 20th working day after 01-24 is 02-27.
    expect(a.row.next_due_at).toEqual(bj('2025-02-27T17:30:00'));
  });

  it('moves a not-yet-due working-day deadline when a system operator enters a later year’s holidays', async () => {
    const db = t.database.db;
    const ctx = await ctxOf('cadre');
    const village = await k.village('东村');
    const future = new Date(Date.UTC(2027, 8, 28, 2)); // 2027-09-28 10:00 Beijing; 2027 not entered yet
    const { row } = await db.transaction().execute((trx) =>
      service.intake(
        trx,
        ctx,
        {
          kind: 'dispute',
          channel: 'grid',
          categoryCode: 'security.neighbour',
          villageId: village,
          title: '2027年纠纷',
          content: '测试',
          payload: { disputeType: '其他', parties: ['甲'] },
        },
        { at: future },
      ),
    );
    const referred = await db
      .transaction()
      .execute((trx) =>
        service.fire(
          trx,
          ctx,
          row.id,
          { action: 'refer', version: 1, payload: { referralReason: '移交', referredTo: '法庭' } },
          { at: future },
        ),
      );
    expect(referred.warnings[0]).toMatch(/2027年的节假日安排尚未录入/);
    const before = new Date(referred.row.next_due_at!);
    // The national calendar is a system operator's (issue 10 item 7; calendar.access.test.ts).
    await db.transaction().execute((trx) =>
      createUser(
        trx,
        { actor: null, townId: t.townId, ip: null },
        {
          username: 'calendar_op',
          displayName: '系统运维员',
          roles: [{ role: 'system_operator' }],
          password: TEST_PASSWORD,
        },
      ),
    );
    const admin = await t.login('calendar_op');
    const days = ['2027-10-01', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'].map(
      (date) => ({ date, kind: 'holiday', name: '国庆节' }),
    );
    const res = await t.call('PUT', '/api/v1/work-calendar/2027', {
      cookie: admin,
      body: { days },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ covered: true, warnings: [] });
    expect(res.body.recomputed).toBeGreaterThanOrEqual(1);
    const after = await db
      .selectFrom('appeal')
      .select('next_due_at')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(new Date(after.next_due_at!).getTime() - before.getTime()).toBe(
      5 * 24 * 3600_000 + 2 * 24 * 3600_000,
    ); // 5 holidays → a week later
    const uncovered = await t.call('GET', '/api/v1/work-calendar/2028', { cookie: admin });
    expect(uncovered.body.warnings[0]).toMatch(/2028年的节假日安排尚未录入/);
    const denied = await t.call('PUT', '/api/v1/work-calendar/2027', {
      cookie: await k.cookie('admin'),
      body: { days },
    });
    expect(denied.status).toBe(403);
  });
});

describe('concurrent transitions', () => {
  it('lets exactly one of ten simultaneous claims win; the rest get 409 and there is one event', async () => {
    const propaganda = await k.unit('office_propaganda');
    let a = await k.intake('dispatcher', {
      kind: 'hotline',
      channel: 'phone',
      categoryCode: 'publicity.culture',
      title: '并发',
      content: '并发签收',
    });
    a = await k.act('dispatcher', a, 'dispatch', { unitId: propaganda });
    const cookie = await k.cookie('staff');
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.call('POST', `${k.base}/appeals/${a.id}/transitions`, {
          cookie,
          body: { action: 'claim', version: a.version },
        }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    for (const r of results.filter((x) => x.status === 409))
      expect(r.body.detail).toMatch(/已被他人处理/);
    const events = await t.database.db
      .selectFrom('appeal_event')
      .select('action')
      .where('appeal_id', '=', a.id)
      .where('action', '=', 'claim')
      .execute();
    expect(events).toHaveLength(1);
    expect(Conflict).toBeTruthy();
  });
});
