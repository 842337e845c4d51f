/**
 * 分析通报 for a period and a scope (the caller's town-wide view, or one village or handling unit
 * inside it): gathers the KPI figures (appeal-kpi.service.ts), the bulletin metrics (overdue), the problem
 * list and commitments, and composes the document. Every appeal figure is a metric value with its
 * drill-down; nothing is counted here by hand.
 */
import type { Kysely, RawBuilder, SqlBool } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { localDateOf } from '../../core/calendar/index.ts';
import { InvalidInput } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import { kindFor } from '../../core/workflow/index.ts';
import { evaluateKpis, type Grouping } from '../appeals/appeal-kpi.service.ts';
import { analysisScope, type AnalysisScope } from './analysis.policy.ts';
import { composeBulletin, periodLabel, type BulletinData } from './bulletin.compose.ts';
import { figureSections, type BulletinReports } from './bulletin.figures.ts';
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

/** Rejects an empty period and a scope naming both a village and a unit. */
function checkQuery(q: BulletinQuery) {
  if (q.from > q.to)
    throw new InvalidInput('开始日期不能晚于结束日期', [
      { path: 'to', label: '结束日期', message: '结束日期不能早于开始日期' },
    ]);
  if (q.villageId && q.unitId)
    throw new InvalidInput('通报范围只能选村（社区）或承办单位之一', [
      { path: 'unitId', label: '承办单位', message: '与村（社区）只能选其一' },
    ]);
}

/** The town's units, and the bulletin's village or unit checked to be one of them. */
async function scopeUnits(db: Db, townId: string, q: BulletinQuery) {
  const units = await townUnits(db, townId);
  const focus = q.villageId ?? q.unitId;
  if (focus && !units.some((u) => u.id === focus))
    throw new InvalidInput('通报范围不在本乡镇中', [
      {
        path: q.villageId ? 'villageId' : 'unitId',
        label: '通报范围',
        message: '在本乡镇中不存在',
      },
    ]);
  const unitName = (id: string | null | undefined) =>
    id ? (units.find((u) => u.id === id)?.name ?? '—') : '未指定';
  return { focus, unitName };
}

/** Every KPI and bulletin-metric report the bulletin is made of, in one round. */
async function evaluateReports(
  db: Db,
  pred: RawBuilder<SqlBool>,
  base: { townId: string; from: string; to: string },
  q: BulletinQuery,
  asOf: Date,
): Promise<BulletinReports> {
  const focus = q.villageId ?? q.unitId;
  const grouped = (groupBy: Grouping) => evaluateKpis(db, pred, { ...base, groupBy });
  const tableBy = q.villageId ? 'unit' : 'village';
  const [totals, byKind, byCategory, byVillage, extra, byTable, extraByTable] = await Promise.all([
    evaluateKpis(db, pred, base),
    grouped('kind'),
    grouped('category'),
    focus ? Promise.resolve(null) : grouped('village'),
    evaluateBulletinMetrics(db, pred, { ...base, asOf }),
    grouped(tableBy),
    evaluateBulletinMetrics(db, pred, { ...base, asOf, groupBy: tableBy }),
  ]);
  return { totals, byKind, byCategory, byVillage, extra, tableBy, byTable, extraByTable };
}

export async function buildBulletin(
  db: Db,
  actor: Actor,
  townId: string,
  q: BulletinQuery,
  asOf = new Date(),
) {
  checkQuery(q);
  const scope = await analysisScope(db, actor, townId);
  const pred = bulletinScope(scope.appealSql, q);
  const town = { name: await townName(db, townId) };
  const { focus, unitName } = await scopeUnits(db, townId, q);
  // A chip's params are exactly the query of its drill-down (GET …/appeal-bulletin/metrics/{id}/orders).
  const params = {
    from: q.from,
    to: q.to,
    ...(q.villageId ? { villageId: q.villageId } : {}),
    ...(q.unitId ? { unitId: q.unitId } : {}),
  };
  const base = { townId, from: q.from, to: q.to };
  const reports = await evaluateReports(db, pred, base, q, asOf);
  const categories = await rootCategories(db);
  const status = await listProblems(db, townId, scope.problemSql, q);
  const commitments = await periodCommitments(db, scope, townId, q);
  const overdueList = await bulletinMetricOrders(db, pred, {
    ...base,
    asOf,
    metricId: 'appeals.overdue_open',
    limit: 50,
  });
  const figures = figureSections(reports, {
    params,
    asOf,
    unitName,
    categories,
    kindLabel: (kind) => kindFor(kind).def.label,
  });
  const ownerName = (o: { ownerPersonName: string | null; ownerUnitId: string | null }) =>
    o.ownerPersonName ?? (o.ownerUnitId ? unitName(o.ownerUnitId) : '待明确');
  const data: BulletinData = {
    townName: town.name,
    scopeName: focus ? unitName(focus) : null,
    periodLabel: periodLabel(q.from, q.to),
    issuedOn: localDateOf(asOf),
    totals: figures.totals,
    composite: figures.composite,
    byKind: figures.byKind,
    topCategories: figures.topCategories,
    villages: figures.villages,
    overdueOrders: overdueList.items.map((o) => ({
      code: o.code,
      title: o.title,
      unitName: unitName(o.unitId),
      dueOn: o.nextDueAt ? localDateOf(new Date(o.nextDueAt)) : null,
    })),
    problems: status.map((p) => ({
      title: p.title,
      orderCount: p.orderCount,
      ownerName: ownerName(p),
      statusLabel: p.statusLabel,
      dueOn: p.dueOn,
      overdue: p.overdue,
    })),
    tables: figures.tables,
    commitments: commitments.map((c) => ({
      title: c.title,
      promisedTo: c.promisedTo,
      ownerName: ownerName(c),
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

/** Commitments of the scope still to keep, or kept during or after the period. */
async function periodCommitments(db: Db, scope: AnalysisScope, townId: string, q: BulletinQuery) {
  const { items } = await listCommitments(db, scope, townId, {
    limit: 200,
    ...(q.villageId ? { villageId: q.villageId } : {}),
  });
  return items.filter(
    (c) =>
      c.status !== 'cancelled' && (c.status !== 'fulfilled' || (c.fulfilledAt ?? '') >= q.from),
  );
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
