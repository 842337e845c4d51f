/**
 * 分析通报 for a period and a scope (the caller's town-wide view, or one village or handling unit
 * inside it): gathers the KPI figures (appeal.kpi.ts), the bulletin metrics (overdue), the problem
 * list and commitments, and composes the document. Every appeal figure is a metric value with its
 * drill-down; nothing is counted here by hand.
 */
import type { Kysely, RawBuilder, SqlBool } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { localDateOf } from '../../core/calendar/index.ts';
import { InvalidInput } from '../../core/errors.ts';
import type { MetricResult } from '../../core/metrics/result.ts';
import type { DB } from '../../db/schema.ts';
import { kindFor } from '../appeals/appeal.kinds.ts';
import { evaluateKpis, type Grouping } from '../appeals/appeal.kpi.ts';
import { analysisScope } from './analysis.policy.ts';
import {
  composeBulletin,
  periodLabel,
  type BulletinData,
  type Figure,
} from './bulletin.compose.ts';
import { bulletinMetricOrders, evaluateBulletinMetrics } from './bulletin.metrics.ts';
import { listCommitments } from './commitment.service.ts';
import * as repo from './problem.repository.ts';
import { toProblem } from './problem.service.ts';
import { bulletinScope, rootCategories, townName, townUnits } from './bulletin.repository.ts';

export { bulletinScope };

type Db = Kysely<DB>;

export interface BulletinQuery {
  from: string;
  to: string;
  villageId?: string | undefined;
  unitId?: string | undefined;
}

const cellOf = (r: MetricResult | undefined) => (r?.kind === 'total' ? r.value : null);

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

export async function buildBulletin(
  db: Db,
  actor: Actor,
  townId: string,
  q: BulletinQuery,
  asOf = new Date(),
) {
  if (q.from > q.to)
    throw new InvalidInput('开始日期不能晚于结束日期', [
      { path: 'to', label: '结束日期', message: '结束日期不能早于开始日期' },
    ]);
  if (q.villageId && q.unitId)
    throw new InvalidInput('通报范围只能选村（社区）或承办单位之一', [
      { path: 'unitId', label: '承办单位', message: '与村（社区）只能选其一' },
    ]);
  const scope = await analysisScope(db, actor, townId);
  const pred = bulletinScope(scope.appealSql, q);
  const town = { name: await townName(db, townId) };
  const units = await townUnits(db, townId);
  const unitName = (id: string | null | undefined) =>
    id ? (units.find((u) => u.id === id)?.name ?? '—') : '未指定';
  const focus = q.villageId ?? q.unitId;
  if (focus && !units.some((u) => u.id === focus))
    throw new InvalidInput('通报范围不在本乡镇中', [
      {
        path: q.villageId ? 'villageId' : 'unitId',
        label: '通报范围',
        message: '在本乡镇中不存在',
      },
    ]);
  // A chip's params are exactly the query of its drill-down (GET …/appeal-bulletin/metrics/{id}/orders).
  const params = {
    from: q.from,
    to: q.to,
    ...(q.villageId ? { villageId: q.villageId } : {}),
    ...(q.unitId ? { unitId: q.unitId } : {}),
  };

  const base = { townId, from: q.from, to: q.to };
  const grouped = (groupBy: Grouping) => evaluateKpis(db, pred, { ...base, groupBy });
  // Table 1 lists villages, or the handling units inside a village bulletin.
  const tableBy: Grouping = q.villageId ? 'unit' : 'village';
  const [totals, byKind, byCategory, byVillage, extra, byTable, extraByTable] = await Promise.all([
    evaluateKpis(db, pred, base),
    grouped('kind'),
    grouped('category'),
    focus ? Promise.resolve(null) : grouped('village'),
    evaluateBulletinMetrics(db, pred, { ...base, asOf }),
    grouped(tableBy),
    evaluateBulletinMetrics(db, pred, { ...base, asOf, groupBy: tableBy }),
  ]);
  const figures: Record<string, Figure> = {};
  for (const m of totals.metrics)
    figures[m.id] = { metricId: m.id, value: cellOf(m.result), unit: m.unit, params };
  for (const [id, r] of Object.entries(extra))
    figures[id] = {
      metricId: id,
      value: cellOf(r),
      unit: '件',
      params: { ...params, asOf: asOf.toISOString() },
    };
  const groupsOf = (report: Awaited<ReturnType<typeof evaluateKpis>> | null, id: string) => {
    const r = report?.metrics.find((m) => m.id === id)?.result;
    return r?.kind === 'grouped' ? r.groups : [];
  };
  const categories = await rootCategories(db);
  const named = (
    groupBy: string,
    key: string | null,
    name: string,
    value: number | null,
    metricId = 'appeals.received',
    unit = '件',
  ) => ({ metricId, value, unit, name, params: { ...params, groupBy, group: key ?? '' } });

  const status = await listProblems(db, townId, scope.problemSql, q);
  const commitments = (
    await listCommitments(db, scope, townId, {
      limit: 200,
      ...(q.villageId ? { villageId: q.villageId } : {}),
    })
  ).items.filter(
    (c) =>
      c.status !== 'cancelled' && (c.status !== 'fulfilled' || (c.fulfilledAt ?? '') >= q.from),
  );
  const overdueList = await bulletinMetricOrders(db, pred, {
    ...base,
    asOf,
    metricId: 'appeals.overdue_open',
    limit: 50,
  });

  const cell = (
    report:
      | { metrics: { id: string; unit: string; result: MetricResult }[] }
      | Record<string, MetricResult>,
    groupBy: string,
    key: string | null,
    metricId: string,
  ): Figure => {
    const r =
      'metrics' in report
        ? (report.metrics as { id: string; result: MetricResult }[]).find((m) => m.id === metricId)
            ?.result
        : (report as Record<string, MetricResult>)[metricId];
    // A group with no matching rows is absent from a grouped result: zero for a count, no value for a rate.
    const count = figures[metricId]?.unit === '件';
    const value =
      r?.kind === 'grouped'
        ? (r.groups.find((g) => g.key === key)?.value ?? (count ? 0 : null))
        : null;
    const extraParams = metricId in extra ? { asOf: asOf.toISOString() } : {};
    return {
      metricId,
      value,
      unit: figures[metricId]?.unit ?? '件',
      params: { ...params, ...extraParams, groupBy, group: key ?? '' },
    };
  };
  const reportFor = (metricId: string) => (metricId in extra ? extraByTable : byTable);
  const tableRows = groupsOf(byTable, 'appeals.received')
    .filter((g) => (g.value ?? 0) > 0)
    .sort(
      (a, b) =>
        (b.value ?? 0) - (a.value ?? 0) || unitName(a.key).localeCompare(unitName(b.key), 'zh-CN'),
    );
  const topCategories = groupsOf(byCategory, 'appeals.received')
    .filter((g) => g.key)
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0))
    .slice(0, 5);
  const categoryName = (key: string | null) =>
    categories.find((c) => c.code === key)?.name ?? key ?? '未分类';
  const tables: BulletinData['tables'] = [
    {
      title: tableBy === 'village' ? '各村（社区）诉求办理情况' : '各承办单位诉求办理情况',
      groupLabel: tableBy === 'village' ? '村（社区）' : '承办单位',
      columns: TABLE_COLUMNS,
      rows: [
        ...tableRows.map((g) => ({
          name: g.key ? unitName(g.key) : tableBy === 'village' ? '未标注村（社区）' : '尚未派单',
          cells: TABLE_COLUMNS.map((c) => cell(reportFor(c.metricId), tableBy, g.key, c.metricId)),
        })),
        { name: '合计', cells: TABLE_COLUMNS.map((c) => figures[c.metricId]!) },
      ],
    },
    {
      title: '受理量居前的诉求类别',
      groupLabel: '诉求类别',
      columns: CATEGORY_COLUMNS,
      rows: topCategories.map((g) => ({
        name: categoryName(g.key),
        cells: CATEGORY_COLUMNS.map((c) => cell(byCategory, 'category', g.key, c.metricId)),
      })),
    },
  ].filter((x) => x.rows.length > (x.columns === TABLE_COLUMNS ? 1 : 0));

  const data: BulletinData = {
    townName: town.name,
    scopeName: focus ? unitName(focus) : null,
    periodLabel: periodLabel(q.from, q.to),
    issuedOn: localDateOf(asOf),
    totals: figures,
    composite: totals.composite.kind === 'total' ? totals.composite.value : null,
    byKind: groupsOf(byKind, 'appeals.received').map((g) =>
      named('kind', g.key, g.key ? kindFor(g.key).def.label : '其他', g.value),
    ),
    topCategories: groupsOf(byCategory, 'appeals.received')
      .filter((g) => g.key)
      .sort((a, b) => (b.value ?? 0) - (a.value ?? 0))
      .slice(0, 5)
      .map((g) =>
        named('category', g.key, categories.find((c) => c.code === g.key)?.name ?? g.key!, g.value),
      ),
    villages: groupsOf(byVillage, 'appeals.received')
      .filter((g) => g.key)
      .map((g) => ({
        name: unitName(g.key),
        received: named('village', g.key, unitName(g.key), g.value),
        satisfaction: named(
          'village',
          g.key,
          unitName(g.key),
          groupsOf(byVillage, 'appeals.satisfaction_rate').find((s) => s.key === g.key)?.value ??
            null,
          'appeals.satisfaction_rate',
          '%',
        ),
      })),
    overdueOrders: overdueList.items.map((o) => ({
      code: o.code,
      title: o.title,
      unitName: unitName(o.unitId),
      dueOn: o.nextDueAt ? localDateOf(new Date(o.nextDueAt)) : null,
    })),
    problems: status.map((p) => ({
      title: p.title,
      orderCount: p.orderCount,
      ownerName: p.ownerPersonName ?? (p.ownerUnitId ? unitName(p.ownerUnitId) : '待明确'),
      statusLabel: p.statusLabel,
      dueOn: p.dueOn,
      overdue: p.overdue,
    })),
    tables,
    commitments: commitments.map((c) => ({
      title: c.title,
      promisedTo: c.promisedTo,
      ownerName: c.ownerPersonName ?? (c.ownerUnitId ? unitName(c.ownerUnitId) : '待明确'),
      statusLabel: c.statusLabel,
      dueOn: c.dueOn,
      overdue: c.overdue,
    })),
  };
  return {
    data,
    document: composeBulletin(data),
    overdueOrders: overdueList.items,
    overdueNextCursor: overdueList.nextCursor,
    params,
  };
}

/** Problems of the scope: open ones, and those closed during or after the period. */
async function listProblems(
  db: Db,
  townId: string,
  problemSql: RawBuilder<SqlBool>,
  q: BulletinQuery,
) {
  const rows = await repo.listProblems(db, townId, problemSql, { villageId: q.villageId }, 200);
  return rows
    .map((r) => toProblem(r))
    .filter(
      (p) =>
        (!q.unitId || p.ownerUnitId === q.unitId) &&
        (p.status !== 'closed' || (p.closedAt ?? '') >= q.from),
    );
}
