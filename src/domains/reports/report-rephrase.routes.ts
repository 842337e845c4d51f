/**
 * 润色 routes: whether the town's model server is configured, a proposal for one section (the
 * model is asked outside any transaction; nothing is stored), and accepting a proposal (a save
 * with a revision). Discarding a proposal needs no request.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { inTransaction } from '../../http/handler.ts';
import { jsonBody, jsonResponse } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { acceptRephrasing, proposeRephrasing, rephraseStatus } from './report-rephrase.service.ts';
import { reportsRead, reportsWrite } from './reports.policy.ts';
import * as s from './reports.schema.ts';

const tags = ['述职报告'];
const base = '/api/v1/towns/{townId}/reports/{id}/rephrase';
const unavailable = {
  503: {
    description: '润色服务未配置、超时或出错（报告未作改动）',
    content: { 'application/problem+json': { schema: z.object({ detail: z.string() }) } },
  },
};

export function registerRephraseRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: base,
      tags,
      summary: '润色服务是否可用（由服务器配置，未配置时编辑器不显示润色按钮）',
      request: { params: s.ReportParams },
      responses: jsonResponse(s.RephraseStatus, '润色服务'),
    }),
    reportsRead,
    (c) => c.json(rephraseStatus(c.get('deps').config.rephrase), 200),
  );
  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: base,
      tags,
      summary: '请本乡镇的大模型润色某一节（数字锁定；改动数字的结果被拒绝；不保存）',
      request: { params: s.ReportParams, ...jsonBody(s.RephraseBody) },
      responses: { ...jsonResponse(s.RephraseProposal, '润色建议'), ...unavailable },
    }),
    reportsWrite,
    async (c) =>
      c.json(
        await proposeRephrasing(
          c.get('deps').db,
          c.get('actor')!,
          c.req.param('townId'),
          c.req.param('id'),
          c.req.valid('json').sectionId,
          c.get('deps').config.rephrase,
        ),
        200,
      ),
  );
  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: `${base}/accept`,
      tags,
      summary: '采用润色结果（再次核对数字；原文存为历史版本；版本过期返回 409）',
      request: { params: s.ReportParams, ...jsonBody(s.RephraseAccept) },
      responses: jsonResponse(s.Report, '已采用'),
    }),
    reportsWrite,
    async (c) =>
      c.json(
        await inTransaction(c, (trx, ctx) =>
          acceptRephrasing(trx, ctx, c.req.param('id'), c.req.valid('json')),
        ),
        200,
      ),
  );
}
