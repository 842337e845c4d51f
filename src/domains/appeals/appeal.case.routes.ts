/**
 * HTTP routes of one appeal order: its detail (timeline, deadlines, offered actions), the
 * transitions fired on it with optimistic locking, and the audited contact reveal. Registered
 * from registerAppealRoutes after every static `/appeals/…` path.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { inTransaction } from '../../http/handler.ts';
import { jsonBody, jsonResponse, TownEntityParams } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { appealsAct, appealsRead, appealsReveal } from './appeal.policy.ts';
import * as detail from './appeal.detail.ts';
import * as s from './appeal.schema.ts';
import * as contact from './appeal.contact.service.ts';
import * as service from './appeal.service.ts';

const tags = ['诉求工单'];
const base = '/api/v1/towns/{townId}';

const appealDetailRoute = createRoute({
  method: 'get',
  path: `${base}/appeals/{id}`,
  tags,
  summary: '工单详情（时间线、时限、可执行操作）',
  request: { params: TownEntityParams },
  responses: jsonResponse(s.AppealDetail, '工单'),
});

const transitionRoute = createRoute({
  method: 'post',
  path: `${base}/appeals/{id}/transitions`,
  tags,
  summary: '执行操作（派单、签收、答复、回访……），须带版本号',
  request: { params: TownEntityParams, ...jsonBody(s.TransitionBody) },
  responses: jsonResponse(s.AppealDetail, '已执行'),
});

const revealContactRoute = createRoute({
  method: 'post',
  path: `${base}/appeals/{id}/contact`,
  tags,
  summary: '查看群众联系方式（记入审计日志）',
  request: { params: TownEntityParams, ...jsonBody(s.RevealBody) },
  responses: jsonResponse(
    z.object({ contactName: z.string().nullable(), contactPhone: z.string().nullable() }),
    '联系方式',
  ),
});

export function registerAppealCaseRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(app, appealDetailRoute, appealsRead, async (c) =>
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
  defineRoute(app, transitionRoute, appealsAct, async (c) => {
    const body = c.req.valid('json');
    const { row, warnings } = await inTransaction(c, (trx, ctx) =>
      service.fire(trx, ctx, c.req.param('id'), body),
    );
    const { db } = c.get('deps');
    return c.json(
      await detail.firedDetail(db, c.get('actor')!, c.req.param('townId'), row, warnings),
      200,
    );
  });
  defineRoute(app, revealContactRoute, appealsReveal, async (c) => {
    const { reason } = c.req.valid('json');
    return c.json(
      await inTransaction(c, (trx, ctx) =>
        contact.revealContact(trx, ctx, c.req.param('id'), reason),
      ),
      200,
    );
  });
}
