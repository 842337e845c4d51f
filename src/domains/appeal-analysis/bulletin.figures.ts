/**
 * 分析通报 figures: the evaluated KPI and bulletin-metric reports become the figures, tables and
 * lists of the bulletin. Every figure keeps its metric id and the params of its drill-down (GET
 * …/appeal-bulletin/metrics/{id}/orders); nothing is counted here. Pure: no I/O.
 */
import type { MetricResult } from '../../core/metrics/result.ts';
import type { BulletinData, Figure, NamedFigure } from './bulletin.compose.ts';

/** A KPI report as the appeals domain's evaluateKpis answers it: each metric's result, the composite. */
interface KpiReport {
  metrics: { id: string; unit: string; result: MetricResult }[];
  composite: { kind: 'total'; value: number | null } | { kind: 'grouped' };
}
type MetricReport = Record<string, MetricResult>;

/** Every report one bulletin is made of, evaluated together by the service. */
export interface BulletinReports {
  totals: KpiReport;
  byKind: KpiReport;
  byCategory: KpiReport;
  /** Town-wide bulletins only: a village or unit bulletin has no village list. */
  byVillage: KpiReport | null;
  /** The bulletin metrics (overdue) over the whole scope. */
  extra: MetricReport;
  /** Table 1 lists villages, or the handling units inside a village bulletin. */
  tableBy: 'village' | 'unit';
  byTable: KpiReport;
  extraByTable: MetricReport;
}

/** Names and drill-down parameters the figures are labelled with. */
export interface FigureContext {
  /** A chip's params are exactly the query of its drill-down. */
  params: Record<string, string>;
  asOf: Date;
  unitName: (id: string | null | undefined) => string;
  categories: { code: string; name: string }[];
  /** A workflow kind's Chinese name (12345热线, 信访, …). */
  kindLabel: (kind: string) => string;
}

type FigureSections = Pick<
  BulletinData,
  'totals' | 'composite' | 'byKind' | 'topCategories' | 'villages' | 'tables'
>;

const TABLE_COLUMNS = [
  { metricId: 'appeals.received', label: '受理量' },
  { metricId: 'appeals.response_rate', label: '响应率' },
  { metricId: 'appeals.resolution_rate', label: '解决率' },
  { metricId: 'appeals.satisfaction_rate', label: '满意率' },
  { metricId: 'appeals.overdue_open', label: '逾期' },
];
const CATEGORY_COLUMNS = [
  { metricId: 'appeals.received', label: '受理量' },
  { metricId: 'appeals.resolution_rate', label: '解决率' },
  { metricId: 'appeals.satisfaction_rate', label: '满意率' },
];

const cellOf = (r: MetricResult | undefined) => (r?.kind === 'total' ? r.value : null);

function groupsOf(report: KpiReport | null, id: string) {
  const r = report?.metrics.find((m) => m.id === id)?.result;
  return r?.kind === 'grouped' ? r.groups : [];
}

/** The scope's totals: the KPIs over the period, the bulletin metrics as of the issue time. */
function totalFigures(r: BulletinReports, ctx: FigureContext): Record<string, Figure> {
  const figures: Record<string, Figure> = {};
  for (const m of r.totals.metrics)
    figures[m.id] = { metricId: m.id, value: cellOf(m.result), unit: m.unit, params: ctx.params };
  for (const [id, x] of Object.entries(r.extra))
    figures[id] = {
      metricId: id,
      value: cellOf(x),
      unit: '件',
      params: { ...ctx.params, asOf: ctx.asOf.toISOString() },
    };
  return figures;
}

const named = (
  ctx: FigureContext,
  groupBy: string,
  key: string | null,
  name: string,
  value: number | null,
  metricId = 'appeals.received',
  unit = '件',
): NamedFigure => ({
  metricId,
  value,
  unit,
  name,
  params: { ...ctx.params, groupBy, group: key ?? '' },
});

/** One cell of a grouped table: the group's value of one metric, drilled into that group. */
function groupCell(
  r: BulletinReports,
  figures: Record<string, Figure>,
  ctx: FigureContext,
  report: KpiReport | MetricReport,
  cellAt: { groupBy: string; key: string | null; metricId: string },
): Figure {
  const { groupBy, key, metricId } = cellAt;
  const result =
    'metrics' in report
      ? (report as KpiReport).metrics.find((m) => m.id === metricId)?.result
      : (report as MetricReport)[metricId];
  // A group with no matching rows is absent from a grouped result: zero for a count, no value for a rate.
  const count = figures[metricId]?.unit === '件';
  const value =
    result?.kind === 'grouped'
      ? (result.groups.find((g) => g.key === key)?.value ?? (count ? 0 : null))
      : null;
  const extraParams = metricId in r.extra ? { asOf: ctx.asOf.toISOString() } : {};
  return {
    metricId,
    value,
    unit: figures[metricId]?.unit ?? '件',
    params: { ...ctx.params, ...extraParams, groupBy, group: key ?? '' },
  };
}

/** The five categories with most orders received. */
const topCategoryGroups = (r: BulletinReports) =>
  groupsOf(r.byCategory, 'appeals.received')
    .filter((g) => g.key)
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0))
    .slice(0, 5);

/** 表1 (villages or units, with a 合计 row) and 表2 (top categories); empty tables are left out. */
function bulletinTables(
  r: BulletinReports,
  figures: Record<string, Figure>,
  ctx: FigureContext,
): BulletinData['tables'] {
  const { tableBy } = r;
  const cell = (
    report: KpiReport | MetricReport,
    groupBy: string,
    key: string | null,
    id: string,
  ) => groupCell(r, figures, ctx, report, { groupBy, key, metricId: id });
  const reportFor = (metricId: string) => (metricId in r.extra ? r.extraByTable : r.byTable);
  const tableRows = groupsOf(r.byTable, 'appeals.received')
    .filter((g) => (g.value ?? 0) > 0)
    .sort(
      (a, b) =>
        (b.value ?? 0) - (a.value ?? 0) ||
        ctx.unitName(a.key).localeCompare(ctx.unitName(b.key), 'zh-CN'),
    );
  const categoryName = (key: string | null) =>
    ctx.categories.find((c) => c.code === key)?.name ?? key ?? '未分类';
  return [
    {
      title: tableBy === 'village' ? '各村（社区）诉求办理情况' : '各承办单位诉求办理情况',
      groupLabel: tableBy === 'village' ? '村（社区）' : '承办单位',
      columns: TABLE_COLUMNS,
      rows: [
        ...tableRows.map((g) => ({
          name: g.key
            ? ctx.unitName(g.key)
            : tableBy === 'village'
              ? '未标注村（社区）'
              : '尚未派单',
          cells: TABLE_COLUMNS.map((c) => cell(reportFor(c.metricId), tableBy, g.key, c.metricId)),
        })),
        { name: '合计', cells: TABLE_COLUMNS.map((c) => figures[c.metricId]!) },
      ],
    },
    {
      title: '受理量居前的诉求类别',
      groupLabel: '诉求类别',
      columns: CATEGORY_COLUMNS,
      rows: topCategoryGroups(r).map((g) => ({
        name: categoryName(g.key),
        cells: CATEGORY_COLUMNS.map((c) => cell(r.byCategory, 'category', g.key, c.metricId)),
      })),
    },
  ].filter((x) => x.rows.length > (x.columns === TABLE_COLUMNS ? 1 : 0));
}

/** Each village's orders received and satisfaction rate (town-wide bulletins). */
function villageFigures(r: BulletinReports, ctx: FigureContext): BulletinData['villages'] {
  const satisfaction = groupsOf(r.byVillage, 'appeals.satisfaction_rate');
  return groupsOf(r.byVillage, 'appeals.received')
    .filter((g) => g.key)
    .map((g) => ({
      name: ctx.unitName(g.key),
      received: named(ctx, 'village', g.key, ctx.unitName(g.key), g.value),
      satisfaction: named(
        ctx,
        'village',
        g.key,
        ctx.unitName(g.key),
        satisfaction.find((s) => s.key === g.key)?.value ?? null,
        'appeals.satisfaction_rate',
        '%',
      ),
    }));
}

/** The bulletin's figures: totals, composite index, by kind, top categories, villages and tables. */
export function figureSections(r: BulletinReports, ctx: FigureContext): FigureSections {
  const figures = totalFigures(r, ctx);
  return {
    totals: figures,
    composite: r.totals.composite.kind === 'total' ? r.totals.composite.value : null,
    byKind: groupsOf(r.byKind, 'appeals.received').map((g) =>
      named(ctx, 'kind', g.key, g.key ? ctx.kindLabel(g.key) : '其他', g.value),
    ),
    topCategories: topCategoryGroups(r).map((g) =>
      named(
        ctx,
        'category',
        g.key,
        ctx.categories.find((c) => c.code === g.key)?.name ?? g.key!,
        g.value,
      ),
    ),
    villages: villageFigures(r, ctx),
    tables: bulletinTables(r, figures, ctx),
  };
}
