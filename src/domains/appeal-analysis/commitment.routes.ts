/** HTTP routes of 承诺事项 under /api/v1/towns/{townId}/appeal-commitments. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { inTransaction } from '../../http/handler.ts';
import { jsonBody, jsonResponse, TownEntityParams, TownParams } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { analysisRead, analysisScope, analysisWrite } from './analysis.policy.ts';
import * as s from './analysis.schema.ts';
import * as service from './commitment.service.ts';

const tags = ['问题清单与分析通报'];
const base = '/api/v1/towns/{townId}/appeal-commitments';

export function registerCommitmentRoutes(app: OpenAPIHono<AppEnv>): void {
  registerCollection(app);
  registerItem(app);
}

/** The list and 登记. */
function registerCollection(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: base,
      tags,
      summary: '承诺事项（可只看逾期）',
      request: { params: TownParams, query: s.CommitmentListQuery },
      responses: jsonResponse(z.object({ items: z.array(s.Commitment) }), '承诺事项'),
    }),
    analysisRead,
    async (c) => {
      const { db } = c.get('deps');
      const townId = c.req.param('townId');
      return c.json(
        await service.listCommitments(
          db,
          await analysisScope(db, c.get('actor')!, townId),
          townId,
          c.req.valid('query'),
        ),
        200,
      );
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: base,
      tags,
      summary: '登记承诺事项',
      request: { params: TownParams, ...jsonBody(s.CommitmentCreate) },
      responses: jsonResponse(s.CommitmentDetail, '已登记', 201),
    }),
    analysisWrite,
    async (c) =>
      c.json(
        await inTransaction(c, (trx, ctx) =>
          service.createCommitment(trx, ctx, c.req.valid('json')),
        ),
        201,
      ),
  );
}

/** One commitment: its detail, edits and status moves, progress notes. */
function registerItem(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/{id}`,
      tags,
      summary: '承诺事项详情（进展、关联工单）',
      request: { params: TownEntityParams },
      responses: jsonResponse(s.CommitmentDetail, '承诺事项'),
    }),
    analysisRead,
    async (c) => {
      const { db } = c.get('deps');
      const townId = c.req.param('townId');
      return c.json(
        await service.commitmentDetail(
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
      summary: '修改承诺事项或变更状态（兑现须附佐证），须带版本号',
      request: { params: TownEntityParams, ...jsonBody(s.CommitmentUpdate) },
      responses: jsonResponse(s.CommitmentDetail, '已修改'),
    }),
    analysisWrite,
    async (c) =>
      c.json(
        await inTransaction(c, (trx, ctx) =>
          service.updateCommitment(trx, ctx, c.req.param('id'), c.req.valid('json')),
        ),
        200,
      ),
  );
  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: `${base}/{id}/notes`,
      tags,
      summary: '添加进展情况',
      request: { params: TownEntityParams, ...jsonBody(s.CommitmentNote) },
      responses: jsonResponse(s.CommitmentDetail, '已添加', 201),
    }),
    analysisWrite,
    async (c) =>
      c.json(
        await inTransaction(c, (trx, ctx) =>
          service.addNote(trx, ctx, c.req.param('id'), c.req.valid('json').note),
        ),
        201,
      ),
  );
}
