/**
 * The overdue list (超期工单) is capped; a count shown from it (工作台, board) must say when more
 * overdue orders exist than it holds.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { actorFromCookie } from '../auth/session.service.ts';
import { overdueList } from './appeal.read.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the overdue list', () => {
  it('holds every overdue open order of the town for a leader, and says when the cap cuts it', async () => {
    const cookie = await t.login('shuji');
    const res = await t.call('GET', `/api/v1/towns/${t.townId}/appeals/overdue`, { cookie });
    expect(res.status).toBe(200);
    const recount = await sql<{ n: number | string }>`
      select count(*) as n from appeal
      where town_id = ${t.townId} and closed_at is null and merged_into is null and next_due_at < now()`.execute(
      t.database.db,
    );
    const total = Number(recount.rows[0]!.n);
    expect(total).toBeGreaterThan(2);
    expect(res.body.items.length).toBe(Math.min(total, 200));
    expect(res.body.truncated).toBe(total > 200);

    const actor = (await actorFromCookie(
      t.database.db,
      cookie.slice(cookie.indexOf('=') + 1),
      24,
    ))!;
    const capped = await overdueList(t.database.db, actor, t.townId, 2);
    expect(capped.items).toHaveLength(2);
    expect(capped.truncated).toBe(true);
    expect((await overdueList(t.database.db, actor, t.townId, total)).truncated).toBe(false);
  });
});
