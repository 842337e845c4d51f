/**
 * HTTP routes of 分析通报 (JSON with figures and the document, HTML preview, GB/T 9704 Word file,
 * drill-down of the bulletin's own metrics) and of the county ranking across towns.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { exportDocx } from '../../core/report/export-docx.ts';
import { exportHtml } from '../../core/report/export-text.ts';
import type { AppEnv } from '../../server/env.ts';
import { jsonResponse, problemResponses, TownParams } from '../../server/openapi-helpers.ts';
import { defineRoute } from '../../server/route.ts';
import { analysisRead, analysisScope, countyRanking } from './analysis.policy.ts';
import { Period } from './analysis.schema.ts';
import { APPEAL_KPIS, GROUPINGS, kpiOrders } from '../appeals/appeal.kpi.ts';
import { BULLETIN_METRICS, bulletinMetricOrders } from './bulletin.metrics.ts';
import { buildBulletin, bulletinScope } from './bulletin.service.ts';
import { countyRanking as rank, RANK_BY } from './ranking.service.ts';

const tags = ['问题清单与分析通报'];
const base = '/api/v1/towns/{townId}/appeal-bulletin';

const BulletinQuery = Period.extend({
  villageId: z.uuid().optional().meta({ title: '村（社区）' }),
  unitId: z.uuid().optional().meta({ title: '承办单位' }),
});
const fileResponse = (description: string, type: string) => ({ 200: { content: { [type]: { schema: z.string() } }, description }, ...problemResponses });

async function bulletinOf(c: Context<AppEnv>, q: z.infer<typeof BulletinQuery>) {
  return buildBulletin(c.get('deps').db, c.get('actor')!, c.req.param('townId')!, q);
}

export function registerBulletinRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(app, createRoute({ method: 'get', path: base, tags, summary: '分析通报：数字（均来自指标，可下钻）与正文', request: { params: TownParams, query: BulletinQuery }, responses: jsonResponse(z.record(z.string(), z.unknown()), '通报') }), analysisRead, async (c) => {
    const b = await bulletinOf(c, c.req.valid('query'));
    return c.json({ ...b, html: exportHtml(b.document) }, 200);
  });
  defineRoute(app, createRoute({ method: 'get', path: `${base}/html`, tags, summary: '分析通报网页预览', request: { params: TownParams, query: BulletinQuery }, responses: fileResponse('HTML', 'text/html') }), analysisRead, async (c) =>
    c.html(exportHtml((await bulletinOf(c, c.req.valid('query'))).document)) as never,
  );
  defineRoute(app, createRoute({ method: 'get', path: `${base}/docx`, tags, summary: '分析通报 Word 文件（GB/T 9704 版式）', request: { params: TownParams, query: BulletinQuery }, responses: fileResponse('Word 文件', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') }), analysisRead, async (c) => {
    const b = await bulletinOf(c, c.req.valid('query'));
    const file = await exportDocx(b.document);
    const name = `${b.document.title}${b.document.byline ?? ''}.docx`;
    return c.body(new Uint8Array(file), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'content-disposition': `attachment; filename="bulletin.docx"; filename*=UTF-8''${encodeURIComponent(name)}`,
    }) as never;
  });
  const metricIds = [...APPEAL_KPIS, ...BULLETIN_METRICS].map((m) => m.id) as [string, ...string[]];
  const MetricParams = TownParams.extend({ metricId: z.enum(metricIds).meta({ title: '指标' }).openapi({ param: { name: 'metricId', in: 'path' } }) });
  const DrillQuery = BulletinQuery.extend({
    groupBy: z.enum(GROUPINGS).optional().meta({ title: '分组' }),
    group: z.string().max(80).optional().meta({ title: '分组值' }),
    asOf: z.iso.datetime({ offset: true }).optional().meta({ title: '统计时点' }),
    cursor: z.string().max(200).optional().meta({ title: '游标' }),
    limit: z.coerce.number().int().min(1).max(500).default(100).meta({ title: '每页条数' }),
  });
  defineRoute(app, createRoute({ method: 'get', path: `${base}/metrics/{metricId}/orders`, tags, summary: '通报数字明细：一个数字（指标 + 通报范围 + 分组）背后的工单', request: { params: MetricParams, query: DrillQuery }, responses: jsonResponse(z.record(z.string(), z.unknown()), '工单') }), analysisRead, async (c) => {
    const { db } = c.get('deps');
    const townId = c.req.param('townId');
    const metricId = c.req.param('metricId');
    const q = c.req.valid('query');
    const scope = bulletinScope((await analysisScope(db, c.get('actor')!, townId)).appealSql, q);
    if (BULLETIN_METRICS.some((m) => m.id === metricId)) {
      return c.json(await bulletinMetricOrders(db, scope, { townId, from: q.from, to: q.to, asOf: q.asOf ? new Date(q.asOf) : new Date(), metricId, cursor: q.cursor, limit: q.limit }), 200);
    }
    return c.json(await kpiOrders(db, scope, { townId, metricId, from: q.from, to: q.to, groupBy: q.groupBy, group: q.group, cursor: q.cursor, limit: q.limit }), 200);
  });
  defineRoute(app, createRoute({ method: 'get', path: '/api/v1/appeal-rankings', tags, summary: '县级排名：所辖乡镇的响应率、解决率、满意率与综合得分', request: { query: Period.extend({ sort: z.enum(RANK_BY).default('composite').meta({ title: '排序指标' }) }) }, responses: jsonResponse(z.record(z.string(), z.unknown()), '排名') }), countyRanking, async (c) =>
    c.json(await rank(c.get('deps').db, c.get('actor')!, c.req.valid('query')), 200),
  );
}
