import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appealKit, type AppealKit } from '../domains/appeals/appeal.testkit.ts';
import { runSchedulerTick } from './scheduler.ts';
import { createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let k: AppealKit;
beforeAll(async () => {
  t = await createTestApp();
  k = appealKit(t);
});
afterAll(() => t.close());

describe('the appeal scheduler with a fake clock', () => {
  it('reminds before a deadline, escalates 督办 to the leader in charge after it, and does each only once', async () => {
    const propaganda = await k.unit('office_propaganda');
    let a = await k.intake('paidan', { kind: 'hotline', channel: 'phone', categoryCode: 'publicity.culture', urgency: 'urgent', title: '演出噪音', content: '广场演出噪音' });
    a = await k.act('paidan', a, 'dispatch', { unitId: propaganda });
    const due = new Date(a.nextDueAt);
    const db = t.database.db;
    const early = await runSchedulerTick(db, new Date(due.getTime() - 3600_000));
    expect(early).toMatchObject({ ran: true, reminders: 1 });
    expect((await runSchedulerTick(db, new Date(due.getTime() - 1800_000))).reminders).toBe(0);
    const late = await runSchedulerTick(db, new Date(due.getTime() + 60_000));
    expect(late.supervisions).toBeGreaterThanOrEqual(1);
    expect((await runSchedulerTick(db, new Date(due.getTime() + 120_000))).supervisions).toBe(0);
    const rows = await db.selectFrom('appeal_reminder').selectAll().where('appeal_id', '=', a.id).orderBy('created_at').execute();
    expect(rows.map((r) => r.kind)).toEqual(['reminder', 'supervision']);
    // 宣传文化 belongs to the propaganda portfolio: 督办 goes to the propaganda committee member.
    expect(rows[1]!.target_person_id).toBe(await k.personOf('xuanchuan'));
    expect(rows[1]!.message).toMatch(/督办/);
    const state = await db.selectFrom('scheduler_state').selectAll().where('job', '=', 'appeal_deadlines').executeTakeFirstOrThrow();
    expect(new Date(state.last_tick_at).getTime()).toBe(due.getTime() + 120_000);
    const detail = await t.call('GET', `${k.base}/appeals/${a.id}`, { cookie: await k.cookie('shuji') });
    expect(detail.body.reminders).toHaveLength(2);
  });
});
