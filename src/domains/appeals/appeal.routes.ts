/**
 * HTTP routes of appeals under /api/v1/towns/{townId}/…: kinds and categories, intake and lists
 * (all, my queue, overdue); KPIs, exports, attachments, duplicate hints, 督办 and one order's
 * detail, transitions and contact reveal live in appeal.kpi.routes.ts, appeal.files.routes.ts,
 * appeal.operations.routes.ts and appeal.case.routes.ts. Static paths are registered before
 * `/appeals/{id}`.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { describeKind } from '../../core/workflow/index.ts';
import type { AppEnv } from '../../http/env.ts';
import { inTransaction } from '../../http/handler.ts';
import { encodeCursor, jsonBody, jsonResponse, page, TownParams } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { readCursor } from '../../http/cursor.ts';
import { linkIntakeOrder } from '../appeal-analysis/problem.intake-link.service.ts';
import { registerAppealFileRoutes } from './appeal.files.routes.ts';
import { kindFor, KIND_NAMES } from './appeal.kinds.ts';
import { registerAppealOperationRoutes } from './appeal.operations.routes.ts';
import { registerAppealCaseRoutes } from './appeal.case.routes.ts';
import { registerAppealKpiRoutes } from './appeal.kpi.routes.ts';
import { appealsIntake, appealsRead, mayStartKind } from './appeal.policy.ts';
import * as detail from './appeal.detail.ts';
import { listCategories } from './appeal-lookup.repository.ts';
import * as read from './appeal-read.service.ts';
import * as s from './appeal.schema.ts';
import * as service from './appeal.service.ts';

const tags = ['诉求工单'];
const base = '/api/v1/towns/{townId}';

const appealKindsRoute = createRoute({
  method: 'get',
  path: `${base}/appeal-kinds`,
  tags,
  summary: '工单类型（状态、操作、时限）',
  request: { params: TownParams },
  responses: jsonResponse(z.object({ items: z.array(s.AppealKind) }), '工单类型'),
});

const appealCategoriesRoute = createRoute({
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
});

const intakeRoute = createRoute({
  method: 'post',
  path: `${base}/appeals`,
  tags,
  summary: '受理/登记工单',
  description:
    '带 problem（受理时“可能与…同类”中选的归入此问题或立为问题）时，工单与归入在同一事务中完成：归入被拒（问题已销号、工单已属别的问题、无权调整问题清单等）则工单也不保存。',
  request: { params: TownParams, ...jsonBody(s.AppealCreate) },
  responses: jsonResponse(s.AppealIntakeResult, '已受理', 201),
});

const listAppealsRoute = createRoute({
  method: 'get',
  path: `${base}/appeals`,
  tags,
  summary: '工单列表（联系方式已脱敏）',
  request: { params: TownParams, query: s.AppealListQuery },
  responses: jsonResponse(page(s.AppealSummary), '工单'),
});

const queueRoute = createRoute({
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
});

const overdueRoute = createRoute({
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
});

export function registerAppealRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(app, appealKindsRoute, appealsRead, async (c) => {
    const actor = c.get('actor')!;
    const townId = c.req.param('townId');
    const items = KIND_NAMES.map((k) => {
      const { def } = kindFor(k);
      return { ...describeKind(def), mayStart: mayStartKind(actor, townId, def.initial.roles) };
    });
    return c.json({ items }, 200);
  });
  defineRoute(app, appealCategoriesRoute, appealsRead, async (c) => {
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
  });

  defineRoute(app, intakeRoute, appealsIntake, async (c) => {
    const body = c.req.valid('json');
    const { row, event, warnings, problem } = await inTransaction(c, async (trx, ctx) => {
      const made = await service.intake(trx, ctx, body);
      const linked = body.problem && (await linkIntakeOrder(trx, ctx, made.row.id, body.problem));
      return { ...made, problem: linked || undefined };
    });
    const [db, actor, townId] = [c.get('deps').db, c.get('actor')!, c.req.param('townId')];
    const answer = await detail.intakeDetail(db, actor, townId, row, event, warnings);
    return c.json(problem ? { ...answer, problem } : answer, 201);
  });

  defineRoute(app, listAppealsRoute, appealsRead, async (c) => {
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
  });
  defineRoute(app, queueRoute, appealsRead, async (c) =>
    c.json(await read.myQueue(c.get('deps').db, c.get('actor')!, c.req.param('townId')), 200),
  );
  defineRoute(app, overdueRoute, appealsRead, async (c) =>
    c.json(await read.overdueList(c.get('deps').db, c.get('actor')!, c.req.param('townId')), 200),
  );
  registerAppealKpiRoutes(app);
  registerAppealFileRoutes(app);
  registerAppealOperationRoutes(app);
  registerAppealCaseRoutes(app);
}
