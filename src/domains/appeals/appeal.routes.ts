/**
 * HTTP routes of appeals under /api/v1/towns/{townId}/…: kinds and categories, intake, lists
 * (all, my queue, overdue), detail, transitions with optimistic locking, and the audited
 * contact reveal; exports, attachments, duplicate hints and 督办 live in appeal.files.routes.ts and
 * appeal.operations.routes.ts. Static paths are registered before `/appeals/{id}`.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { describeKind } from '../../core/workflow/index.ts';
import type { AppEnv } from '../../http/env.ts';
import { inTransaction } from '../../http/handler.ts';
import {
  encodeCursor,
  jsonBody,
  jsonResponse,
  page,
  TownEntityParams,
  TownParams,
} from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { readCursor } from '../../http/cursor.ts';
import { linkIntakeOrder } from '../appeal-analysis/problem.intake-link.service.ts';
import { registerAppealFileRoutes } from './appeal.files.routes.ts';
import { kindFor, KIND_NAMES } from './appeal.kinds.ts';
import { registerAppealOperationRoutes } from './appeal.operations.routes.ts';
import * as kpi from './appeal.kpi.ts';
import {
  appealScope,
  appealsAct,
  appealsIntake,
  appealsRead,
  appealsReveal,
  mayStartKind,
  scopeSql,
} from './appeal.policy.ts';
import * as detail from './appeal.detail.ts';
import { listCategories } from './appeal-lookup.repository.ts';
import * as read from './appeal.read.ts';
import * as s from './appeal.schema.ts';
import * as service from './appeal.service.ts';

const tags = ['诉求工单'];
const base = '/api/v1/towns/{townId}';

export function registerAppealRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/appeal-kinds`,
      tags,
      summary: '工单类型（状态、操作、时限）',
      request: { params: TownParams },
      responses: jsonResponse(z.object({ items: z.array(s.AppealKind) }), '工单类型'),
    }),
    appealsRead,
    async (c) => {
      const actor = c.get('actor')!;
      const townId = c.req.param('townId');
      const items = KIND_NAMES.map((k) => {
        const { def } = kindFor(k);
        return { ...describeKind(def), mayStart: mayStartKind(actor, townId, def.initial.roles) };
      });
      return c.json({ items }, 200);
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/appeal-categories`,
      tags,
      summary: '诉求类别（县级标准目录）',
      request: { params: TownParams },
      responses: jsonResponse(
        z.object({
          items: z.array(
            z.object({
              code: z.string(),
              parentCode: z.string().nullable(),
              name: z.string(),
              portfolioCode: z.string().nullable(),
            }),
          ),
        }),
        '类别',
      ),
    }),
    appealsRead,
    async (c) => {
      const rows = await listCategories(c.get('deps').db);
      return c.json(
        {
          items: rows.map((r) => ({
            code: r.code,
            parentCode: r.parent_code,
            name: r.name,
            portfolioCode: r.portfolio_code,
          })),
        },
        200,
      );
    },
  );

  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: `${base}/appeals`,
      tags,
      summary: '受理/登记工单',
      description:
        '带 problem（受理时“可能与…同类”中选的归入此问题或立为问题）时，工单与归入在同一事务中完成：归入被拒（问题已销号、工单已属别的问题、无权调整问题清单等）则工单也不保存。',
      request: { params: TownParams, ...jsonBody(s.AppealCreate) },
      responses: jsonResponse(s.AppealIntakeResult, '已受理', 201),
    }),
    appealsIntake,
    async (c) => {
      const body = c.req.valid('json');
      const { row, event, warnings, problem } = await inTransaction(c, async (trx, ctx) => {
        const made = await service.intake(trx, ctx, body);
        const linked = body.problem && (await linkIntakeOrder(trx, ctx, made.row.id, body.problem));
        return { ...made, problem: linked || undefined };
      });
      const [db, actor, townId] = [c.get('deps').db, c.get('actor')!, c.req.param('townId')];
      const answer = await detail.intakeDetail(db, actor, townId, row, event, warnings);
      return c.json(problem ? { ...answer, problem } : answer, 201);
    },
  );

  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/appeals`,
      tags,
      summary: '工单列表（联系方式已脱敏）',
      request: { params: TownParams, query: s.AppealListQuery },
      responses: jsonResponse(page(s.AppealSummary), '工单'),
    }),
    appealsRead,
    async (c) => {
      const q = c.req.valid('query');
      const after = readCursor(q.cursor, ['string', 'string']);
      const r = await read.listAppeals(
        c.get('deps').db,
        c.get('actor')!,
        c.req.param('townId'),
        q,
        after,
        q.limit,
      );
      return c.json({ items: r.items, nextCursor: r.next ? encodeCursor(r.next) : null }, 200);
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/appeals/queue`,
      tags,
      summary: '我的待办（最新 200 件；truncated 表示还有更多，导出可得全部）',
      request: { params: TownParams },
      responses: jsonResponse(
        z.object({
          items: z.array(s.AppealSummary.extend({ actions: z.array(z.string()) })),
          truncated: z.boolean(),
        }),
        '待办',
      ),
    }),
    appealsRead,
    async (c) =>
      c.json(await read.myQueue(c.get('deps').db, c.get('actor')!, c.req.param('townId')), 200),
  );
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/appeals/overdue`,
      tags,
      summary: '超期工单',
      request: { params: TownParams },
      responses: jsonResponse(
        z.object({
          items: z.array(s.AppealSummary.extend({ supervisedAt: z.string().nullable() })),
          truncated: z.boolean(),
        }),
        '超期',
      ),
    }),
    appealsRead,
    async (c) =>
      c.json(await read.overdueList(c.get('deps').db, c.get('actor')!, c.req.param('townId')), 200),
  );
  registerAppealKpiRoutes(app);
  registerAppealFileRoutes(app);
  registerAppealOperationRoutes(app);
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/appeals/{id}`,
      tags,
      summary: '工单详情（时间线、时限、可执行操作）',
      request: { params: TownEntityParams },
      responses: jsonResponse(s.AppealDetail, '工单'),
    }),
    appealsRead,
    async (c) =>
      c.json(
        await detail.appealDetail(
          c.get('deps').db,
          c.get('actor')!,
          c.req.param('townId'),
          c.req.param('id'),
        ),
        200,
      ),
  );
  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: `${base}/appeals/{id}/transitions`,
      tags,
      summary: '执行操作（派单、签收、答复、回访……），须带版本号',
      request: { params: TownEntityParams, ...jsonBody(s.TransitionBody) },
      responses: jsonResponse(s.AppealDetail, '已执行'),
    }),
    appealsAct,
    async (c) => {
      const body = c.req.valid('json');
      const { row, warnings } = await inTransaction(c, (trx, ctx) =>
        service.fire(trx, ctx, c.req.param('id'), body),
      );
      const { db } = c.get('deps');
      return c.json(
        await detail.firedDetail(db, c.get('actor')!, c.req.param('townId'), row, warnings),
        200,
      );
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: `${base}/appeals/{id}/contact`,
      tags,
      summary: '查看群众联系方式（记入审计日志）',
      request: { params: TownEntityParams, ...jsonBody(s.RevealBody) },
      responses: jsonResponse(
        z.object({ contactName: z.string().nullable(), contactPhone: z.string().nullable() }),
        '联系方式',
      ),
    }),
    appealsReveal,
    async (c) => {
      const { reason } = c.req.valid('json');
      return c.json(
        await inTransaction(c, (trx, ctx) =>
          service.revealContact(trx, ctx, c.req.param('id'), reason),
        ),
        200,
      );
    },
  );
}

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

export function registerAppealKpiRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/appeals/kpis`,
      tags,
      summary: '三率等考核指标（按受理期队列）',
      request: { params: TownParams, query: KpiQuery },
      responses: jsonResponse(s.KpiReport, '指标'),
    }),
    appealsRead,
    async (c) => {
      const { db } = c.get('deps');
      const townId = c.req.param('townId');
      const scope = scopeSql(await appealScope(db, c.get('actor')!, townId));
      return c.json(await kpi.evaluateKpis(db, scope, { townId, ...c.req.valid('query') }), 200);
    },
  );
  defineRoute(
    app,
    createRoute({
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
    }),
    appealsRead,
    async (c) => {
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
    },
  );
}
