/**
 * Ledgers at city scale (DESIGN 11: 5,000,000 ledger records a year on one PostgreSQL).
 *
 * 1. Import: a 100,000-row .xlsx through importLedgerWorkbook inside a transaction, exactly as
 *    `lvzhi import-ledger` runs it, against `COPY … FROM STDIN` of the same rows pre-serialised
 *    (PGlite: `COPY … FROM '/dev/blob'`). Streaming must keep memory flat: the peak RSS growth
 *    over the run is checked against a budget (its row shows MB, not ms).
 * 2. Metrics: every catalogue metric for one person (the demo 宣传委员) over a year through
 *    evaluateMetrics — the batched path the report engine calls (caller resolved once, one scan
 *    per ledger type and grouping) — against one hand-written SQL query per metric, and against
 *    hand-written merged SQL (one query per type and grouping with FILTER per metric, the
 *    stricter floor), on a database of N records over 200 towns × 29 types. The single-metric
 *    path (evaluateMetric, one API request per figure) is timed too and printed for reference.
 *
 * Tunables: BENCH_IMPORT_ROWS (100000), BENCH_LEDGER_RECORDS (5,000,000 on PostgreSQL,
 * 200,000 on PGlite), BENCH_TOWNS (200), BENCH_METRIC_ITERATIONS (20 passes over all metrics).
 */
import { createReadStream, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Actor } from '../src/core/actor.ts';
import type { LedgerType } from '../src/core/ledger/type.ts';
import type { MetricDeclaration } from '../src/core/metrics/declaration.ts';
import { createDemoTown } from '../src/demo/demo-town.ts';
import { importLedgerWorkbook } from '../src/domains/ledgers/excel-import.ts';
import { currentTypes } from '../src/domains/ledgers/ledger-type.repository.ts';
import { nameDirectory } from '../src/domains/ledgers/ledger-record.repository.ts';
import { evaluateMetric, evaluateMetrics } from '../src/domains/metrics/metrics.service.ts';
import { engineActor } from '../src/domains/reports/report-facts.ts';
import { loadCity } from './ledgers-city.ts';
import { mergedFloors } from './ledgers-floor.ts';
import { compare, median, type Bench, type Figure } from './lib.ts';
import {
  CATALOGUE_GROUPS,
  countCorruptCells,
  floorQuery,
  openCopyDatabase,
  RECORD_COLUMNS,
  serialiseRecords,
  writeImportWorkbook,
  type CopyDatabase,
  type FloorQuery,
} from './ledgers-data.ts';

/** Import may take this many times a COPY of the same rows (parse xlsx, validate, batch insert). */
const IMPORT_TARGET = 15;
/** Peak RSS growth during the import, MB: constant-memory streaming, whatever the file length. */
const RSS_BUDGET_MB = 300;
/** All metrics of a person through the service vs the same aggregates as hand-written SQL. */
const METRICS_TARGET = 3;

const IMPORT_TYPE = 'propaganda_item';
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const TOWNS = Number(process.env.BENCH_TOWNS ?? 200);
const ITERATIONS = Number(process.env.BENCH_METRIC_ITERATIONS ?? 20);
const FLOOR_RUNS = 3;
const PASSWORD = 'Bench-password-2025';
const YEAR = { from: '2025-01-01', to: '2025-12-31' };

const mb = (bytes: number) => bytes / 1024 / 1024;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function importFigures(): Promise<{ figures: Figure[]; setting: string }> {
  const database = await openCopyDatabase();
  const dir = await mkdtemp(path.join(tmpdir(), 'lvzhi-bench-'));
  try {
    const demo = await createDemoTown(database.db, PASSWORD);
    const type = (await currentTypes(database.db, demo.townId)).find(
      (t) => t.code === IMPORT_TYPE,
    )!;
    // Rows cite people and units by name, as clerks do; only names unique in the town resolve.
    const names = await nameDirectory(database.db, demo.townId);
    const unique = <T extends { name: string }>(xs: T[]) =>
      xs.filter((x) => xs.filter((y) => y.name === x.name).length === 1);
    const src = {
      people: unique(names.people).slice(0, 20),
      units: unique(names.units).slice(0, 20),
    };

    // The clerk's spelling (Chinese labels and names) first: how many cells the reader corrupts.
    const chinese = path.join(dir, 'chinese.xlsx');
    await writeImportWorkbook(chinese, type, IMPORT_ROWS, src);
    const corrupt = await countCorruptCells(chinese);
    await rm(chinese);
    // Timed: keys, codes and ids (accepted by the importer too) and Latin text, so the run is not
    // cut short by that reader defect.
    const file = path.join(dir, `${IMPORT_TYPE}.xlsx`);
    let t0 = performance.now();
    await writeImportWorkbook(file, type, IMPORT_ROWS, { ...src, ascii: true });
    const writeMs = performance.now() - t0;
    const before = await count(database, demo.townId);

    // The CLI's actor: the operator at the console acts as the town's administrator.
    const actor: Actor = {
      userId: '00000000-0000-0000-0000-000000000000',
      homeTownId: '',
      username: 'cli',
      displayName: '命令行导入',
      personId: null,
      grants: [{ role: 'admin', townId: demo.townId, unitId: null }],
      sessionId: 'cli',
    };
    (globalThis as { gc?: () => void }).gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const probe = () => {
      const rss = process.memoryUsage().rss;
      if (rss > peak) peak = rss;
    };
    const timer = setInterval(probe, 20);
    t0 = performance.now();
    const result = await database.db
      .transaction()
      .execute((trx) =>
        importLedgerWorkbook(
          trx,
          { actor, townId: demo.townId, ip: null },
          IMPORT_TYPE,
          createReadStream(file),
          { onProgress: probe },
        ),
      );
    const importMs = performance.now() - t0;
    clearInterval(timer);
    probe();
    const imported = (await count(database, demo.townId)) - before;
    if (result.imported !== IMPORT_ROWS || imported !== IMPORT_ROWS)
      throw new Error(
        `imported ${result.imported}, table grew by ${imported}, expected ${IMPORT_ROWS}`,
      );

    // Floor: the same rows, serialised before the clock starts, COPYed in one statement.
    const floor: number[] = [];
    for (let r = 0; r < FLOOR_RUNS; r++) {
      const text = serialiseRecords(demo.townId, type, IMPORT_ROWS, { ...src, ascii: true });
      const t = performance.now();
      await database.copy('ledger_record', RECORD_COLUMNS, text);
      floor.push(performance.now() - t);
      const after = await count(database, demo.townId);
      if (after - before !== 2 * IMPORT_ROWS)
        throw new Error(`COPY wrote ${after - before - IMPORT_ROWS} rows, expected ${IMPORT_ROWS}`);
      // COPY ran as one transaction, so its rows share the latest created_at (now()).
      await database.raw(
        `delete from ledger_record where town_id = $1 and type_code = $2
         and created_at = (select max(created_at) from ledger_record where town_id = $1 and type_code = $2)`,
        [demo.townId, IMPORT_TYPE],
      );
    }
    const growth = mb(peak - baseline);
    return {
      figures: [
        {
          name: `Excel 导入 ${IMPORT_ROWS.toLocaleString('en')} 行 / COPY`,
          samples: [importMs],
          floor,
          target: IMPORT_TARGET,
        },
        {
          name: `导入峰值 RSS 增长 MB / 预算 MB`,
          samples: [growth],
          floor: [RSS_BUDGET_MB],
          target: 1,
        },
      ],
      setting:
        `导入：${IMPORT_TYPE}，${(statSync(file).size / 1e6).toFixed(1)} MB 工作簿` +
        `（流式写出 ${s(writeMs)}），导入 ${s(importMs)}` +
        `（${Math.round(IMPORT_ROWS / (importMs / 1000)).toLocaleString('en')} 行/s），` +
        `COPY 中位数 ${s(median(floor))}；RSS 基线 ${mb(baseline).toFixed(0)} MB，` +
        `峰值 ${mb(peak).toFixed(0)} MB，增长 ${growth.toFixed(0)} MB（预算 ≤ ${RSS_BUDGET_MB} MB）` +
        (database.kind === 'pglite' ? '；PGlite 的库在本进程内存中，RSS 含其数据页增长' : '') +
        `\n⚠ 中文版同一工作簿经 exceljs WorkbookReader 读回有 ${corrupt.cells} 个单元格含 U+FFFD` +
        `（跨 64 KB 块的多字节字符被拆坏${corrupt.first ? `，首个：${corrupt.first}` : ''}）；` +
        '计时用英文键/代码/编号版',
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
    await database.close();
  }
}

const count = async (database: CopyDatabase, townId: string) =>
  Number(
    (
      await database.raw<{ n: number }>(
        `select count(*) as n from ledger_record where town_id = $1 and type_code = $2`,
        [townId, IMPORT_TYPE],
      )
    )[0]!.n,
  );

// ---------------------------------------------------------------- metrics

interface MetricCase {
  type: LedgerType;
  metric: MetricDeclaration;
  floor: FloorQuery;
}

async function metricFigures(): Promise<{ figures: Figure[]; setting: string }> {
  const database = await openCopyDatabase();
  const records = Number(
    process.env.BENCH_LEDGER_RECORDS ?? (database.kind === 'postgres' ? 5_000_000 : 200_000),
  );
  try {
    const city = await loadCity(database, { towns: TOWNS, records, password: PASSWORD });
    const { types, total, perTown, orgMs, loadMs } = city;
    const demo = { townId: city.townId };
    const person = (
      await database.raw<{ person_id: string }>(
        `select person_id from app_user where town_id = $1 and username = 'xuanchuan'`,
        [demo.townId],
      )
    )[0]!.person_id;
    const mine = Number(
      (
        await database.raw<{ n: number }>(
          `select count(*) as n from ledger_record
           where town_id = $1 and person_id = $2 and occurred_on between $3 and $4`,
          [demo.townId, person, YEAR.from, YEAR.to],
        )
      )[0]!.n,
    );
    const actor = engineActor(demo.townId);
    const query = { ...YEAR, personId: person };
    const params = [demo.townId, YEAR.from, YEAR.to, person];
    const cases: MetricCase[] = types.flatMap((type) =>
      type.metrics.map((metric) => ({ type, metric, floor: floorQuery(type, metric) })),
    );

    const viaService = (cs: MetricCase[]) => {
      const ids = cs.map((c) => c.metric.id);
      return async () => evaluateMetrics(database.db, actor, demo.townId, ids, query);
    };
    const viaSql = (cs: MetricCase[]) => async () => {
      for (const c of cs) await database.raw(c.floor.text, params);
    };
    const merged = (cs: MetricCase[]) =>
      mergedFloors(
        cs.map((c) => ({ typeCode: c.type.code, metricId: c.metric.id, floor: c.floor })),
      );
    const viaMergedSql = (cs: MetricCase[]) => {
      const floors = merged(cs);
      return async () => {
        for (const f of floors) await database.raw(f.text, params);
      };
    };

    // Every side must compute the same figures, or the ratios mean nothing.
    const same = (
      c: MetricCase,
      got: { value: number | null; groups: { key: string | null; value: number | null }[] | null },
      want: ReturnType<FloorQuery['read']>,
    ) =>
      want instanceof Map
        ? (got.groups ?? []).every((g) => Number(g.value ?? 0) === Number(want.get(g.key) ?? 0)) &&
          [...want.values()].reduce<number>((a, v) => a + Number(v ?? 0), 0) ===
            (got.groups ?? []).reduce((a, g) => a + Number(g.value ?? 0), 0)
        : (got.value === null ? null : Number(got.value)) === want;
    const batched = await evaluateMetrics(
      database.db,
      actor,
      demo.townId,
      cases.map((c) => c.metric.id),
      query,
    );
    const mergedValues = new Map<string, ReturnType<FloorQuery['read']>>();
    for (const f of merged(cases))
      for (const [id, v] of f.read(await database.raw<Record<string, unknown>>(f.text, params)))
        mergedValues.set(id, v);
    for (const c of cases) {
      const single = await evaluateMetric(database.db, actor, demo.townId, c.metric.id, query);
      const want = c.floor.read(await database.raw<Record<string, unknown>>(c.floor.text, params));
      const got = batched.get(c.metric.id)!;
      for (const [what, value] of [
        ['evaluateMetric', single],
        ['evaluateMetrics', got],
      ] as const) {
        if (!same(c, value, want))
          throw new Error(
            `${c.metric.id}: ${what} ${JSON.stringify(value.groups ?? value.value)} ≠ ` +
              `SQL ${JSON.stringify(want instanceof Map ? [...want] : want)}`,
          );
      }
      if (!same(c, got, mergedValues.get(c.metric.id)!))
        throw new Error(`${c.metric.id}: merged SQL differs`);
    }

    const figures: Figure[] = [];
    for (const group of CATALOGUE_GROUPS) {
      const cs = cases.filter((c) => group.codes.includes(c.type.code));
      figures.push({
        name: `${group.label}：${group.codes.length} 类 ${cs.length} 项 / 逐项手写 SQL`,
        ...(await compare(viaService(cs), viaSql(cs), ITERATIONS)),
        target: METRICS_TARGET,
      });
    }
    figures.push({
      name: `全部 ${types.length} 类 ${cases.length} 项 / 逐项手写 SQL`,
      ...(await compare(viaService(cases), viaSql(cases), ITERATIONS)),
      target: METRICS_TARGET,
    });
    figures.push({
      name: `全部 ${types.length} 类 ${cases.length} 项 / 按类合并手写 SQL（${merged(cases).length} 条）`,
      ...(await compare(viaService(cases), viaMergedSql(cases), ITERATIONS)),
      target: METRICS_TARGET,
    });
    // Reference only: the one-request-per-figure path, against the per-metric floor.
    const singlePath = await compare(
      async () => {
        for (const c of cases)
          await evaluateMetric(database.db, actor, demo.townId, c.metric.id, query);
      },
      viaSql(cases),
      Math.max(5, Math.ceil(ITERATIONS / 2)),
    );
    const [single, floor] = [median(singlePath.samples), median(singlePath.floor)];
    const singleNote =
      `逐项 evaluateMetric（单项路径，仅供参考）中位数 ${single.toFixed(2)} ms / ` +
      `逐项手写 SQL ${floor.toFixed(2)} ms = ${(single / floor).toFixed(2)}`;
    return {
      figures,
      setting:
        `指标：${TOWNS} 个乡镇 × ${types.length} 类台账，共 ${total.toLocaleString('en')} 条记录` +
        `（每镇每类 ${perTown} 条，2024–2025；组织数据 ${s(orgMs)}，记录生成 ${s(loadMs)}）；` +
        `宣传委员本人 2025 年 ${mine} 条；evaluateMetrics（批量，引擎身份 leader）` +
        `对比逐项手写 SQL 与按类合并手写 SQL；每项 ${ITERATIONS} 轮\n${singleNote}`,
    };
  } finally {
    await database.close();
  }
}

const bench: Bench = {
  description: `台账：${IMPORT_ROWS.toLocaleString('en')} 行 Excel 导入对比 COPY；一人全年全部目录指标对比手写 SQL`,
  async run() {
    const imp = await importFigures();
    const met = await metricFigures();
    return {
      title: '台账 — Excel 流式导入对比 COPY；指标服务（evaluateMetrics 批量）对比手写 SQL',
      setting:
        `后端 ${process.env.BENCH_DATABASE_URL ? 'postgres' : 'pglite'}\n${imp.setting}\n${met.setting}\n` +
        '（“导入峰值 RSS”一行的数值单位为 MB，不是 ms：值 / 预算 ≤ 1）',
      figures: [...imp.figures, ...met.figures],
    };
  },
};

export default bench;
