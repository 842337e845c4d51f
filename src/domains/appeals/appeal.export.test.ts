import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { localDateOf } from '../../core/calendar/index.ts';
import { appealCast, appealKit, type AppealCast, type AppealKit } from '../../testing/appeals.ts';
import { actorFromCookie } from '../auth/session.service.ts';
import * as service from './appeal.service.ts';

// The town's orders: four in 东村 (one closed after a follow-up, two dispatched to 宣传办, one just
// registered), two in 西村, and one dispatched to 宣传办 a month ago and never claimed (overdue).
let t: TestApp;
let k: AppealKit;
let cast: AppealCast;
const year = localDateOf(new Date()).slice(0, 4);

const hotline = (title: string, villageId?: string, contact?: [string, string]) => ({
  kind: 'hotline',
  channel: 'phone',
  categoryCode: 'urban.roads',
  villageId,
  title,
  content: `${title}，请尽快处理`,
  payload: {},
  ...(contact ? { contactName: contact[0], contactPhone: contact[1] } : {}),
});

async function dispatchedLongAgo(title: string) {
  const cookie = cast.users.dispatcher.cookie;
  const actor = (await actorFromCookie(t.database.db, cookie.slice(cookie.indexOf('=') + 1), 24))!;
  const ctx = { actor, townId: t.townId, ip: null };
  const at = new Date(Date.now() - 30 * 86_400_000);
  await t.database.db.transaction().execute(async (trx) => {
    const { row } = await service.intake(trx, ctx, hotline(title, cast.otherVillage), { at });
    const payload = { unitId: cast.propagandaOffice };
    await service.fire(trx, ctx, row.id, { action: 'dispatch', version: 1, payload }, { at });
  });
}

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  k = appealKit(t);
  cast = await appealCast(t);
  const toOffice = { unitId: cast.propagandaOffice };
  let closed = await k.intake('dispatcher', hotline('东村井盖缺失', cast.village));
  closed = await k.act('dispatcher', closed, 'dispatch', toOffice);
  closed = await k.act('staff', closed, 'claim');
  closed = await k.act('staff', closed, 'reply', { replyText: '已补装', contacted: true });
  closed = await k.act('dispatcher', closed, 'follow_up', { satisfaction: '满意', solved: true });
  await k.act('dispatcher', closed, 'close');
  for (const title of ['东村路面坑洼', '东村护栏损坏'])
    await k.act(
      'dispatcher',
      await k.intake('dispatcher', hotline(title, cast.village)),
      'dispatch',
      toOffice,
    );
  await k.intake('dispatcher', hotline('东村排水沟堵塞', cast.village));
  await k.intake('dispatcher', hotline('西村路灯不亮', cast.otherVillage));
  await dispatchedLongAgo('西村桥面裂缝');
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
    const village = cast.village;
    await k.intake('dispatcher', hotline('东村路灯不亮', village, ['周建国', '13812341234']));
    const filter = `kind=hotline&villageId=${village}&from=2024-01-01`;
    const list = await allPages('dispatcher', `/appeals?${filter}`);
    expect(list).toHaveLength(5);
    const { header, rows } = await download('dispatcher', `/appeals/export?${filter}`);
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
    expect(rows.every((r) => r[3] === '东村')).toBe(true);
    const mine = rows.find((r) => r[1] === '东村路灯不亮')!;
    expect(mine.slice(8)).toEqual(['周**', '138****1234']);
    expect(mine[2]).toBe('城乡建设 / 道路设施');
    expect(JSON.stringify(rows)).not.toContain('13812341234');
  });

  it('exports my queue and the overdue list as they are shown', async () => {
    const queue = (
      await t.call('GET', `${k.base}/appeals/queue`, { cookie: await k.cookie('staff') })
    ).body;
    expect(queue.truncated).toBe(false);
    expect(queue.items).toHaveLength(3);
    const q = await download('staff', '/appeals/queue/export');
    expect(q.header.at(-1)).toBe('可办操作');
    expect(q.rows.map((r) => r[0])).toEqual(queue.items.map((a: any) => a.code));
    const overdue = (
      await t.call('GET', `${k.base}/appeals/overdue`, { cookie: await k.cookie('leader') })
    ).body.items;
    expect(overdue.map((a: any) => a.title)).toEqual(['西村桥面裂缝']);
    const o = await download('leader', '/appeals/overdue/export');
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
      await k.intake('dispatcher', {
        kind: 'hotline',
        channel: 'phone',
        categoryCode: 'urban.roads',
        title: `路灯不亮 ${i}`,
        content: '路灯不亮，夜间出行不便',
      });
    const queue = (
      await t.call('GET', `${k.base}/appeals/queue`, { cookie: await k.cookie('dispatcher') })
    ).body;
    expect(queue.items).toHaveLength(200);
    expect(queue.truncated).toBe(true);
    const q = await download('dispatcher', '/appeals/queue/export');
    expect(q.rows.length).toBeGreaterThan(200);
    expect(q.rows.slice(0, 200).map((r) => r[0])).toEqual(queue.items.map((a: any) => a.code));
    expect(new Set(q.rows.map((r) => r[0])).size).toBe(q.rows.length);
  });

  it('exports exactly the orders behind a KPI figure, for a whole figure and for one group', async () => {
    const period = `from=${year}-01-01&to=${year}-12-31`;
    const all = await allPages('leader', `/appeals/kpis/appeals.closure_rate/orders?${period}`);
    const x = await download(
      'leader',
      `/appeals/kpis/appeals.closure_rate/orders/export?${period}`,
    );
    expect(x.rows.length).toBe(all.length);
    expect(x.rows.map((r) => r[0])).toEqual(all.map((o) => o.code));
    expect(x.rows.filter((r) => r[5] === '是').length).toBe(
      all.filter((o) => o.inNumerator).length,
    );
    expect(x.rows.filter((r) => r[5] === '是').map((r) => r[1])).toEqual(['东村井盖缺失']);

    const kpis = (
      await t.call('GET', `${k.base}/appeals/kpis?${period}&groupBy=village`, {
        cookie: await k.cookie('leader'),
      })
    ).body;
    const group = kpis.metrics
      .find((m: any) => m.id === 'appeals.received')
      .result.groups.find((g: any) => g.key === cast.village);
    expect(group.value).toBeGreaterThanOrEqual(4);
    const figure = `${period}&groupBy=village&group=${group.key}`;
    const drill = await allPages('leader', `/appeals/kpis/appeals.received/orders?${figure}`);
    const g = await download('leader', `/appeals/kpis/appeals.received/orders/export?${figure}`);
    expect(g.rows.length).toBe(group.value);
    expect(new Set(g.rows.map((r) => r[0]))).toEqual(new Set(drill.map((o) => o.code)));
  });

  it('keeps the caller’s scope and filters', async () => {
    const cadre = await download('cadre', '/appeals/export');
    const list = await allPages('cadre', '/appeals');
    expect(cadre.rows.map((r) => r[0])).toEqual(list.map((a) => a.code));
    expect(cadre.rows.length).toBeGreaterThan(0);
    expect(cadre.rows.every((r) => r[3] === '东村')).toBe(true);
    const bad = await t.call('GET', `${k.base}/appeals/export?from=not-a-date`, {
      cookie: await k.cookie('dispatcher'),
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].label).toBe('受理开始日期');
  });
});
