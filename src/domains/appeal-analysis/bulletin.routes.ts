/**
 * HTTP routes of 分析通报 (JSON with figures and the document, HTML preview, GB/T 9704 Word file with
 * tables, 签发 and the issued bulletins, drill-down of the bulletin's own metrics) and of the county
 * ranking across towns.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../http/env.ts';
import { inTransaction } from '../../http/handler.ts';
import {
  jsonBody,
  jsonResponse,
  page,
  problemResponses,
  TownEntityParams,
  TownParams,
} from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { analysisRead, analysisScope, bulletinIssue, countyRanking } from './analysis.policy.ts';
import { getIssuedBulletin, issueBulletin, listIssuedBulletins } from './bulletin.issue.ts';
import { bulletinDocx, bulletinHtml } from './bulletin.render.ts';
import { Period } from './analysis.schema.ts';
import * as s from './bulletin.schema.ts';
import { APPEAL_KPIS, GROUPINGS, kpiOrders } from '../appeals/appeal-kpi.service.ts';
import { BULLETIN_METRICS, bulletinMetricOrders } from './bulletin.metrics.ts';
import { buildBulletin, bulletinScope } from './bulletin.service.ts';
import { countyRanking as rank, RANK_BY } from './ranking.service.ts';

const tags = ['问题清单与分析通报'];
const base = '/api/v1/towns/{townId}/appeal-bulletin';

const BulletinQuery = Period.extend({
  villageId: z.uuid().optional().meta({ title: '村（社区）' }),
  unitId: z.uuid().optional().meta({ title: '承办单位' }),
});
/** 签发 may name the issuing body and its 机关代字 (defaults: the town government, "青石政通"). */
const BulletinIssue = BulletinQuery.extend({
  issuer: z.string().trim().min(2).max(30).optional().meta({ title: '发文机关' }),
  docCode: z
    .string()
    .trim()
    .min(1)
    .max(12)
    .regex(/^[^〔〕[\]\d]+$/u, '机关代字不能含数字或括号')
    .optional()
    .meta({ title: '机关代字' }),
});
const fileResponse = (description: string, type: string) => ({
  200: { content: { [type]: { schema: z.string() } }, description },
  ...problemResponses,
});

async function bulletinOf(c: Context<AppEnv>, q: z.infer<typeof BulletinQuery>) {
  return buildBulletin(c.get('deps').db, c.get('actor')!, c.req.param('townId')!, q);
}

function wordFile(c: Context<AppEnv>, file: Buffer, name: string) {
  return c.body(new Uint8Array(file), 200, {
    'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'content-disposition':
      `attachment; filename="bulletin.docx"; ` +
      `filename*=UTF-8''${encodeURIComponent(`${name}.docx`)}`,
  }) as never;
}

export function registerBulletinRoutes(app: OpenAPIHono<AppEnv>): void {
  registerBulletinViews(app);
  registerIssues(app);
  registerIssueFile(app);
  registerFigureOrders(app);
  registerRanking(app);
}

/** The bulletin computed for a period: data, HTML and Word. */
function registerBulletinViews(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: base,
      tags,
      summary: '分析通报：数字（均来自指标，可下钻）与正文',
      request: { params: TownParams, query: BulletinQuery },
      responses: jsonResponse(s.Bulletin, '通报'),
    }),
    analysisRead,
    async (c) => {
      const b = await bulletinOf(c, c.req.valid('query'));
      return c.json({ ...b, html: bulletinHtml(b.document, b.data) }, 200);
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/html`,
      tags,
      summary: '分析通报网页预览',
      request: { params: TownParams, query: BulletinQuery },
      responses: fileResponse('HTML', 'text/html'),
    }),
    analysisRead,
    async (c) =>
      c.html(
        await bulletinOf(c, c.req.valid('query')).then((b) => bulletinHtml(b.document, b.data)),
      ) as never,
  );
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/docx`,
      tags,
      summary: '分析通报 Word 文件（GB/T 9704 版式）',
      request: { params: TownParams, query: BulletinQuery },
      responses: fileResponse(
        'Word 文件',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ),
    }),
    analysisRead,
    async (c) => {
      const b = await bulletinOf(c, c.req.valid('query'));
      return wordFile(
        c,
        await bulletinDocx(b.document, b.data),
        `${b.document.title}${b.document.byline ?? ''}`,
      );
    },
  );
}

/** 签发 and the issued bulletins. */
function registerIssues(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: `${base}/issues`,
      tags,
      summary: '签发通报：按当前数据生成并存档（编为第N期），此后不再随工单变化',
      request: { params: TownParams, ...jsonBody(BulletinIssue.openapi('AppealBulletinIssue')) },
      responses: jsonResponse(s.IssuedBulletin, '已签发', 201),
    }),
    bulletinIssue,
    async (c) => {
      const { issuer, docCode, ...q } = c.req.valid('json');
      const issued = await inTransaction(c, (trx, ctx) =>
        issueBulletin(trx, ctx, q, { issuer, docCode }),
      );
      return c.json({ ...issued, html: bulletinHtml(issued.document, issued.data) }, 201);
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/issues`,
      tags,
      summary: '已签发的通报',
      request: { params: TownParams },
      responses: jsonResponse(z.object({ items: z.array(s.IssuedSummary) }), '通报'),
    }),
    analysisRead,
    async (c) =>
      c.json({ items: await listIssuedBulletins(c.get('deps').db, c.req.param('townId')) }, 200),
  );
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/issues/{id}`,
      tags,
      summary: '一期已签发的通报（签发时的数字，不重新计算）',
      request: { params: TownEntityParams },
      responses: jsonResponse(s.IssuedBulletin, '通报'),
    }),
    analysisRead,
    async (c) => {
      const issued = await getIssuedBulletin(
        c.get('deps').db,
        c.req.param('townId'),
        c.req.param('id'),
      );
      return c.json({ ...issued, html: bulletinHtml(issued.document, issued.data) }, 200);
    },
  );
}

/** An issued bulletin as Word. */
function registerIssueFile(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/issues/{id}/docx`,
      tags,
      summary: '已签发通报的 Word 文件',
      request: { params: TownEntityParams },
      responses: fileResponse(
        'Word 文件',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ),
    }),
    analysisRead,
    async (c) => {
      const issued = await getIssuedBulletin(
        c.get('deps').db,
        c.req.param('townId'),
        c.req.param('id'),
      );
      return wordFile(
        c,
        await bulletinDocx(issued.document, issued.data),
        `${issued.title}（${issued.label}）`,
      );
    },
  );
}

/** The orders behind a bulletin figure (its drill-down). */
function registerFigureOrders(app: OpenAPIHono<AppEnv>): void {
  const metricIds = [...APPEAL_KPIS, ...BULLETIN_METRICS].map((m) => m.id) as [string, ...string[]];
  const MetricParams = TownParams.extend({
    metricId: z
      .enum(metricIds)
      .meta({ title: '指标' })
      .openapi({ param: { name: 'metricId', in: 'path' } }),
  });
  const DrillQuery = BulletinQuery.extend({
    groupBy: z.enum(GROUPINGS).optional().meta({ title: '分组' }),
    group: z.string().max(80).optional().meta({ title: '分组值' }),
    asOf: z.iso.datetime({ offset: true }).optional().meta({ title: '统计时点' }),
    cursor: z.string().max(200).optional().meta({ title: '游标' }),
    limit: z.coerce.number().int().min(1).max(500).default(100).meta({ title: '每页条数' }),
  });
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/metrics/{metricId}/orders`,
      tags,
      summary: '通报数字明细：一个数字（指标 + 通报范围 + 分组）背后的工单',
      request: { params: MetricParams, query: DrillQuery },
      responses: jsonResponse(page(s.BulletinOrder), '工单'),
    }),
    analysisRead,
    async (c) => {
      const { db } = c.get('deps');
      const townId = c.req.param('townId');
      const metricId = c.req.param('metricId');
      const q = c.req.valid('query');
      const scope = bulletinScope((await analysisScope(db, c.get('actor')!, townId)).appealSql, q);
      if (BULLETIN_METRICS.some((m) => m.id === metricId)) {
        return c.json(
          await bulletinMetricOrders(db, scope, {
            townId,
            from: q.from,
            to: q.to,
            asOf: q.asOf ? new Date(q.asOf) : new Date(),
            metricId,
            groupBy: q.groupBy,
            group: q.group,
            cursor: q.cursor,
            limit: q.limit,
          }),
          200,
        );
      }
      return c.json(
        await kpiOrders(db, scope, {
          townId,
          metricId,
          from: q.from,
          to: q.to,
          groupBy: q.groupBy,
          group: q.group,
          cursor: q.cursor,
          limit: q.limit,
        }),
        200,
      );
    },
  );
}

/** The county ranking. */
function registerRanking(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/appeal-rankings',
      tags,
      summary: '县级排名：所辖乡镇的响应率、解决率、满意率与综合得分',
      request: {
        query: Period.extend({
          sort: z.enum(RANK_BY).default('composite').meta({ title: '排序指标' }),
        }),
      },
      responses: jsonResponse(s.Ranking, '排名'),
    }),
    countyRanking,
    async (c) => c.json(await rank(c.get('deps').db, c.get('actor')!, c.req.valid('query')), 200),
  );
}
