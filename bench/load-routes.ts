/**
 * The requests the load bench and the soak send (bench/load.ts, bench/soak.ts), against the demo
 * town 青石镇 of a server started by bench/server.ts: the public intake (each request from its own
 * resident address through X-Forwarded-For, as behind one reverse proxy) and the staff pages
 * people work from — queue, order detail, 三率 dashboard, a ledger list, a report read.
 */
import { randomUUID } from 'node:crypto';
import { getJson, type Served } from './server.ts';

export interface Route {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  /** Builds a fresh body (and headers) per request, e.g. a resident's submission. */
  body?: () => { body: string; headers?: Record<string, string> };
}

let resident = 0;
/** A different resident address per request: 10.x.y.z from a counter. */
export function nextResident(): string {
  resident++;
  return `10.${(resident >> 16) & 255}.${(resident >> 8) & 255}.${resident & 255}`;
}

/** The leader's duty report draft for last year (drafted now if the demo has none). */
async function leaderReport(served: Served, cookie: string, base: string, personId: string) {
  const reports = await getJson(served, cookie, `${base}/reports?limit=5`);
  if (reports.items.length) return reports.items[0].id as string;
  const res = await fetch(`${served.url}${base}/reports`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', origin: served.url },
    body: JSON.stringify({ personId, year: new Date().getFullYear() - 1 }),
  });
  if (res.status !== 201) throw new Error(`draft report: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

export async function demoRoutes(served: Served): Promise<Route[]> {
  const leader = await served.login('shuji');
  const dispatcher = await served.login('paidan');
  const propaganda = await served.login('xuanchuan');
  const me = await getJson(served, leader, '/api/v1/auth/me');
  const townId: string = me.homeTownId ?? me.towns?.[0]?.id ?? me.user?.homeTownId;
  if (!townId) throw new Error(`no town in /auth/me: ${JSON.stringify(me).slice(0, 200)}`);
  const base = `/api/v1/towns/${townId}`;
  const appeals = await getJson(served, dispatcher, `${base}/appeals?limit=20`);
  const appealId: string = appeals.items[0].id;
  const reportId = await leaderReport(served, leader, base, me.personId);
  const catalog = await getJson(served, '', '/api/v1/public/towns/qingshi/catalog');
  const category = catalog.categories[0];
  const categoryCode: string = category.children[0]?.code ?? category.code;
  const villageId: string = catalog.villages[0].id;
  const year = new Date().getFullYear();
  return [
    {
      name: '公开受理（群众提交诉求）',
      method: 'POST',
      path: '/api/v1/public/towns/qingshi/appeals',
      body: () => ({
        body: JSON.stringify({
          categoryCode,
          villageId,
          title: '路灯不亮',
          content: '村口路灯坏了一个多月，晚上走路看不见，希望尽快修好。',
          contactPhone: '13800138000',
        }),
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': nextResident(),
          'idempotency-key': randomUUID(),
        },
      }),
    },
    {
      name: '我的待办（派单员）',
      method: 'GET',
      path: `${base}/appeals/queue`,
      headers: { cookie: dispatcher },
    },
    {
      name: '工单详情',
      method: 'GET',
      path: `${base}/appeals/${appealId}`,
      headers: { cookie: dispatcher },
    },
    {
      name: '三率看板（全年）',
      method: 'GET',
      path: `${base}/appeals/kpis?from=${year}-01-01&to=${year}-12-31`,
      headers: { cookie: leader },
    },
    {
      name: '台账列表（宣传信息报送）',
      method: 'GET',
      path: `${base}/ledger-types/propaganda_item/records?limit=20`,
      headers: { cookie: propaganda },
    },
    {
      name: '述职报告读取',
      method: 'GET',
      path: `${base}/reports/${reportId}`,
      headers: { cookie: leader },
    },
  ];
}

/** The floor: the same server answering a constant route (no session, no database). */
export const FLOOR: Route = { name: '地板：常量路由', method: 'GET', path: '/api/docs/init.js' };
