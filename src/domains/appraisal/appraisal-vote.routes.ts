/**
 * The public voting endpoints: the token is in the JSON body, never in a path or query, so the
 * request log (which records paths) and any proxy's access log never see it. Rate-limited per
 * address in its own transaction, before and apart from the vote's (a meeting hall behind one
 * address still fits: 600 requests per 10 minutes).
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { InvalidInput } from '../../core/errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { clientIp, jsonBody, jsonResponse } from '../../http/openapi.ts';
import { defineRoute, policies } from '../../http/route.ts';
import { hitRateLimit, type RateRule } from '../public-intake/rate-limit.service.ts';
import { ballotForm, castBallot } from './appraisal-vote.service.ts';
import * as s from './appraisal.schema.ts';

const tags = ['民主测评（投票）'];

export const BALLOT_RATE: RateRule = {
  name: 'appraisal_ballot',
  limit: 600,
  windowSeconds: 600,
  message: '请求过于频繁，请 {minutes} 分钟后再试',
};

export function registerAppraisalVoteRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/appraisal/ballot-form',
      tags,
      summary: '凭二维码取得测评表（不记名）',
      request: jsonBody(s.TokenBody),
      responses: jsonResponse(s.BallotForm, '测评表'),
    }),
    policies.public,
    async (c) => {
      const db = c.get('deps').db;
      await hitRateLimit(db, BALLOT_RATE, clientIp(c) ?? 'unknown');
      return c.json(await ballotForm(db, c.req.valid('json').token), 200);
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/appraisal/ballots',
      tags,
      summary: '投票（每个二维码一次；不记录投票人、时间）',
      request: jsonBody(s.BallotBody),
      responses: jsonResponse(z.object({ message: z.string() }), '已投票', 201),
    }),
    policies.public,
    async (c) => {
      const db = c.get('deps').db;
      await hitRateLimit(db, BALLOT_RATE, clientIp(c) ?? 'unknown');
      const { token, marks } = c.req.valid('json');
      const issues = await db.transaction().execute((trx) => castBallot(trx, token, marks));
      if (issues.length) throw new InvalidInput(issues[0]!.message, issues);
      return c.json({ message: '投票成功，感谢您的参与' }, 201);
    },
  );
}
