/**
 * HTTP routes of appeal analysis under /api/v1/towns/{townId}/…: 问题清单 (detect proposals,
 * dismiss and undo, confirm, list, detail, edit, status, add/remove orders), then 承诺事项, 分析通报 and the county
 * ranking (their own files). Static paths are registered before `{id}` paths.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { inTransaction } from '../../http/handler.ts';
import { jsonBody, jsonResponse, TownEntityParams, TownParams } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { localDateOf } from '../../core/calendar/index.ts';
import { analysisRead, analysisScope, analysisWrite } from './analysis.policy.ts';
import * as s from './analysis.schema.ts';
import { registerBulletinRoutes } from './bulletin.routes.ts';
import { registerCommitmentRoutes } from './commitment.routes.ts';
import * as dismissals from './dismissal.service.ts';
import { detectProblems } from './problem.detect.ts';
import * as repo from './problem.repository.ts';
import * as service from './problem.service.ts';

const tags = ['问题清单与分析通报'];
const base = '/api/v1/towns/{townId}/appeal-problems';

export function registerAppealAnalysisRoutes(app: OpenAPIHono<AppEnv>): void {
  registerProposals(app);
  registerDismissals(app);
  registerProblemCollection(app);
  registerProblemItem(app);
  registerProblemMoves(app);
}

/** Detection proposals. */
function registerProposals(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/proposals`,
      tags,
      summary: '识别重复诉求：对期间内工单聚类，提出新问题或已有问题的新增工单（不保存）',
      request: { params: TownParams, query: s.DetectQuery },
      responses: jsonResponse(
        z.object({
          items: z.array(s.Proposal),
          scanned: z.number(),
          threshold: z.number(),
          minSize: z.number(),
        }),
        '建议',
      ),
    }),
    analysisRead,
    async (c) => {
      const { db } = c.get('deps');
      const townId = c.req.param('townId');
      return c.json(
        await detectProblems(
          db,
          townId,
          await analysisScope(db, c.get('actor')!, townId),
          c.req.valid('query'),
        ),
        200,
      );
    },
  );
}

/** 忽略: dismissed proposals and undoing them. */
function registerDismissals(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/dismissals`,
      tags,
      summary: '已忽略的识别建议（本人范围内）',
      request: { params: TownParams },
      responses: jsonResponse(z.object({ items: z.array(s.Dismissal) }), '已忽略'),
    }),
    analysisRead,
    async (c) => {
      const { db } = c.get('deps');
      const townId = c.req.param('townId');
      return c.json(
        {
          items: await dismissals.listDismissals(
            db,
            await analysisScope(db, c.get('actor')!, townId),
            townId,
          ),
        },
        200,
      );
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: `${base}/dismissals`,
      tags,
      summary: '忽略一条识别建议（记住这组工单，此后不再整组建议）',
      request: { params: TownParams, ...jsonBody(s.DismissBody) },
      responses: jsonResponse(s.Dismissal, '已忽略', 201),
    }),
    analysisWrite,
    async (c) =>
      c.json(
        await inTransaction(c, (trx, ctx) =>
          dismissals.dismissProposal(trx, ctx, c.req.valid('json')),
        ),
        201,
      ),
  );
  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: `${base}/dismissals/{id}/revoke`,
      tags,
      summary: '撤销忽略（此后识别可再次建议这组工单）',
      request: { params: TownEntityParams },
      responses: jsonResponse(z.object({ id: z.string(), revoked: z.boolean() }), '已撤销'),
    }),
    analysisWrite,
    async (c) =>
      c.json(
        await inTransaction(c, (trx, ctx) =>
          dismissals.revokeDismissal(trx, ctx, c.req.param('id')),
        ),
        200,
      ),
  );
}

/** 问题清单: the list and 确认/新建. */
function registerProblemCollection(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: base,
      tags,
      summary: '问题清单',
      request: { params: TownParams, query: s.ProblemListQuery },
      responses: jsonResponse(z.object({ items: z.array(s.Problem) }), '问题'),
    }),
    analysisRead,
    async (c) => {
      const { db } = c.get('deps');
      const townId = c.req.param('townId');
      const q = c.req.valid('query');
      const scope = await analysisScope(db, c.get('actor')!, townId);
      const today = localDateOf(new Date());
      const rows = await repo.listProblems(
        db,
        townId,
        scope.problemSql,
        {
          status: q.status,
          villageId: q.villageId,
          q: q.q,
          overdueOn: q.overdue === 'true' ? today : undefined,
        },
        q.limit,
      );
      return c.json({ items: rows.map((r) => service.toProblem(r, today)) }, 200);
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: base,
      tags,
      summary: '确认建议或新建问题（含关联工单）',
      request: { params: TownParams, ...jsonBody(s.ProblemCreate) },
      responses: jsonResponse(s.ProblemDetail, '已建立', 201),
    }),
    analysisWrite,
    async (c) =>
      c.json(
        await inTransaction(c, (trx, ctx) => service.createProblem(trx, ctx, c.req.valid('json'))),
        201,
      ),
  );
}

/** One problem: detail and edits. */
function registerProblemItem(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/{id}`,
      tags,
      summary: '问题详情（含关联工单）',
      request: { params: TownEntityParams },
      responses: jsonResponse(s.ProblemDetail, '问题'),
    }),
    analysisRead,
    async (c) => {
      const { db } = c.get('deps');
      const townId = c.req.param('townId');
      return c.json(
        await service.problemDetail(
          db,
          await analysisScope(db, c.get('actor')!, townId),
          townId,
          c.req.param('id'),
        ),
        200,
      );
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'patch',
      path: `${base}/{id}`,
      tags,
      summary: '修改问题（责任单位、整改措施、时限……），须带版本号',
      request: { params: TownEntityParams, ...jsonBody(s.ProblemUpdate) },
      responses: jsonResponse(s.ProblemDetail, '已修改'),
    }),
    analysisWrite,
    async (c) =>
      c.json(
        await inTransaction(c, (trx, ctx) =>
          service.updateProblem(trx, ctx, c.req.param('id'), c.req.valid('json')),
        ),
        200,
      ),
  );
}

/** One problem: status moves and its linked orders. */
function registerProblemMoves(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: `${base}/{id}/status`,
      tags,
      summary: '变更问题状态（认领整改、已整改、销号），须带版本号',
      request: { params: TownEntityParams, ...jsonBody(s.ProblemMove) },
      responses: jsonResponse(s.ProblemDetail, '已变更'),
    }),
    analysisWrite,
    async (c) =>
      c.json(
        await inTransaction(c, (trx, ctx) =>
          service.moveProblem(trx, ctx, c.req.param('id'), c.req.valid('json')),
        ),
        200,
      ),
  );
  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: `${base}/{id}/orders`,
      tags,
      summary: '向问题添加工单，须带版本号',
      request: { params: TownEntityParams, ...jsonBody(s.ProblemOrders) },
      responses: jsonResponse(s.ProblemDetail, '已添加'),
    }),
    analysisWrite,
    async (c) =>
      c.json(
        await inTransaction(c, (trx, ctx) =>
          service.addOrders(trx, ctx, c.req.param('id'), c.req.valid('json')),
        ),
        200,
      ),
  );
  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: `${base}/{id}/orders/remove`,
      tags,
      summary: '从问题移出工单（此后识别不再建议把它们归入该问题），须带版本号',
      request: { params: TownEntityParams, ...jsonBody(s.ProblemOrders) },
      responses: jsonResponse(s.ProblemDetail, '已移出'),
    }),
    analysisWrite,
    async (c) =>
      c.json(
        await inTransaction(c, (trx, ctx) =>
          service.removeOrders(trx, ctx, c.req.param('id'), c.req.valid('json')),
        ),
        200,
      ),
  );
  registerCommitmentRoutes(app);
  registerBulletinRoutes(app);
}
