/**
 * 接诉即办 (appeals) at city scale.
 *
 * 1. Intake: one 12345 order registered over HTTP (in-process `createApp(...).request()`, logged
 *    in as the demo dispatcher paidan) against one raw `INSERT` of an equivalent appeal row with
 *    the same columns the service writes, pre-built before the clock starts. The API also runs
 *    the workflow engine, takes the next tracking number, writes the first event and an audit
 *    entry, and answers with the full AppealDetail (built from what it wrote, not read back):
 *    worth a handful of statements, so the target is generous.
 * 2. KPI dashboard: the 三率 KPIs of one town-year (`GET …/appeals/kpis`, and evaluateKpis
 *    directly, totals and by month) on a table of N orders over several towns and two years,
 *    against one hand-written query computing the same counts with `count(*) filter (…)`.
 *
 * Tunables: BENCH_INTAKES (1000), BENCH_APPEALS (1,000,000 on PostgreSQL, 100,000 on PGlite),
 * BENCH_APPEAL_TOWNS (10 generated towns besides the demo town), BENCH_KPI_ITERATIONS (30).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createDemoTown } from '../src/demo/demo-town.ts';
import { evaluateKpis } from '../src/domains/appeals/appeal-kpi.service.ts';
import { scopeSql } from '../src/domains/appeals/appeal.policy.ts';
import { createApp } from '../src/server/app.ts';
import {
  generateAppeals,
  expectedKpis,
  INSERT_APPEAL,
  INTAKE_COLUMNS,
  KPI_FLOOR,
  KPI_FLOOR_MONTH,
  pct,
  type KpiCounts,
} from './appeals-data.ts';
import { openBenchDatabase, type BenchDatabase } from './database.ts';
import { compare, median, type Bench, type Figure } from './lib.ts';
import { generateTowns } from './org-data.ts';
import { benchApp } from './app.ts';

/** One intake over HTTP may take this many times one raw INSERT of the row. */
const INTAKE_TARGET = 20;
/** All KPIs of a town-year through the service may take this many times one hand-written query. */
const KPI_TARGET = 3;

const INTAKES = Number(process.env.BENCH_INTAKES ?? 1000);
const TOWNS = Number(process.env.BENCH_APPEAL_TOWNS ?? 10);
const KPI_ITERATIONS = Number(process.env.BENCH_KPI_ITERATIONS ?? 30);
const PASSWORD = 'Bench-password-2025';
const YEAR = { from: '2025-01-01', to: '2025-12-31' };
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function appFor(database: BenchDatabase) {
  return benchApp(database.db);
}

async function loginAs(app: ReturnType<typeof createApp>, username: string) {
  const login = await app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  return (login.headers.get('set-cookie') ?? '').split(';')[0]!;
}

// ---------------------------------------------------------------- intake

async function intakeFigures(
  database: BenchDatabase,
  townId: string,
): Promise<{ figures: Figure[]; setting: string }> {
  const app = appFor(database);
  const cookie = await loginAs(app, 'paidan');
  const base = `/api/v1/towns/${townId}`;
  let n = 0;
  const intake = async () => {
    n++;
    const res = await app.request(`${base}/appeals`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'hotline',
        channel: 'hotline_12345',
        categoryCode: 'utilities.water_supply',
        title: `停水未通知 ${n}`,
        content: `小区停水三天未见通知，群众反映第 ${n} 次`,
        contactName: '王某某',
        contactPhone: '13812345678',
        payload: { hotlineNo: `RX${n}` },
      }),
    });
    if (res.status !== 201) throw new Error(`intake: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const first = (await intake()) as { id: string };

  // Floor rows: the row the service just wrote, with a fresh id and code each, serialised now.
  const [template] = await database.raw<Record<string, unknown>>(
    `select ${INTAKE_COLUMNS.join(', ')} from appeal where town_id = $1 and id = $2`,
    [townId, first.id],
  );
  const calls = 5 * (Math.ceil(INTAKES / 5) + Math.ceil(Math.ceil(INTAKES / 5) / 10)) + 10;
  const rows = Array.from({ length: calls }, (_, i) =>
    INTAKE_COLUMNS.map((c) =>
      c === 'id'
        ? randomUUID()
        : c === 'code'
          ? `F-${String(i).padStart(6, '0')}`
          : c === 'snapshot'
            ? JSON.stringify(template![c])
            : c === 'title'
              ? `停水未通知 F${i}`
              : template![c],
    ),
  );
  let next = 0;
  const insert = () => database.raw(INSERT_APPEAL, rows[next++]);

  const count = async (pattern: string) =>
    Number(
      (
        await database.raw<{ n: number }>(
          `select count(*) as n from appeal where town_id = $1 and code like $2`,
          [townId, pattern],
        )
      )[0]!.n,
    );
  const before = await count('__-%');
  const events0 = Number(
    (
      await database.raw<{ n: number }>(
        `select count(*) as n from appeal_event where town_id = $1`,
        [townId],
      )
    )[0]!.n,
  );
  const t0 = performance.now();
  const timed = await compare(intake, insert, INTAKES);
  const wallMs = performance.now() - t0;
  const made = (await count('__-%')) - before;
  const events =
    Number(
      (
        await database.raw<{ n: number }>(
          `select count(*) as n from appeal_event where town_id = $1`,
          [townId],
        )
      )[0]!.n,
    ) - events0;
  if (made !== n - 1 || events !== made || (await count('F-%')) !== next)
    throw new Error(`intakes ${made} (events ${events}) vs calls ${n - 1}; floor rows ${next}`);
  return {
    figures: [{ name: `受理 1 件（API / 裸 INSERT）`, ...timed, target: INTAKE_TARGET }],
    setting:
      `受理：以派单员 paidan 登录，POST /appeals（12345 热线件）${made} 次，` +
      `穿插同样多次单行 INSERT（${INTAKE_COLUMNS.length} 列，同服务写入的列，预先构造）；` +
      `API 中位 ${median(timed.samples).toFixed(2)} ms ≈ ` +
      `${Math.round(1000 / median(timed.samples))} 件/s` +
      `（单连接串行；另写事件 + 审计，返回完整详情）；总耗时 ${s(wallMs)}`,
  };
}

// ---------------------------------------------------------------- KPIs

async function kpiFigures(
  database: BenchDatabase,
  townId: string,
): Promise<{ figures: Figure[]; setting: string }> {
  const orders = Number(
    process.env.BENCH_APPEALS ?? (database.kind === 'postgres' ? 1_000_000 : 100_000),
  );
  const town = await database.db
    .selectFrom('town')
    .select('county_id')
    .where('id', '=', townId)
    .executeTakeFirstOrThrow();
  let t0 = performance.now();
  const towns = await generateTowns(database.db, town.county_id, {
    towns: TOWNS,
    units: 4,
    people: 4,
    positions: 4,
  });
  await generateAppeals(database.raw, [townId, ...towns], orders);
  const loadMs = performance.now() - t0;
  const total = Number(
    (await database.raw<{ n: number }>(`select count(*) as n from appeal`))[0]!.n,
  );

  const app = appFor(database);
  const cookie = await loginAs(app, 'paidan');
  const url = `/api/v1/towns/${townId}/appeals/kpis?from=${YEAR.from}&to=${YEAR.to}`;
  const viaApi = async () => {
    const res = await app.request(url, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<any>;
  };
  // paidan is town-wide (dispatcher), so the service's scope is `true`, as the route computes it.
  const scope = scopeSql({ all: true });
  const viaService = (groupBy?: 'month') => () =>
    evaluateKpis(database.db, scope, { townId, ...YEAR, ...(groupBy ? { groupBy } : {}) });
  const floor = () => database.raw<KpiCounts>(KPI_FLOOR, [townId, YEAR.from, YEAR.to]);
  const floorMonth = () =>
    database.raw<KpiCounts & { month: string }>(KPI_FLOOR_MONTH, [townId, YEAR.from, YEAR.to]);

  // Both sides must compute the same figures, or the ratio means nothing.
  const [counts] = await floor();
  const want = expectedKpis(counts!);
  for (const got of [(await viaApi()).metrics, (await viaService()()).metrics] as {
    id: string;
    result: { value: number | null };
  }[][]) {
    for (const m of got)
      if (m.result.value !== want[m.id])
        throw new Error(`${m.id}: service ${m.result.value} ≠ SQL ${want[m.id]}`);
  }
  const byMonth = (await viaService('month')()).metrics as {
    id: string;
    result: { groups: { key: string; value: number | null }[] };
  }[];
  const monthRows = await floorMonth();
  for (const r of monthRows) {
    const w = expectedKpis(r);
    for (const m of byMonth) {
      const g = m.result.groups.find((x) => x.key === r.month);
      if ((g?.value ?? null) !== w[m.id])
        throw new Error(`${m.id} ${r.month}: service ${g?.value} ≠ SQL ${w[m.id]}`);
    }
  }

  t0 = performance.now();
  const figures: Figure[] = [
    {
      name: `KPI 看板 API（全年合计）`,
      ...(await compare(viaApi, floor, KPI_ITERATIONS)),
      target: KPI_TARGET,
    },
    {
      name: `evaluateKpis（全年合计）`,
      ...(await compare(viaService(), floor, KPI_ITERATIONS)),
      target: KPI_TARGET,
    },
    {
      name: `evaluateKpis（按月 12 组）`,
      ...(await compare(viaService('month'), floorMonth, KPI_ITERATIONS)),
      target: KPI_TARGET,
    },
  ];
  const c = counts!;
  return {
    figures,
    setting:
      `KPI：${TOWNS + 1} 个乡镇，共 ${total.toLocaleString('en')} 件工单` +
      `（生成 ${orders.toLocaleString('en')} 件，2024–2025，${s(loadMs)}）；` +
      `演示乡镇 2025 年受理 ${Number(c.received).toLocaleString('en')} 件（不含合并件），` +
      `响应率 ${pct(Number(c.responded), Number(c.received))}%、` +
      `办结率 ${pct(Number(c.closed), Number(c.received))}%、` +
      `满意率 ${pct(Number(c.satisfied), Number(c.rated))}%；` +
      `每项 ${KPI_ITERATIONS} 次，计时 ${s(performance.now() - t0)}`,
  };
}

const bench: Bench = {
  description: `接诉即办：受理 API 对比裸 INSERT；乡镇全年 KPI 看板对比一条手写 SQL`,
  async run() {
    const database = await openBenchDatabase();
    try {
      const demo = await createDemoTown(database.db, PASSWORD);
      const intake = await intakeFigures(database, demo.townId);
      const kpi = await kpiFigures(database, demo.townId);
      return {
        title:
          '接诉即办 — 受理（进程内 app.request，派单员）对比裸 INSERT；三率 KPI（API / evaluateKpis）对比一条手写 SQL',
        setting: `后端 ${database.kind}\n${intake.setting}\n${kpi.setting}`,
        figures: [...intake.figures, ...kpi.figures],
      };
    } finally {
      await database.close();
    }
  },
};

export default bench;
