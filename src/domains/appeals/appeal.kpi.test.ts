import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeFromDrillDown } from '../../core/metrics/result.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { APPEAL_KPIS } from './appeal.kpi.ts';

let t: TestApp;
let leader: string;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  leader = await t.login('shuji');
  base = `/api/v1/towns/${t.townId}/appeals/kpis`;
});
afterAll(() => t.close());

async function allOrders(cookie: string, metricId: string, query: string) {
  const rows: any[] = [];
  let cursor: string | null = null;
  do {
    const res: any = await t.call(
      'GET',
      `${base}/${metricId}/orders?${query}&limit=500${cursor ? `&cursor=${cursor}` : ''}`,
      { cookie },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    rows.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return rows;
}

describe('三率 KPIs over the demo year', () => {
  it('has a year of orders of every kind', async () => {
    const kinds = await t.database.db
      .selectFrom('appeal')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('town_id', '=', t.townId)
      .groupBy('kind')
      .execute();
    expect(kinds.map((k) => k.kind).sort()).toEqual([
      'dispute',
      'hotline',
      'petition',
      'villager_matter',
    ]);
    const total = kinds.reduce((s, k) => s + Number(k.n), 0);
    expect(total).toBeGreaterThan(300);
    expect(total).toBeLessThan(1500);
  });

  it('makes every figure equal to what its drill-down returns, in total and per village', async () => {
    const query = 'from=2025-01-01&to=2025-12-31';
    const res = await t.call('GET', `${base}?${query}`, { cookie: leader });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    for (const m of APPEAL_KPIS) {
      const figure = res.body.metrics.find((x: any) => x.id === m.id).result;
      const rows = await allOrders(leader, m.id, query);
      const recount = recomputeFromDrillDown(
        m,
        rows.map((r) => ({ id: r.id, period_key: r.receivedOn, in_numerator: r.inNumerator })),
        false,
      );
      expect(recount, m.id).toEqual(figure);
    }
    expect(res.body.composite.value).toBeGreaterThan(50);
    expect(res.body.weights).toEqual({ response: 30, resolution: 35, satisfaction: 35 });
    const grouped = await t.call('GET', `${base}?${query}&groupBy=village`, { cookie: leader });
    const sat = grouped.body.metrics
      .find((x: any) => x.id === 'appeals.satisfaction_rate')
      .result.groups.find((g: any) => g.key && g.denominator > 3);
    const rows = await allOrders(
      leader,
      'appeals.satisfaction_rate',
      `${query}&groupBy=village&group=${sat.key}`,
    );
    expect(rows.length).toBe(sat.denominator);
    expect(rows.filter((r) => r.inNumerator).length).toBe(sat.numerator);
  });

  it('narrows a village cadre’s KPIs to their village', async () => {
    const cadre = await t.login('cunganbu');
    const all = (await t.call('GET', `${base}?from=2025-01-01&to=2025-12-31`, { cookie: leader }))
      .body.metrics[0].result.value;
    const mine = (await t.call('GET', `${base}?from=2025-01-01&to=2025-12-31`, { cookie: cadre }))
      .body.metrics[0].result.value;
    expect(mine).toBeGreaterThan(0);
    expect(mine).toBeLessThan(all);
  });
});
