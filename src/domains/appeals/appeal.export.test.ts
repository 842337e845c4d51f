import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { appealKit, type AppealKit } from '../../testing/appeals.ts';

let t: TestApp;
let k: AppealKit;
beforeAll(async () => {
  t = await createTestApp();
  k = appealKit(t);
});
afterAll(() => t.close());

/** Downloads an export and returns its header row and data rows as text. */
async function download(user: string, path: string) {
  const res = await t.app.request(`${k.base}${path}`, {
    headers: { cookie: await k.cookie(user) },
  });
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  expect(res.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) =>
    rows.push(
      (row.values as unknown[])
        .slice(1)
        .map((v) => (v === null || v === undefined ? '' : String(v))),
    ),
  );
  return { header: rows[0]!, rows: rows.slice(1) };
}

async function allPages(user: string, path: string, key = 'nextCursor') {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await t.call(
      'GET',
      `${k.base}${path}${sep}limit=200${cursor ? `&cursor=${cursor}` : ''}`,
      { cookie: await k.cookie(user) },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    items.push(...res.body.items);
    cursor = res.body[key];
  } while (cursor);
  return items;
}

describe('Excel export of appeal lists', () => {
  it('exports exactly the rows of a filtered list, in order, with masked contacts', async () => {
    const village = await k.village('石桥村');
    await k.intake('paidan', {
      kind: 'hotline',
      channel: 'phone',
      categoryCode: 'urban.roads',
      villageId: village,
      title: '石桥村路灯不亮',
      content: '路灯不亮',
      contactName: '周建国',
      contactPhone: '13812341234',
    });
    const filter = `kind=hotline&villageId=${village}&from=2024-01-01`;
    const list = await allPages('paidan', `/appeals?${filter}`);
    expect(list.length).toBeGreaterThan(5);
    const { header, rows } = await download('paidan', `/appeals/export?${filter}`);
    expect(header).toEqual([
      '编号',
      '标题',
      '类别',
      '村（社区）',
      '承办单位',
      '状态',
      '受理时间',
      '办理期限',
      '联系人',
      '联系电话',
    ]);
    expect(rows.map((r) => r[0])).toEqual(list.map((a) => a.code));
    expect(rows.every((r) => r[3] === '石桥村')).toBe(true);
    const mine = rows.find((r) => r[1] === '石桥村路灯不亮')!;
    expect(mine.slice(8)).toEqual(['周**', '138****1234']);
    expect(mine[2]).toBe('城乡建设 / 道路设施');
    expect(JSON.stringify(rows)).not.toContain('13812341234');
  });

  it('exports my queue and the overdue list as they are shown', async () => {
    const queue = (
      await t.call('GET', `${k.base}/appeals/queue`, { cookie: await k.cookie('zhuangan') })
    ).body;
    expect(queue.truncated).toBe(false);
    const q = await download('zhuangan', '/appeals/queue/export');
    expect(q.header.at(-1)).toBe('可办操作');
    expect(q.rows.map((r) => r[0])).toEqual(queue.items.map((a: any) => a.code));
    const overdue = (
      await t.call('GET', `${k.base}/appeals/overdue`, { cookie: await k.cookie('shuji') })
    ).body.items;
    const o = await download('shuji', '/appeals/overdue/export');
    expect(o.header).toEqual([
      '编号',
      '标题',
      '状态',
      '村（社区）',
      '承办单位',
      '期限',
      '督办',
      '联系人',
      '联系电话',
    ]);
    expect(o.rows.map((r) => r[0])).toEqual(overdue.map((a: any) => a.code));
  });

  it('exports the whole queue when the screen shows only its newest 200, and says the queue is truncated', async () => {
    // The dispatch desk has an action (派单) on every registered order: file enough to pass 200.
    const open = await t.database.db
      .selectFrom('appeal')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('town_id', '=', t.townId)
      .where('state', '=', 'registered')
      .executeTakeFirstOrThrow();
    for (let i = Number(open.n); i <= 205; i++)
      await k.intake('paidan', {
        kind: 'hotline',
        channel: 'phone',
        categoryCode: 'urban.roads',
        title: `路灯不亮 ${i}`,
        content: '路灯不亮，夜间出行不便',
      });
    const queue = (
      await t.call('GET', `${k.base}/appeals/queue`, { cookie: await k.cookie('paidan') })
    ).body;
    expect(queue.items).toHaveLength(200);
    expect(queue.truncated).toBe(true);
    const q = await download('paidan', '/appeals/queue/export');
    expect(q.rows.length).toBeGreaterThan(200);
    expect(q.rows.slice(0, 200).map((r) => r[0])).toEqual(queue.items.map((a: any) => a.code));
    expect(new Set(q.rows.map((r) => r[0])).size).toBe(q.rows.length);
  });

  it('exports exactly the orders behind a KPI figure, for a whole figure and for one group', async () => {
    const period = 'from=2025-01-01&to=2025-12-31';
    const all = await allPages('shuji', `/appeals/kpis/appeals.closure_rate/orders?${period}`);
    const x = await download('shuji', `/appeals/kpis/appeals.closure_rate/orders/export?${period}`);
    expect(x.rows.length).toBe(all.length);
    expect(x.rows.map((r) => r[0])).toEqual(all.map((o) => o.code));
    expect(x.rows.filter((r) => r[5] === '是').length).toBe(
      all.filter((o) => o.inNumerator).length,
    );

    const kpis = (
      await t.call('GET', `${k.base}/appeals/kpis?${period}&groupBy=village`, {
        cookie: await k.cookie('shuji'),
      })
    ).body;
    const group = kpis.metrics
      .find((m: any) => m.id === 'appeals.received')
      .result.groups.find((g: any) => g.key && g.value > 3);
    const figure = `${period}&groupBy=village&group=${group.key}`;
    const drill = await allPages('shuji', `/appeals/kpis/appeals.received/orders?${figure}`);
    const g = await download('shuji', `/appeals/kpis/appeals.received/orders/export?${figure}`);
    expect(g.rows.length).toBe(group.value);
    expect(new Set(g.rows.map((r) => r[0]))).toEqual(new Set(drill.map((o) => o.code)));
  });

  it('keeps the caller’s scope and filters', async () => {
    const cadre = await download('cunganbu', '/appeals/export');
    const list = await allPages('cunganbu', '/appeals');
    expect(cadre.rows.map((r) => r[0])).toEqual(list.map((a) => a.code));
    const bad = await t.call('GET', `${k.base}/appeals/export?from=not-a-date`, {
      cookie: await k.cookie('paidan'),
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].label).toBe('受理开始日期');
  });
});
