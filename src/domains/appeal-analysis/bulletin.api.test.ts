import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeFromDrillDown } from '../../core/metrics/result.ts';
import { allChips } from '../../core/report/model.ts';
import { APPEAL_KPIS } from '../appeals/appeal-kpi.service.ts';
import { newId } from '../../db/ids.ts';
import { addOtherTown } from '../../testing/scope/matrix.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import {
  analysisTown,
  NOISE_COMMITMENT,
  PROBLEM_TITLES,
  Q2 as Q2_DATES,
  YEAR,
  YEAR_QUERY,
  type AnalysisTown,
} from '../../testing/analysis.ts';

// The town (测试镇) of testing/analysis.ts: a year of recurring complaints, 路灯 (西村) and
// 菜市场工地 (南村) with orders in the second quarter.
let t: TestApp;
let a: AnalysisTown;
let base: string;
let leader: string;
const Q2 = `from=${Q2_DATES.from}&to=${Q2_DATES.to}`;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  a = await analysisTown(t);
  base = `/api/v1/towns/${t.townId}`;
  leader = a.users.leader.cookie;
});
afterAll(() => t.close());

/** The KPI endpoint's value for a town-wide chip (total, or the chip's group). */
async function kpiValue(
  cookie: string,
  chip: { metricId: string; params: Record<string, unknown> },
) {
  const p = chip.params as { from: string; to: string; groupBy?: string; group?: string };
  const res = await t.call(
    'GET',
    `${base}/appeals/kpis?from=${p.from}&to=${p.to}${p.groupBy ? `&groupBy=${p.groupBy}` : ''}`,
    { cookie },
  );
  const r = res.body.metrics.find((m: any) => m.id === chip.metricId).result;
  return r.kind === 'total'
    ? r.value
    : (r.groups.find((g: any) => (g.key ?? '') === p.group)?.value ?? null);
}

/** Every row of a chip's drill-down: the chip's params are the drill-down query. */
async function drill(cookie: string, chip: { metricId: string; params: Record<string, unknown> }) {
  const rows: any[] = [];
  let cursor: string | null = null;
  const qs = new URLSearchParams(
    Object.entries(chip.params).map(([k, v]) => [k, String(v)]),
  ).toString();
  do {
    const res: any = await t.call(
      'GET',
      `${base}/appeal-bulletin/metrics/${chip.metricId}/orders?${qs}&limit=500${cursor ? `&cursor=${cursor}` : ''}`,
      { cookie },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    rows.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return rows;
}

/** Each figure equals what its drill-down recomputes; town-wide ones also equal the KPI endpoint. */
async function checkAgainstMetrics(cookie: string, query: string, townWide = true) {
  const res = await t.call('GET', `${base}/appeal-bulletin?${query}`, { cookie });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const chips = allChips(res.body.document);
  // A rate without orders behind it is said as 无数据 in the text, not as a figure.
  const noData =
    /(?:本期|；)([^。；]*)无数据/.exec(res.body.html as string)?.[1]?.split('、') ?? [];
  expect(chips.length + noData.length).toBeGreaterThan(8);
  expect(chips.length).toBeGreaterThan(5);
  for (const chip of chips) {
    const rows = await drill(cookie, chip);
    const kpi = APPEAL_KPIS.find((m) => m.id === chip.metricId);
    if (kpi) {
      const recount = recomputeFromDrillDown(
        kpi,
        rows.map((r) => ({ id: r.id, period_key: r.receivedOn, in_numerator: r.inNumerator })),
        false,
      );
      expect(chip.value, `${chip.metricId} ${JSON.stringify(chip.params)}`).toBe(
        recount.kind === 'total' ? recount.value : null,
      );
      if (townWide) expect(chip.value).toBe(await kpiValue(cookie, chip));
    } else {
      expect(chip.value, chip.metricId).toBe(rows.length);
    }
  }
  return { body: res.body, checked: chips.length };
}

describe('分析通报', () => {
  it('takes every town-wide figure from the KPI metrics (same period, same caller)', async () => {
    const { body, checked } = await checkAgainstMetrics(leader, Q2);
    expect(checked).toBeGreaterThanOrEqual(10);
    expect(body.document.title).toBe('测试镇诉求办理分析通报');
    expect(body.document.byline).toBe(`（${YEAR}年第二季度）`);
    const text = body.html as string;
    expect(text).toContain('问题清单');
    expect(text).toContain(PROBLEM_TITLES.lamp);
    expect(text).toContain(NOISE_COMMITMENT);
    // The overdue list is the drill-down of the overdue figure.
    const overdue = allChips(body.document).find((c) => c.metricId === 'appeals.overdue_open')!;
    expect(body.overdueOrders.length).toBe(Math.min(50, overdue.value!));
  });

  it('narrows a village bulletin to the village’s group of the KPIs', async () => {
    const village = a.southVillage;
    const { body, checked } = await checkAgainstMetrics(
      leader,
      `${Q2}&villageId=${village}`,
      false,
    );
    // The village's total is the village group of the town's KPIs.
    const received = allChips(body.document).find((c) => c.metricId === 'appeals.received')!;
    expect(received.value).toBe(
      await kpiValue(leader, {
        metricId: 'appeals.received',
        params: { ...Q2_DATES, groupBy: 'village', group: village },
      }),
    );
    expect(checked).toBeGreaterThan(5);
    expect(body.document.title).toBe('测试镇南村诉求办理分析通报');
    expect(body.html).toContain(PROBLEM_TITLES.noise);
    expect(body.html).not.toContain(PROBLEM_TITLES.lamp);
  });

  it('gives a village cadre the figures of their own scope', async () => {
    const cadre = a.users.cadre.cookie;
    const { body } = await checkAgainstMetrics(cadre, YEAR_QUERY);
    const received = allChips(body.document).find((c) => c.metricId === 'appeals.received')!;
    const all = allChips(
      (
        await t.call('GET', `${base}/appeal-bulletin?${YEAR_QUERY}`, {
          cookie: leader,
        })
      ).body.document,
    ).find((c) => c.metricId === 'appeals.received')!;
    expect(received.value).toBe(a.orders.water.length);
    expect(received.value).toBeLessThan(all.value!);
  });

  it('downloads a Word file that opens and carries the title, and serves an HTML preview', async () => {
    const res = await t.app.request(`${base}/appeal-bulletin/docx?${Q2}`, {
      headers: { cookie: leader },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/wordprocessingml/);
    expect(res.headers.get('content-disposition')).toContain(
      encodeURIComponent('测试镇诉求办理分析通报'),
    );
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('测试镇诉求办理分析通报');
    expect(xml).toContain('仿宋_GB2312');
    const html = await t.app.request(`${base}/appeal-bulletin/html?${Q2}`, {
      headers: { cookie: leader },
    });
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(await html.text()).toContain('<h1>测试镇诉求办理分析通报</h1>');
    const bad = await t.call('GET', `${base}/appeal-bulletin?from=2024-07-01&to=2024-06-30`, {
      cookie: leader,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.detail).toMatch(/开始日期不能晚于结束日期/);
  });
});

describe('县级排名', () => {
  // Towns without orders come last, unranked.
  it('ranks the supervisor’s towns with each town’s own KPI figures', async () => {
    const other = await addOtherTown(t.database.db);
    await t.database.db
      .insertInto('user_role')
      .values({
        town_id: t.townId,
        id: newId(),
        user_id: a.users.supervisor.userId,
        role: 'county_supervisor',
        scope_town_id: other,
      })
      .execute();
    const cookie = a.users.supervisor.cookie;
    const res = await t.call(
      'GET',
      `/api/v1/appeal-rankings?${YEAR_QUERY}&sort=satisfaction_rate`,
      { cookie },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.map((r: any) => [r.townName, r.rank])).toEqual([
      ['测试镇', 1],
      ['白云镇', null],
    ]);
    const kpis = (await t.call('GET', `${base}/appeals/kpis?${YEAR_QUERY}`, { cookie })).body;
    const qs = res.body.items[0];
    expect(qs.satisfactionRate.value).toBe(
      kpis.metrics.find((m: any) => m.id === 'appeals.satisfaction_rate').result.value,
    );
    expect(qs.responseRate.value).toBe(
      kpis.metrics.find((m: any) => m.id === 'appeals.response_rate').result.value,
    );
    expect(qs.composite).toBe(kpis.composite.value);
    expect(
      (
        await t.call('GET', `/api/v1/appeal-rankings?${YEAR_QUERY}`, {
          cookie: leader,
        })
      ).status,
    ).toBe(403);
  });
});
