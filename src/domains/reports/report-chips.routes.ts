/**
 * HTTP routes of a report's metric chips: the records behind a number, the metrics a chip may cite
 * (插入数据) and a chip valued before it is inserted. Registered from registerReportRoutes.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { actorOf, dbOf } from '../../http/handler.ts';
import { jsonBody, jsonResponse } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import * as service from './report-chips.service.ts';
import { reportsRead, reportsWrite } from './reports.policy.ts';
import * as s from './reports.schema.ts';

const tags = ['述职报告'];

const base = '/api/v1/towns/{townId}/reports';

const chipRecordsRoute = createRoute({
  method: 'get',
  path: `${base}/{id}/chips/{chip}/records`,
  tags,
  summary: '报告中第 n 个数字背后的台账记录（指标明细）',
  request: { params: s.ChipParams, query: s.ChipRecordsQuery },
  responses: jsonResponse(s.ChipRecords, '明细'),
});

const chipMetricsRoute = createRoute({
  method: 'get',
  path: `${base}/{id}/chip-metrics`,
  tags,
  summary: '插入数据：可引用的指标、统计期间和本报告的统计范围',
  request: { params: s.ReportParams },
  responses: jsonResponse(s.ChipCatalogue, '可引用的指标'),
});

const chipPreviewRoute = createRoute({
  method: 'post',
  path: `${base}/{id}/chip-preview`,
  tags,
  summary: '插入数据：按本报告统计范围计算某指标的当前值（不保存）',
  request: { params: s.ReportParams, ...jsonBody(s.ChipPreviewBody) },
  responses: jsonResponse(s.ChipPreview, '数字'),
});

export function registerChipRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(app, chipRecordsRoute, reportsRead, async (c) => {
    const { chip } = c.req.valid('param');
    return c.json(
      await service.chipRecords(
        dbOf(c),
        actorOf(c),
        c.req.param('townId'),
        c.req.param('id'),
        chip,
        c.req.valid('query'),
      ),
      200,
    );
  });

  defineRoute(app, chipMetricsRoute, reportsWrite, async (c) =>
    c.json(
      await service.chipOptions(dbOf(c), actorOf(c), c.req.param('townId'), c.req.param('id')),
      200,
    ),
  );

  defineRoute(app, chipPreviewRoute, reportsWrite, async (c) =>
    c.json(
      await service.chipPreview(
        dbOf(c),
        actorOf(c),
        c.req.param('townId'),
        c.req.param('id'),
        c.req.valid('json'),
      ),
      200,
    ),
  );
}
