/**
 * HTTP routes of a report's 历史版本: the list, one revision's document, and restoring one (the current
 * text becomes a revision itself). Registered from registerReportRoutes.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { actorOf, dbOf, inTransaction } from '../../http/handler.ts';
import { jsonBody, jsonResponse } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import * as service from './report-revision.service.ts';
import { reportsRead, reportsWrite } from './reports.policy.ts';
import * as s from './reports.schema.ts';

const tags = ['述职报告'];

const base = '/api/v1/towns/{townId}/reports';

const listRevisionsRoute = createRoute({
  method: 'get',
  path: `${base}/{id}/revisions`,
  tags,
  summary: '历史版本',
  request: { params: s.ReportParams },
  responses: jsonResponse(z.object({ items: z.array(s.Revision) }), '历史版本'),
});

const getRevisionRoute = createRoute({
  method: 'get',
  path: `${base}/{id}/revisions/{revisionId}`,
  tags,
  summary: '某个历史版本的内容',
  request: { params: s.RevisionParams },
  responses: jsonResponse(s.RevisionDetail, '历史版本'),
});

const restoreRevisionRoute = createRoute({
  method: 'post',
  path: `${base}/{id}/revisions/{revisionId}/restore`,
  tags,
  summary: '恢复到某个历史版本',
  request: { params: s.RevisionParams, ...jsonBody(s.VersionBody) },
  responses: jsonResponse(s.Report, '已恢复'),
});

export function registerRevisionRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(app, listRevisionsRoute, reportsRead, async (c) =>
    c.json(
      {
        items: await service.listRevisions(
          dbOf(c),
          actorOf(c),
          c.req.param('townId'),
          c.req.param('id'),
        ),
      },
      200,
    ),
  );

  defineRoute(app, getRevisionRoute, reportsRead, async (c) =>
    c.json(
      await service.getRevision(
        dbOf(c),
        actorOf(c),
        c.req.param('townId'),
        c.req.param('id'),
        c.req.param('revisionId'),
      ),
      200,
    ),
  );

  defineRoute(app, restoreRevisionRoute, reportsWrite, async (c) =>
    c.json(
      await inTransaction(c, (trx, ctx) =>
        service.restoreRevision(
          trx,
          ctx,
          c.req.param('id'),
          c.req.param('revisionId'),
          c.req.valid('json').version,
        ),
      ),
      200,
    ),
  );
}
