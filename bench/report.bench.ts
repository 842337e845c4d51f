/**
 * Duty reports at city scale (DESIGN 8, 11): the demo town inside a city of 200 towns and N
 * ledger records (bench/ledgers-city.ts). For one official — the party secretary, town-wide,
 * the most numbers of any demo report — two figures against the same floor:
 *
 * 1. Compose + export: `composeFor` (facts through the batched metrics service, phrase bank,
 *    grounding signals, highlights, appeals KPIs) and the Word export of the result.
 * 2. Draft read through the whole HTTP stack (session → policy → report row → every number
 *    chip recounted → JSON).
 *
 * Floor — the metrics alone: every distinct number chip of the composed report as its compiled
 * value query (one query per chip, its own period and scope), sent as raw SQL through the bare
 * driver. Tunables: BENCH_LEDGER_RECORDS (5,000,000 on PostgreSQL, 200,000 on PGlite),
 * BENCH_TOWNS (200), BENCH_ITERATIONS (30).
 */
import { sql } from 'kysely';
import { compileMetricValue, type EvaluationParams } from '../src/db/metrics/compile.ts';
import { createSourceRegistry } from '../src/db/metrics/source.ts';
import { allChips, type ReportDocument } from '../src/core/report/model.ts';
import { APPEAL_KPIS, appealsSource } from '../src/domains/appeals/appeal-kpi.service.ts';
import { SHORTCOMING_METRICS } from '../src/domains/reports/report-appeals.ts';
import { renderReport } from '../src/domains/reports/report-export.ts';
import { composeFor } from '../src/domains/reports/report.service.ts';
import { loadCity } from './ledgers-city.ts';
import { openCopyDatabase } from './ledgers-data.ts';
import { compare, median, sample, type Bench, type Figure } from './lib.ts';
import { benchApp } from './app.ts';

/**
 * Draft read: was ≤ 12 while every chip reloaded the town's ledger catalogue (measured ~9.6× on
 * PGlite); with the batched metrics service (caller resolved once, one scan per ledger type and
 * grouping) it is held to 3× what its numbers cost to count one query at a time.
 * Compose + export: composing evaluates more than it cites — every candidate metric of each
 * portfolio (zeros included, to name empty ledgers; one scan per ledger type), last year's values
 * of the first figures cited, one small drill-down page per highlight, the appeals KPIs with the
 * shortcoming counts in one scan, the subject and template — then renders Word. Was 8 at 7.4×;
 * with highlights read five rows at a time, the appeals cohort counted once, last year only until
 * two drops are found and fewer subject/template queries it measured 5.9× on PGlite (200 towns),
 * so the target is 7 (margin for a shared machine), not 3; docs/performance.md says why.
 */
const COMPOSE_TARGET = 7;
const READ_TARGET = 3;
const TOWNS = Number(process.env.BENCH_TOWNS ?? 200);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 30);
const PASSWORD = 'Bench-password-2025';
const YEAR = 2025;

const bench: Bench = {
  description: '述职报告（城市规模）：一名领导的起草+导出、草稿读取，对比其数字的指标 SQL',
  async run() {
    const database = await openCopyDatabase();
    const records = Number(
      process.env.BENCH_LEDGER_RECORDS ?? (database.kind === 'postgres' ? 5_000_000 : 200_000),
    );
    try {
      const city = await loadCity(database, { towns: TOWNS, records, password: PASSWORD });
      const townId = city.townId;
      const person = (
        await database.db
          .selectFrom('app_user')
          .select('person_id')
          .where('town_id', '=', townId)
          .where('username', '=', 'shuji')
          .executeTakeFirstOrThrow()
      ).person_id!;

      // Sanity: the secretary's report counts town-wide, so chips carry only the period.
      const composed = await composeFor(database.db, townId, person, YEAR);
      const chips = allChips(composed.document);
      if (chips.some((c) => c.params.personId || c.params.unitId))
        throw new Error('expected town-wide chips for the party secretary');
      const exported = await renderReport(composed.document, 'docx');

      const ledgers = createSourceRegistry(city.types);
      const appeals = createSourceRegistry([]);
      appeals.register('appeals', () => appealsSource(sql`true`));
      const declarations = new Map(
        [...city.types.flatMap((t) => t.metrics), ...APPEAL_KPIS, ...SHORTCOMING_METRICS].map(
          (m) => [m.id, m],
        ),
      );
      const distinct = [
        ...new Map(chips.map((c) => [JSON.stringify([c.metricId, c.params]), c])).values(),
      ];
      const queries = distinct.map((c) => {
        const m = declarations.get(c.metricId);
        if (!m) throw new Error(`unknown chip metric ${c.metricId}`);
        const params: EvaluationParams = {
          townIds: [townId],
          period: { from: String(c.params.from), to: String(c.params.to) },
        };
        return compileMetricValue(m, params, c.metricId.startsWith('appeals.') ? appeals : ledgers);
      });
      const metricsAlone = async () => {
        for (const q of queries) await database.raw(q.sql, q.parameters as unknown[]);
      };

      const composeAndExport = async () => {
        const { document } = await composeFor(database.db, townId, person, YEAR);
        await renderReport(document, 'docx');
      };

      const app = benchApp(database.db);
      const login = await app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: PASSWORD }),
      });
      if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      const base = `/api/v1/towns/${townId}/reports`;
      const created = await app.request(base, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ personId: person, year: YEAR }),
      });
      if (created.status !== 201)
        throw new Error(`draft failed: ${created.status} ${await created.text()}`);
      const report = (await created.json()) as { id: string; document: ReportDocument };
      const readDraft = async () => {
        const res = await app.request(`${base}/${report.id}`, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`read failed: ${res.status}`);
        await res.json();
      };
      const readFloor = async () => {
        await database.raw('select * from report where town_id = $1 and id = $2', [
          townId,
          report.id,
        ]);
        await metricsAlone();
      };

      const composeRun = await compare(composeAndExport, metricsAlone, ITERATIONS);
      // Where the time goes (reference): composing alone, exporting alone, and the metrics
      // service evaluating exactly the cited chips (recount of the composed document).
      const composeOnly = median(
        await sample(
          () => composeFor(database.db, townId, person, YEAR),
          Math.ceil(ITERATIONS / 2),
        ),
      );
      const exportOnly = median(
        await sample(() => renderReport(composed.document, 'docx'), Math.ceil(ITERATIONS / 2)),
      );
      const figures: Figure[] = [
        {
          name: `起草+导出 Word（${chips.length} 个数字）/ 数字的指标 SQL`,
          ...composeRun,
          target: COMPOSE_TARGET,
        },
        {
          name: `草稿读取 API（${allChips(report.document).length} 个数字实时重算）/ 报告行 + 指标 SQL`,
          ...(await compare(readDraft, readFloor, ITERATIONS)),
          target: READ_TARGET,
        },
      ];
      return {
        title:
          '述职报告 — 城市规模下一名领导（党委书记，全镇口径）的起草+导出与草稿读取，对比其数字的指标 SQL',
        setting:
          `${database.kind}；${TOWNS} 个乡镇，台账记录 ${city.total.toLocaleString('en')} 条` +
          `（每镇每类 ${city.perTown} 条；组织 ${(city.orgMs / 1000).toFixed(1)} s，` +
          `记录 ${(city.loadMs / 1000).toFixed(1)} s）；` +
          `演示乡镇一年工单；${queries.length} 个不同的指标查询；` +
          `Word ${(exported.body.byteLength / 1024).toFixed(0)} KB；` +
          `起草+导出中位数 ${median(composeRun.samples).toFixed(1)} ms` +
          `（其中起草 ${composeOnly.toFixed(1)} ms，导出 Word ${exportOnly.toFixed(1)} ms）；每项 ${ITERATIONS} 轮`,
        figures,
      };
    } finally {
      await database.close();
    }
  },
};

export default bench;
