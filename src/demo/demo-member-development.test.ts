/**
 * The demo's 发展党员 pipeline fits the demo's today (issue 14): the 组织委员's 党建提醒 holds a
 * handful of steps falling due, none overdue for long (no years-old 谈话), and the cases the
 * organisation work acts on are there: an 积极分子 whose year is complete, a 预备党员 whose year
 * ran out days ago.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface Reminder {
  personName: string;
  state: string;
  due: { label: string; dueAt: string; overdue: boolean; passive: boolean };
}

describe('demo 发展党员 pipeline', () => {
  it('gives the 组织委员 a handful of reminders, none overdue for more than half a year', async () => {
    const cookie = await t.login('zuzhi');
    const res = await t.call('GET', `/api/v1/towns/${t.townId}/member-development/reminders`, {
      cookie,
    });
    expect(res.status).toBe(200);
    const items = res.body.items as Reminder[];
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items.length).toBeLessThanOrEqual(20);
    const halfYearAgo = Date.now() - 183 * 86_400_000;
    const overdue = items.filter((x) => x.due.overdue);
    expect(overdue.length).toBeLessThanOrEqual(8);
    for (const x of overdue)
      expect(Date.parse(x.due.dueAt), x.personName).toBeGreaterThan(halfYearAgo);
    expect(
      items.some((x) => x.state === 'probationary' && x.due.overdue),
      '预备期已满待讨论转正',
    ).toBe(true);
    expect(
      items.some(
        (x) => x.state === 'activist' && x.due.passive && Date.parse(x.due.dueAt) < Date.now(),
      ),
      '培养考察已满一年',
    ).toBe(true);
  });
});
