import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appealCast, appealKit, type AppealCast, type AppealKit } from '../testing/appeals.ts';
import { newId } from '../db/ids.ts';
import { formatDue } from '../core/calendar/display.ts';
import pino from 'pino';
import { runSchedulerTick, startScheduler } from './scheduler.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';

let t: TestApp;
let k: AppealKit;
let cast: AppealCast;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  k = appealKit(t);
  cast = await appealCast(t);
});
afterAll(() => t.close());

describe('the appeal scheduler with a fake clock', () => {
  it('reminds before a deadline, escalates 督办 to the leader in charge after it, and does each only once', async () => {
    const propaganda = await k.unit('office_propaganda');
    let a = await k.intake('dispatcher', {
      kind: 'hotline',
      channel: 'phone',
      categoryCode: 'publicity.culture',
      urgency: 'urgent',
      title: '演出噪音',
      content: '广场演出噪音',
    });
    a = await k.act('dispatcher', a, 'dispatch', { unitId: propaganda });
    const due = new Date(a.nextDueAt);
    const db = t.database.db;
    const early = await runSchedulerTick(db, new Date(due.getTime() - 3600_000));
    expect(early).toMatchObject({ ran: true, reminders: 1 });
    expect((await runSchedulerTick(db, new Date(due.getTime() - 1800_000))).reminders).toBe(0);
    const late = await runSchedulerTick(db, new Date(due.getTime() + 60_000));
    expect(late.supervisions).toBeGreaterThanOrEqual(1);
    expect((await runSchedulerTick(db, new Date(due.getTime() + 120_000))).supervisions).toBe(0);
    const rows = await db
      .selectFrom('appeal_reminder')
      .selectAll()
      .where('appeal_id', '=', a.id)
      .orderBy('created_at')
      .execute();
    expect(rows.map((r) => r.kind)).toEqual(['reminder', 'supervision']);
    // 宣传文化 belongs to the propaganda portfolio: 督办 goes to the propaganda committee member.
    expect(rows[1]!.target_person_id).toBe(await k.personOf('propaganda'));
    expect(rows[1]!.message).toMatch(/督办/);
    // The deadline reads as the pages write it (town time, one format).
    expect(rows[0]!.message).toContain(`即将到期（${formatDue(due, due)}）`);
    expect(rows[1]!.message).toContain(`已超过期限（${formatDue(due, due)}）`);
    const state = await db
      .selectFrom('scheduler_state')
      .selectAll()
      .where('job', '=', 'appeal_deadlines')
      .executeTakeFirstOrThrow();
    expect(new Date(state.last_tick_at).getTime()).toBe(due.getTime() + 120_000);
    const detail = await t.call('GET', `${k.base}/appeals/${a.id}`, {
      cookie: await k.cookie('leader'),
    });
    expect(detail.body.reminders).toHaveLength(2);
  });
});

describe('the leader in charge of an overdue order', () => {
  // Not one whose liaison has ended, nor one who starts the next day.
  it('is the village’s current 包联 leader', async () => {
    const db = t.database.db;
    const village = { id: await cast.town.village('北村') };
    const [ended, current, future] = ['leader', 'politics', 'propaganda'].map(
      (u) => cast.users[u as 'leader'].personId,
    );
    // A category nobody holds as a portfolio, so the liaison decides.
    await db
      .updateTable('appeal_category')
      .set({ portfolio_code: null })
      .where('code', '=', 'urban')
      .execute();
    let a = await k.intake('dispatcher', {
      kind: 'hotline',
      channel: 'phone',
      categoryCode: 'urban.roads',
      villageId: village.id,
      title: '村道坑洼',
      content: '北村村道坑洼',
    });
    a = await k.act('dispatcher', a, 'dispatch', { unitId: cast.governanceOffice });
    const tickAt = new Date(new Date(a.nextDueAt).getTime() + 60_000);
    // Liaison dates around the tick's local (UTC+8) date.
    const day = (offset: number) =>
      new Date(tickAt.getTime() + offset * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    await db
      .updateTable('village_liaison')
      .set({ ends_on: day(-40) })
      .where('town_id', '=', t.townId)
      .where('village_id', '=', village.id)
      .execute();
    await db
      .insertInto('village_liaison')
      .values([
        {
          town_id: t.townId,
          id: newId(),
          village_id: village.id,
          person_id: ended!,
          starts_on: day(-60),
          ends_on: day(-1),
        },
        {
          town_id: t.townId,
          id: newId(),
          village_id: village.id,
          person_id: current!,
          starts_on: day(-30),
          ends_on: null,
        },
        {
          town_id: t.townId,
          id: newId(),
          village_id: village.id,
          person_id: future!,
          starts_on: day(1),
          ends_on: null,
        },
      ])
      .execute();
    const tick = await runSchedulerTick(db, tickAt);
    expect(tick.supervisions).toBeGreaterThanOrEqual(1);
    const row = await db
      .selectFrom('appeal_reminder')
      .select('target_person_id')
      .where('appeal_id', '=', a.id)
      .where('kind', '=', 'supervision')
      .executeTakeFirstOrThrow();
    expect(row.target_person_id).toBe(current);
  });
});

describe('stopping the scheduler', () => {
  it('waits for the tick that is running to commit, and starts no tick after', async () => {
    const db = t.database.db;
    await runSchedulerTick(db, new Date('2020-01-01T00:00:00Z'));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    // Another transaction holds the scheduler's state row (on PGlite: the one connection), so
    // the tick started below has to wait for it.
    const blocker = db.transaction().execute(async (trx) => {
      await trx
        .selectFrom('scheduler_state')
        .select('job')
        .where('job', '=', 'appeal_deadlines')
        .forUpdate()
        .execute();
      holding();
      await gate;
    });
    await held;
    const logger = pino({ level: 'silent' });
    const scheduler = startScheduler(db, logger, 50);
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stopped, 'stop() resolved while its tick was still waiting').toBe(false);
    expect(scheduler.stats.ticks).toBe(0);
    release();
    await blocker;
    await stopping;
    expect(scheduler.stats).toMatchObject({ ticks: 1, failures: 0 });
    const state = await db
      .selectFrom('scheduler_state')
      .select('last_tick_at')
      .where('job', '=', 'appeal_deadlines')
      .executeTakeFirstOrThrow();
    expect(new Date(state.last_tick_at).getFullYear()).toBeGreaterThan(2020);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(scheduler.stats.ticks, 'no tick after stop()').toBe(1);
  });
});
