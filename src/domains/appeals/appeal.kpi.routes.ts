/**
 * HTTP routes of the appeal KPIs (三率 by intake cohort) and the orders behind each figure.
 * Registered from registerAppealRoutes.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { jsonResponse, page, TownParams } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import * as kpi from './appeal-kpi.service.ts';
import { KIND_NAMES } from './appeal.kinds.ts';
import { appealScope, appealsRead, scopeSql } from './appeal.policy.ts';
import * as s from './appeal.schema.ts';

const tags = ['诉求工单'];
const base = '/api/v1/towns/{townId}';

const KpiQuery = z.object({
  from: z.iso.date().meta({ title: '开始日期' }),
  to: z.iso.date().meta({ title: '结束日期' }),
  groupBy: z.enum(kpi.GROUPINGS).optional().meta({ title: '分组' }),
  kind: z
    .enum(KIND_NAMES as [string, ...string[]])
    .optional()
    .meta({ title: '工单类型' }),
});
const KpiParams = TownParams.extend({
  metricId: z
    .string()
    .regex(/^appeals\.[a-z_]+$/)
    .meta({ title: '指标' })
    .openapi({ param: { name: 'metricId', in: 'path' } }),
});

const kpisRoute = createRoute({
  method: 'get',
  path: `${base}/appeals/kpis`,
  tags,
  summary: '三率等考核指标（按受理期队列）',
  request: { params: TownParams, query: KpiQuery },
  responses: jsonResponse(s.KpiReport, '指标'),
});

const kpiOrdersRoute = createRoute({
  method: 'get',
  path: `${base}/appeals/kpis/{metricId}/orders`,
  tags,
  summary: '指标明细：构成该数字的工单',
  request: {
    params: KpiParams,
    query: KpiQuery.extend({
      group: z.string().max(80).optional().meta({ title: '分组值' }),
      cursor: z.string().max(200).optional().meta({ title: '游标' }),
      limit: z.coerce.number().int().min(1).max(500).default(100).meta({ title: '每页条数' }),
    }),
  },
  responses: jsonResponse(page(s.KpiOrder), '工单'),
});

export function registerAppealKpiRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(app, kpisRoute, appealsRead, async (c) => {
    const { db } = c.get('deps');
    const townId = c.req.param('townId');
    const scope = scopeSql(await appealScope(db, c.get('actor')!, townId));
    return c.json(await kpi.evaluateKpis(db, scope, { townId, ...c.req.valid('query') }), 200);
  });
  defineRoute(app, kpiOrdersRoute, appealsRead, async (c) => {
    const { db } = c.get('deps');
    const townId = c.req.param('townId');
    const scope = scopeSql(await appealScope(db, c.get('actor')!, townId));
    return c.json(
      await kpi.kpiOrders(db, scope, {
        townId,
        metricId: c.req.param('metricId'),
        ...c.req.valid('query'),
      }),
      200,
    );
  });
}
