/**
 * HTTP routes of 党支部星级评定 under /api/v1/towns/{townId}/party/rating: the year's indicator
 * set and thresholds, every branch's rating with history, the 组织生活 prefill and the records a
 * score may cite, and rating a branch. Reading follows the `party` read scope; scheme and scores
 * are the organisation work's (`party.configure`, then assertOrganiser in the service).
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { todayKey } from '../../core/calendar/display.ts';
import type { AppEnv } from '../../http/env.ts';
import { inTransaction } from '../../http/handler.ts';
import { jsonBody, jsonResponse } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { partyConfigure, partyRead } from '../party-meetings/party-meetings.service.ts';
import * as s from './branch-rating.schema.ts';
import * as service from './branch-rating.service.ts';

const tags = ['党支部星级评定'];
const base = '/api/v1/towns/{townId}/party/rating/{year}';

function registerScheme(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/scheme`,
      tags,
      summary: '本年度评定指标、权重和星级分数线',
      request: { params: s.YearParams },
      responses: jsonResponse(s.Scheme, '评定指标'),
    }),
    partyRead,
    async (c) => {
      const { townId, year } = c.req.valid('param');
      return c.json(await service.schemeOf(c.get('deps').db, townId, year), 200);
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'put',
      path: `${base}/scheme`,
      tags,
      summary: '修改本年度评定指标和星级分数线',
      request: { params: s.YearParams, ...jsonBody(s.SchemeInput) },
      responses: jsonResponse(s.Scheme, '已保存'),
    }),
    partyConfigure,
    async (c) => {
      const { townId, year } = c.req.valid('param');
      const { version, ...scheme } = c.req.valid('json');
      await inTransaction(c, (trx, ctx) => service.saveScheme(trx, ctx, year, version, scheme));
      return c.json(await service.schemeOf(c.get('deps').db, townId, year), 200);
    },
  );
}

function registerRatings(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/branches`,
      tags,
      summary: '各党支部本年度评定结果、近五年星级和晋位升级情况',
      request: { params: s.YearParams },
      responses: jsonResponse(s.Ratings, '评定结果'),
    }),
    partyRead,
    async (c) => {
      const { townId, year } = c.req.valid('param');
      return c.json(await service.ratingsOf(c.get('deps').db, c.get('actor')!, townId, year), 200);
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/branches/{branchId}/org-life`,
      tags,
      summary: '按本年度三会一课情况建议的“组织生活”得分及对应会议',
      request: { params: s.RatingParams },
      responses: jsonResponse(s.Suggestion, '建议得分'),
    }),
    partyRead,
    async (c) => {
      const { townId, year, branchId } = c.req.valid('param');
      const db = c.get('deps').db;
      return c.json(
        await service.suggestOrgLife(db, c.get('actor')!, townId, year, branchId, todayKey()),
        200,
      );
    },
  );
}

function registerEvidence(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/branches/{branchId}/evidence`,
      tags,
      summary: '可作为佐证的本支部（本村）本年度台账记录',
      request: { params: s.RatingParams },
      responses: jsonResponse(s.EvidenceChoices, '台账记录'),
    }),
    partyRead,
    async (c) => {
      const { townId, year, branchId } = c.req.valid('param');
      const items = await service.evidenceChoices(
        c.get('deps').db,
        c.get('actor')!,
        townId,
        year,
        branchId,
      );
      return c.json({ items }, 200);
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'put',
      path: `${base}/branches/{branchId}`,
      tags,
      summary: '评定党支部星级（按指标打分，星级由分数线得出）',
      request: { params: s.RatingParams, ...jsonBody(s.RatingInput) },
      responses: jsonResponse(
        z.object({ recordId: z.string(), total: z.number(), stars: z.number() }),
        '已评定',
      ),
    }),
    partyConfigure,
    async (c) => {
      const { year, branchId } = c.req.valid('param');
      const result = await inTransaction(c, (trx, ctx) =>
        service.saveRating(trx, ctx, year, branchId, c.req.valid('json')),
      );
      return c.json(result, 200);
    },
  );
}

export function registerBranchRatingRoutes(app: OpenAPIHono<AppEnv>): void {
  registerScheme(app);
  registerRatings(app);
  registerEvidence(app);
}
