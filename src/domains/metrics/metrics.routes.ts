/**
 * HTTP routes of metrics under /api/v1/towns/{townId}/metrics: the declarations the caller can
 * use, one metric's value over a period and scope, and the paged records behind it.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { currentYear } from '../../core/calendar/display.ts';
import type { AppEnv } from '../../http/env.ts';
import { jsonResponse, TownParams } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { metricsRead } from './metrics.policy.ts';
import { drillDown, evaluateMetric, listMetrics } from './metrics.service.ts';

const tags = ['指标'];
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const thisYear = () => currentYear();

const MetricParams = TownParams.extend({
  metricId: z
    .string()
    .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, '指标标识不合法')
    .max(120)
    .meta({ title: '指标' })
    .openapi({ param: { name: 'metricId', in: 'path' } }),
});
const EvalQuery = z.object({
  from: isoDate.optional().meta({ title: '开始日期', description: '默认当年 1 月 1 日' }),
  to: isoDate.optional().meta({ title: '结束日期', description: '默认当年 12 月 31 日' }),
  unitId: z.uuid().optional().meta({ title: '单位（含下级）' }),
  personId: z.uuid().optional().meta({ title: '责任人' }),
  groupBy: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/)
    .optional()
    .meta({ title: '分组字段' }),
});
const DrillQuery = EvalQuery.extend({
  cursor: z.string().max(200).optional().meta({ title: '游标' }),
  limit: z.coerce.number().int().min(1).max(500).default(50).meta({ title: '每页条数' }),
});

const MetricInfo = z
  .object({
    id: z.string(),
    label: z.string(),
    unit: z.string(),
    description: z.string().nullable(),
    typeCode: z.string(),
    typeName: z.string(),
    portfolio: z.string(),
    derived: z.boolean().meta({ title: '由党建工作记录生成（无对应台账页）' }),
    aggregation: z.string(),
    groupBy: z.string().nullable(),
  })
  .loose()
  .openapi('Metric');
const Cell = {
  value: z.number().nullable(),
  display: z.number().nullable(),
  numerator: z.number().nullable().optional(),
  denominator: z.number().nullable().optional(),
};
const MetricValue = z
  .object({
    metric: MetricInfo,
    period: z.object({ from: z.string(), to: z.string() }),
    scope: z.object({ unitId: z.string().nullable(), personId: z.string().nullable() }),
    ...Cell,
    groups: z.array(z.object({ key: z.string().nullable(), ...Cell })).nullable(),
  })
  .openapi('MetricValue');
const DrillItem = z
  .object({
    id: z.string(),
    occurredOn: z.string(),
    groupKey: z.string().nullable(),
    measure: z.union([z.number(), z.string()]).nullable(),
    inNumerator: z.boolean().nullable(),
    unitId: z.string().nullable(),
    personId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    version: z.number(),
  })
  .openapi('MetricDrillDownItem');

function period(q: { from?: string; to?: string }) {
  const y = thisYear();
  return { from: q.from ?? `${y}-01-01`, to: q.to ?? `${y}-12-31` };
}

export function registerMetricRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/towns/{townId}/metrics',
      tags,
      summary: '我可用的指标',
      request: { params: TownParams },
      responses: jsonResponse(z.object({ items: z.array(MetricInfo) }), '指标'),
    }),
    metricsRead,
    async (c) =>
      c.json(
        { items: await listMetrics(c.get('deps').db, c.get('actor')!, c.req.param('townId')) },
        200,
      ),
  );
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/towns/{townId}/metrics/{metricId}',
      tags,
      summary: '计算指标（期间、范围：全镇/单位及下级/责任人）',
      request: { params: MetricParams, query: EvalQuery },
      responses: jsonResponse(MetricValue, '指标值'),
    }),
    metricsRead,
    async (c) => {
      const q = c.req.valid('query');
      return c.json(
        await evaluateMetric(
          c.get('deps').db,
          c.get('actor')!,
          c.req.param('townId'),
          c.req.param('metricId'),
          { ...q, ...period(q) },
        ),
        200,
      );
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/towns/{townId}/metrics/{metricId}/records',
      tags,
      summary: '指标明细（构成该数值的记录，游标分页）',
      request: { params: MetricParams, query: DrillQuery },
      responses: jsonResponse(
        z.object({ items: z.array(DrillItem), nextCursor: z.string().nullable() }),
        '明细',
      ),
    }),
    metricsRead,
    async (c) => {
      const q = c.req.valid('query');
      return c.json(
        await drillDown(
          c.get('deps').db,
          c.get('actor')!,
          c.req.param('townId'),
          c.req.param('metricId'),
          { ...q, ...period(q) },
        ),
        200,
      );
    },
  );
}
