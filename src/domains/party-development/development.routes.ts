/**
 * HTTP routes of 发展党员 under /api/v1/towns/{townId}/member-development: the pipeline list,
 * a person's detail with the actions offered, 登记入党申请, one step or stage move, the funnel per
 * branch and year, the reminders, the branches and the ledger import. Route level is the
 * permissions table's `member_development` row with the organisation portfolio (the policies'
 * `holds`, run before validation, so a caller without it learns nothing); the branch scope is
 * development.policy.ts.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { inTransaction } from '../../http/handler.ts';
import { jsonBody, jsonResponse, TownParams } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { developmentAccess, developmentManage, developmentRead } from './development.policy.ts';
import { importLedger } from './development.import.ts';
import * as read from './development.read.ts';
import * as s from './development.schema.ts';
import { applyCandidate, fireStep } from './development.service.ts';

const tags = ['发展党员'];

const base = '/api/v1/towns/{townId}/member-development';

function registerReads(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/candidates`,
      tags,
      summary: '发展党员对象列表（阶段、下一步、期限）',
      request: { params: TownParams, query: s.ListQuery },
      responses: jsonResponse(z.object({ items: z.array(s.CandidateSummary) }), '发展党员对象'),
    }),
    developmentRead,
    async (c) => {
      const { townId } = c.req.valid('param');
      const items = await read.listCandidates(
        c.get('deps').db,
        c.get('actor')!,
        townId,
        c.req.valid('query'),
      );
      return c.json({ items }, 200);
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/candidates/{id}`,
      tags,
      summary: '发展党员对象详情：已完成的程序、历史记录、可执行的操作',
      request: { params: s.CandidateParams },
      responses: jsonResponse(s.CandidateDetail, '发展党员对象'),
    }),
    developmentRead,
    async (c) => {
      const { townId, id } = c.req.valid('param');
      return c.json(await read.candidateDetail(c.get('deps').db, c.get('actor')!, townId, id), 200);
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/funnel`,
      tags,
      summary: '发展党员漏斗：各党支部当年进入各阶段的人数',
      request: { params: TownParams, query: s.YearQuery },
      responses: jsonResponse(s.Funnel, '发展党员漏斗'),
    }),
    developmentRead,
    async (c) => {
      const { townId } = c.req.valid('param');
      const { year } = c.req.valid('query');
      return c.json(await read.funnel(c.get('deps').db, c.get('actor')!, townId, year), 200);
    },
  );
}

function registerOverviews(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/reminders`,
      tags,
      summary: '发展党员提醒：30天内到期或已逾期的程序',
      request: { params: TownParams },
      responses: jsonResponse(z.object({ items: z.array(s.CandidateSummary) }), '提醒'),
    }),
    developmentRead,
    async (c) => {
      const { townId } = c.req.valid('param');
      const items = await read.dueReminders(c.get('deps').db, c.get('actor')!, townId);
      return c.json({ items }, 200);
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/branches`,
      tags,
      summary: '可查看的党支部，以及能否查看、管理发展党员',
      request: { params: TownParams },
      responses: jsonResponse(
        z.object({
          items: z.array(z.object({ id: z.string(), name: z.string() })),
          read: z.boolean(),
          manage: z.boolean(),
        }),
        '党支部',
      ),
    }),
    developmentAccess,
    async (c) => {
      const { townId } = c.req.valid('param');
      return c.json(await read.listBranches(c.get('deps').db, c.get('actor')!, townId), 200);
    },
  );
}

function registerWrites(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: `${base}/candidates`,
      tags,
      summary: '登记入党申请（须年满十八周岁）',
      request: { params: TownParams, ...jsonBody(s.ApplyInput) },
      responses: jsonResponse(s.CandidateDetail, '已登记', 201),
    }),
    developmentManage,
    async (c) => {
      const { payload, note } = c.req.valid('json');
      const id = await inTransaction(c, (trx, ctx) => applyCandidate(trx, ctx, payload, note));
      const { townId } = c.req.valid('param');
      return c.json(await read.candidateDetail(c.get('deps').db, c.get('actor')!, townId, id), 201);
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: `${base}/candidates/{id}/steps`,
      tags,
      summary: '执行一项程序或转入下一阶段（最短期限和必经程序由服务器检查）',
      request: { params: s.CandidateParams, ...jsonBody(s.StepInput) },
      responses: jsonResponse(s.CandidateDetail, '已记录'),
    }),
    developmentManage,
    async (c) => {
      const { townId, id } = c.req.valid('param');
      await inTransaction(c, (trx, ctx) => fireStep(trx, ctx, id, c.req.valid('json')));
      return c.json(await read.candidateDetail(c.get('deps').db, c.get('actor')!, townId, id), 200);
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: `${base}/import-ledger`,
      tags,
      summary: '从发展党员台账导入（已导入的记录不会重复导入）',
      request: { params: TownParams },
      responses: jsonResponse(s.ImportResult, '导入结果'),
    }),
    developmentManage,
    async (c) => c.json(await inTransaction(c, (trx, ctx) => importLedger(trx, ctx)), 200),
  );
}

export function registerMemberDevelopmentRoutes(app: OpenAPIHono<AppEnv>): void {
  registerReads(app);
  registerOverviews(app);
  registerWrites(app);
}
