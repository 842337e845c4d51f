import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '../../core/calendar/index.ts';
import { recomputeFromDrillDown } from '../../core/metrics/result.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { appealCast, appealKit, type AppealCast, type AppealKit } from '../../testing/appeals.ts';
import { APPEAL_KPIS } from './appeal-kpi.service.ts';

// Four hotline orders received today, walked through the desk and 宣传办:
//   A (东村) claimed, replied, 满意 and solved, closed;   B (东村) claimed, replied, 不满意, unsolved;
//   C (西村) dispatched only (never claimed);             D (西村) claimed, replied, 基本满意, solved, closed.
// So 响应率 3/4, 办结率 2/4, 解决率 2/3 and 满意率 2/3 over the year.
let t: TestApp;
let k: AppealKit;
let cast: AppealCast;
let base: string;
const year = localDateOf(new Date()).slice(0, 4);
const PERIOD = `from=${year}-01-01&to=${year}-12-31`;

async function order(
  villageId: string,
  title: string,
  steps: 'dispatch' | 'reply' | 'close',
  followUp?: Record<string, unknown>,
) {
  let a = await k.intake('dispatcher', {
    kind: 'hotline',
    channel: 'hotline_12345',
    categoryCode: 'publicity.signage',
    villageId,
    title,
    content: `${title}，请尽快处理`,
  });
  a = await k.act('dispatcher', a, 'dispatch', { unitId: cast.propagandaOffice });
  if (steps === 'dispatch') return a;
  a = await k.act('staff', a, 'claim');
  a = await k.act('staff', a, 'reply', { replyText: '已处理', contacted: true });
  if (followUp) a = await k.act('dispatcher', a, 'follow_up', followUp);
  if (steps === 'close') a = await k.act('dispatcher', a, 'close');
  return a;
}

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  k = appealKit(t);
  cast = await appealCast(t);
  base = `${k.base}/appeals/kpis`;
  await order(cast.village, 'A 宣传栏破损', 'close', { satisfaction: '满意', solved: true });
  await order(cast.village, 'B 标语褪色', 'reply', { satisfaction: '不满意', solved: false });
  await order(cast.otherVillage, 'C 橱窗破损', 'dispatch');
  await order(cast.otherVillage, 'D 灯箱不亮', 'close', { satisfaction: '基本满意', solved: true });
});
afterAll(() => t.close());

async function allOrders(user: string, metricId: string, query: string) {
  const rows: any[] = [];
  let cursor: string | null = null;
  do {
    const res: any = await t.call(
      'GET',
      `${base}/${metricId}/orders?${query}&limit=500${cursor ? `&cursor=${cursor}` : ''}`,
      { cookie: await k.cookie(user) },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    rows.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return rows;
}

const figures = async (user: string, query = PERIOD) => {
  const res = await t.call('GET', `${base}?${query}`, { cookie: await k.cookie(user) });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const result = (body: any, id: string) => body.metrics.find((x: any) => x.id === id).result;

describe('三率 KPIs', () => {
  it('count the orders received in the period with each rate’s own denominator', async () => {
    const body = await figures('leader');
    const ratio = (id: string) => {
      const r = result(body, `appeals.${id}`);
      return [r.numerator, r.denominator];
    };
    expect(result(body, 'appeals.received').value).toBe(4);
    expect(ratio('response_rate')).toEqual([3, 4]);
    expect(ratio('closure_rate')).toEqual([2, 4]);
    expect(ratio('resolution_rate')).toEqual([2, 3]);
    expect(ratio('satisfaction_rate')).toEqual([2, 3]);
    expect(body.weights).toEqual({ response: 30, resolution: 35, satisfaction: 35 });
    // 30 % × 75 + 35 % × 66.67 + 35 % × 66.67
    expect(body.composite.value).toBeCloseTo(69.17, 1);
  });

  it('makes every figure equal to what its drill-down returns, in total and per village', async () => {
    const body = await figures('leader');
    for (const m of APPEAL_KPIS) {
      const rows = await allOrders('leader', m.id, PERIOD);
      const recount = recomputeFromDrillDown(
        m,
        rows.map((r) => ({ id: r.id, period_key: r.receivedOn, in_numerator: r.inNumerator })),
        false,
      );
      expect(recount, m.id).toEqual(result(body, m.id));
    }
    const grouped = await figures('leader', `${PERIOD}&groupBy=village`);
    const sat = result(grouped, 'appeals.satisfaction_rate').groups.find(
      (g: any) => g.key === cast.village,
    );
    expect([sat.numerator, sat.denominator]).toEqual([1, 2]);
    const rows = await allOrders(
      'leader',
      'appeals.satisfaction_rate',
      `${PERIOD}&groupBy=village&group=${sat.key}`,
    );
    expect(rows.length).toBe(sat.denominator);
    expect(rows.filter((r) => r.inNumerator).length).toBe(sat.numerator);
  });

  it('leaves out orders of a kind that is no appeal (a pipeline such as 发展党员)', async () => {
    const c = await t.database.db
      .selectFrom('appeal')
      .select(['id', 'kind'])
      .where('title', '=', 'C 橱窗破损')
      .executeTakeFirstOrThrow();
    await t.database.db
      .updateTable('appeal')
      .set({ kind: 'party_pipeline' })
      .where('id', '=', c.id)
      .execute();
    try {
      const body = await figures('leader');
      expect(result(body, 'appeals.received').value).toBe(3);
      expect(result(body, 'appeals.response_rate').denominator).toBe(3);
      const rows = await allOrders('leader', 'appeals.received', PERIOD);
      expect(rows.map((r) => r.id)).not.toContain(c.id);
    } finally {
      await t.database.db
        .updateTable('appeal')
        .set({ kind: c.kind })
        .where('id', '=', c.id)
        .execute();
    }
    expect(result(await figures('leader'), 'appeals.received').value).toBe(4);
  });

  it('narrows a village cadre’s KPIs to their village', async () => {
    const mine = await figures('cadre');
    expect(result(mine, 'appeals.received').value).toBe(2);
    expect(result(mine, 'appeals.response_rate').numerator).toBe(2);
  });
});
