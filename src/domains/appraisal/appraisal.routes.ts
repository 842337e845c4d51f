/**
 * HTTP routes of 民主测评. Managers (appraisal.policy.ts: the route policy, then `managerOnly`
 * before validation) list, draft, open, reissue, close and export rounds under
 * /api/v1/towns/{townId}/appraisal; a person's results are read by them, the person and county
 * supervisors; voting is public (appraisal-vote.routes.ts).
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../http/env.ts';
import { inTransaction } from '../../http/handler.ts';
import {
  jsonBody,
  jsonResponse,
  noContent,
  problemResponses,
  TownParams,
} from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { roundDocx, roundWorkbook } from './appraisal.export.ts';
import {
  appraisalAccess,
  appraisalManage,
  appraisalResults,
  assertManager,
  assertResultReader,
  isManager,
} from './appraisal.policy.ts';
import { listRoundViews, personResults, roundView } from './appraisal.results.ts';
import * as s from './appraisal.schema.ts';
import * as service from './appraisal.service.ts';

const tags = ['民主测评'];
const base = '/api/v1/towns/{townId}/appraisal/rounds';

/** Runs before validation, so a caller without the organisation portfolio learns nothing. */
const managerOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  await assertManager(c.get('deps').db, c.get('actor')!, c.req.param('townId') ?? '');
  await next();
};

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const wire = <T extends { openedAt: Date | null; closedAt: Date | null }>(r: T) => ({
  ...r,
  openedAt: iso(r.openedAt),
  closedAt: iso(r.closedAt),
});

const view = async (c: Context<AppEnv>, id: string) =>
  wire(await roundView(c.get('deps').db, c.req.param('townId')!, id));

const fileResponse = (type: string) => ({
  200: { content: { [type]: { schema: z.string() } }, description: '文件' },
  ...problemResponses,
});
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function file(c: Context<AppEnv>, body: Buffer, type: string, name: string, ext: string) {
  return c.body(new Uint8Array(body), 200, {
    'content-type': type,
    'content-disposition':
      `attachment; filename="appraisal.${ext}"; ` +
      `filename*=UTF-8''${encodeURIComponent(`${name}.${ext}`)}`,
  }) as never;
}

function registerReads(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: base,
      tags,
      summary: '测评轮次列表',
      middleware: managerOnly,
      request: { params: TownParams },
      responses: jsonResponse(z.object({ items: z.array(s.RoundSummary) }), '测评轮次'),
    }),
    appraisalManage,
    async (c) => {
      const rounds = await listRoundViews(c.get('deps').db, c.req.valid('param').townId);
      return c.json({ items: rounds.map(wire) }, 200);
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/{id}`,
      tags,
      summary: '测评轮次：设置、实时参评率、结束后的计票结果',
      middleware: managerOnly,
      request: { params: s.RoundParams },
      responses: jsonResponse(s.RoundView, '测评轮次'),
    }),
    appraisalManage,
    async (c) => c.json(await view(c, c.req.valid('param').id), 200),
  );
  for (const [ext, type] of [
    ['xlsx', XLSX],
    ['docx', DOCX],
  ] as const)
    defineRoute(
      app,
      createRoute({
        method: 'get',
        path: `${base}/{id}/results.${ext}`,
        tags,
        summary: ext === 'xlsx' ? '测评结果 Excel' : '测评结果 Word',
        middleware: managerOnly,
        request: { params: s.RoundParams },
        responses: fileResponse(type),
      }),
      appraisalManage,
      async (c) => {
        const v = await view(c, c.req.valid('param').id);
        const body = ext === 'xlsx' ? await roundWorkbook(v) : await roundDocx(v);
        return file(c, body, type, `${v.title}测评结果`, ext);
      },
    );
}

function registerPersonal(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/towns/{townId}/appraisal/access',
      tags,
      summary: '当前用户能否管理民主测评（页面据此显示说明，而不是报错）',
      request: { params: TownParams },
      responses: jsonResponse(z.object({ manage: z.boolean() }), '权限'),
    }),
    appraisalAccess,
    async (c) => {
      const manage = await isManager(
        c.get('deps').db,
        c.get('actor')!,
        c.req.valid('param').townId,
      );
      return c.json({ manage }, 200);
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/towns/{townId}/appraisal/people/{personId}/results',
      tags,
      summary: '某人历次民主测评结果（已结束的轮次）',
      request: { params: s.PersonParams },
      responses: jsonResponse(z.object({ items: z.array(s.PersonResult) }), '测评结果'),
    }),
    appraisalResults,
    async (c) => {
      const { townId, personId } = c.req.valid('param');
      const db = c.get('deps').db;
      await assertResultReader(db, c.get('actor')!, townId, personId);
      return c.json({ items: await personResults(db, townId, personId) }, 200);
    },
  );
}

function registerDrafts(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: base,
      tags,
      summary: '新建测评（草稿）',
      middleware: managerOnly,
      request: { params: TownParams, ...jsonBody(s.RoundInput) },
      responses: jsonResponse(s.RoundView, '已新建', 201),
    }),
    appraisalManage,
    async (c) => {
      const id = await inTransaction(c, (trx, ctx) =>
        service.createRound(trx, ctx, c.req.valid('json')),
      );
      return c.json(await view(c, id), 201);
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'put',
      path: `${base}/{id}`,
      tags,
      summary: '修改测评草稿',
      middleware: managerOnly,
      request: { params: s.RoundParams, ...jsonBody(s.RoundUpdate) },
      responses: jsonResponse(s.RoundView, '已保存'),
    }),
    appraisalManage,
    async (c) => {
      const { id } = c.req.valid('param');
      const { version, ...input } = c.req.valid('json');
      await inTransaction(c, (trx, ctx) => service.updateRound(trx, ctx, id, version, input));
      return c.json(await view(c, id), 200);
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'delete',
      path: `${base}/{id}`,
      tags,
      summary: '删除测评草稿',
      middleware: managerOnly,
      request: { params: s.RoundParams, query: s.VersionQuery },
      responses: noContent('已删除'),
    }),
    appraisalManage,
    async (c) => {
      const { id } = c.req.valid('param');
      await inTransaction(c, (trx, ctx) =>
        service.deleteRound(trx, ctx, id, c.req.valid('query').version),
      );
      return c.body(null, 204) as never;
    },
  );
}

function registerVoting(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: `${base}/{id}/open`,
      tags,
      middleware: managerOnly,
      summary: '开始测评：生成各类别的一次性二维码（只返回这一次，请立即打印）',
      request: { params: s.RoundParams, ...jsonBody(s.Versioned) },
      responses: jsonResponse(
        z.object({ round: s.RoundView, sheets: z.array(s.IssuedTokens) }),
        '已开始',
      ),
    }),
    appraisalManage,
    async (c) => {
      const { id } = c.req.valid('param');
      const sheets = await inTransaction(c, (trx, ctx) =>
        service.openRound(trx, ctx, id, c.req.valid('json').version),
      );
      return c.json({ round: await view(c, id), sheets }, 200);
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: `${base}/{id}/groups/{groupId}/reissue`,
      tags,
      middleware: managerOnly,
      summary: '重新生成某类别的二维码（未使用的旧二维码作废）',
      request: { params: s.GroupParams },
      responses: jsonResponse(s.IssuedTokens, '新二维码'),
    }),
    appraisalManage,
    async (c) => {
      const { id, groupId } = c.req.valid('param');
      return c.json(
        await inTransaction(c, (trx, ctx) => service.reissueGroup(trx, ctx, id, groupId)),
        200,
      );
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: `${base}/{id}/close`,
      tags,
      middleware: managerOnly,
      summary: '结束测评并计票（二维码全部作废）',
      request: { params: s.RoundParams, ...jsonBody(s.Versioned) },
      responses: jsonResponse(s.RoundView, '已结束'),
    }),
    appraisalManage,
    async (c) => {
      const { id } = c.req.valid('param');
      await inTransaction(c, (trx, ctx) =>
        service.closeRound(trx, ctx, id, c.req.valid('json').version),
      );
      return c.json(await view(c, id), 200);
    },
  );
}

export function registerAppraisalRoutes(app: OpenAPIHono<AppEnv>): void {
  registerPersonal(app);
  registerReads(app);
  registerDrafts(app);
  registerVoting(app);
}
