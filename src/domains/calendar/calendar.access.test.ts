/**
 * The statutory work calendar is national reference data (issue 10 item 7): another county's
 * admin, or our own, cannot rewrite it and move our deadlines; a system operator (系统运维,
 * granted only from the command line) can, and the recompute is audited in each affected town's
 * chain. Town admins and everyone signed in read it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../testing/app.ts';
import { appealCast, appealKit, type AppealKit } from '../../testing/appeals.ts';
import { addOtherTown } from '../../testing/scope/matrix.ts';
import { verifyAuditChains } from '../audit/audit.verify.ts';
import { createUser } from '../auth/user.service.ts';
import * as appeals from '../appeals/appeal.service.ts';

let t: TestApp;
let k: AppealKit;
let otherTownId: string;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  k = appealKit(t);
  await appealCast(t);
  otherTownId = await addOtherTown(t.database.db);
});
afterAll(() => t.close());

const DAYS_2027 = ['2027-10-01', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'].map(
  (date) => ({ date, kind: 'holiday', name: '国庆节' }),
);
const put = async (cookie: string, days = DAYS_2027) =>
  t.call('PUT', '/api/v1/work-calendar/2027', { cookie, body: { days } });

/** A dispute referred on 2027-09-28, before the 2027 notice is entered: its deadline runs over 国庆. */
async function orderDueIn2027(villageId: string) {
  const { actorFromCookie } = await import('../auth/session.service.ts');
  const cookie = (await k.cookie('cadre')).split('=')[1]!;
  const actor = (await actorFromCookie(t.database.db, decodeURIComponent(cookie), 12))!;
  const ctx = { actor, townId: t.townId, ip: null };
  const at = { at: new Date(Date.UTC(2027, 8, 28, 2)) };
  const db = t.database.db;
  const { row } = await db.transaction().execute((trx) =>
    appeals.intake(
      trx,
      ctx,
      {
        kind: 'dispute',
        channel: 'grid',
        categoryCode: 'security.neighbour',
        villageId,
        title: '2027年纠纷',
        content: '测试',
        payload: { disputeType: '其他', parties: ['甲'] },
      },
      at,
    ),
  );
  const referred = await db
    .transaction()
    .execute((trx) =>
      appeals.fire(
        trx,
        ctx,
        row.id,
        { action: 'refer', version: 1, payload: { referralReason: '移交', referredTo: '法庭' } },
        at,
      ),
    );
  return referred.row;
}

describe('who changes the national work calendar', () => {
  it("refuses another county's admin and our own admin; both still read it", async () => {
    for (const user of ['other_admin', 'admin']) {
      const cookie = await t.login(user);
      const res = await put(cookie);
      expect(res.status, user).toBe(403);
      expect(res.body.detail).toMatch(/[\u4e00-\u9fff]/);
      const read = await t.call('GET', '/api/v1/work-calendar/2027', { cookie });
      expect(read.status).toBe(200);
      expect(read.body.covered).toBe(false);
    }
    const rows = await t.database.db
      .selectFrom('work_calendar_day')
      .select('date')
      .where('date', '>=', '2027-01-01')
      .execute();
    expect(rows).toEqual([]);
  });

  it("lets a system operator enter a year; our orders' deadlines move, audited in our chain", async () => {
    const village = await k.village('东村');
    const order = await orderDueIn2027(village);
    const before = order.next_due_at!;
    const operator = await t.login('operator');
    const res = await put(operator);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ covered: true, warnings: [] });
    expect(res.body.recomputed).toBeGreaterThanOrEqual(1);
    const after = await t.database.db
      .selectFrom('appeal')
      .select('next_due_at')
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(new Date(after.next_due_at!).getTime()).toBeGreaterThan(new Date(before).getTime());
    const recompute = await t.database.db
      .selectFrom('audit_entry')
      .select(['actor_name', 'after'])
      .where('town_id', '=', t.townId)
      .where('action', '=', 'recompute_deadlines')
      .execute();
    expect(recompute).toHaveLength(1);
    expect(recompute[0]!.actor_name).toBe('系统运维员');
    expect(JSON.stringify(recompute[0]!.after)).toContain(order.code);
    const verified = await verifyAuditChains(t.database.db, [t.townId, otherTownId]);
    expect(verified.problems).toEqual([]);
  });

  it('is granted only from the command line: a town admin can neither grant it nor touch the account', async () => {
    const admin = await t.login('admin');
    const granted = await t.call('POST', `/api/v1/towns/${t.townId}/users`, {
      cookie: admin,
      body: { username: 'sneaky', displayName: '冒充运维', roles: [{ role: 'system_operator' }] },
    });
    expect([403, 422]).toContain(granted.status);
    const otherAdmin = await t.login('other_admin');
    const users = await t.call('GET', `/api/v1/towns/${otherTownId}/users`, { cookie: otherAdmin });
    const op = (users.body.items as { id: string; username: string; version: number }[]).find(
      (u) => u.username === 'operator',
    )!;
    const reset = await t.call(
      'POST',
      `/api/v1/towns/${otherTownId}/users/${op.id}/reset-password`,
      { cookie: otherAdmin, body: {} },
    );
    expect(reset.status).toBe(403);
    const disable = await t.call('PATCH', `/api/v1/towns/${otherTownId}/users/${op.id}`, {
      cookie: otherAdmin,
      body: { version: op.version, disabled: true },
    });
    expect(disable.status).toBe(403);
    const me = await t.call('GET', '/api/v1/auth/me', { cookie: await t.login('operator') });
    expect(me.body.grants).toEqual([]);
    expect(me.body.systemRoles).toEqual([{ role: 'system_operator', roleLabel: '系统运维' }]);
    // The CLI path (actor null) grants it; it carries no town or unit scope.
    await expect(
      t.database.db.transaction().execute((trx) =>
        createUser(
          trx,
          { actor: null, townId: t.townId, ip: null },
          {
            username: 'scoped_op',
            displayName: '带范围运维',
            roles: [{ role: 'system_operator', townId: otherTownId }],
            password: TEST_PASSWORD,
          },
        ),
      ),
    ).rejects.toThrow(/系统运维/);
  });
});
