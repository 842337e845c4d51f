/**
 * HTTP routes of duty reports under /api/v1/towns/{townId}/…: reports (draft, read, save,
 * freeze, lint, export) here; their revisions, metric chips, 润色, imported past reports and the
 * town's report templates in their own report-*.routes.ts modules, registered from here.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { actorOf, dbOf, inTransaction } from '../../http/handler.ts';
import {
  encodeCursor,
  jsonBody,
  jsonResponse,
  page,
  problemResponses,
  TownParams,
} from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { readCursor } from '../../http/cursor.ts';
import { exportFilename, renderReport } from './report-export.ts';
import { lintStoredReport } from './report-lint.service.ts';
import { registerChipRoutes } from './report-chips.routes.ts';
import { registerImportRoutes } from './report-imports.routes.ts';
import { registerRephraseRoutes } from './report-rephrase.routes.ts';
import { registerRevisionRoutes } from './report-revisions.routes.ts';
import { registerTemplateRoutes } from './report-templates.routes.ts';
import * as service from './report.service.ts';
import { reportsRead, reportsWrite } from './reports.policy.ts';
import * as s from './reports.schema.ts';

const tags = ['述职报告'];
const base = '/api/v1/towns/{townId}/reports';
const fileResponse = (description: string) => ({
  200: {
    description,
    content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
  },
  ...problemResponses,
});

/** `filename*` keeps Chinese names intact in every browser. */
function disposition(name: string) {
  return `attachment; filename="report"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

const listReportsRoute = createRoute({
  method: 'get',
  path: base,
  tags,
  summary: '述职报告列表（本人；领导、管理员和县级督查可看全镇）',
  request: { params: TownParams, query: s.ReportListQuery },
  responses: jsonResponse(page(s.ReportSummary), '述职报告'),
});

const createReportRoute = createRoute({
  method: 'post',
  path: base,
  tags,
  summary: '为某人某年度起草述职报告（本人或管理员）',
  request: { params: TownParams, ...jsonBody(s.ReportCreate) },
  responses: jsonResponse(s.Report, '已起草', 201),
});

const getReportRoute = createRoute({
  method: 'get',
  path: `${base}/{id}`,
  tags,
  summary: '述职报告（草稿的数字为实时值）',
  request: { params: s.ReportParams },
  responses: jsonResponse(s.Report, '述职报告'),
});

const saveReportRoute = createRoute({
  method: 'put',
  path: `${base}/{id}`,
  tags,
  summary: '保存编辑后的报告（旧版本存为历史版本；版本过期返回 409）',
  request: { params: s.ReportParams, ...jsonBody(s.ReportSave) },
  responses: jsonResponse(s.Report, '已保存'),
});

const freezeRoute = createRoute({
  method: 'post',
  path: `${base}/{id}/freeze`,
  tags,
  summary: '定稿（数字取当前值后固定，不再随台账变化）',
  request: { params: s.ReportParams, ...jsonBody(s.VersionBody) },
  responses: jsonResponse(s.Report, '已定稿'),
});

const lintRoute = createRoute({
  method: 'get',
  path: `${base}/{id}/lint`,
  tags,
  summary: '报告检查（占位符、缺少章节、数字与台账不一致、篇幅、重复、与上年雷同）',
  request: { params: s.ReportParams },
  responses: jsonResponse(s.LintResult, '检查结果'),
});

const exportRoute = createRoute({
  method: 'get',
  path: `${base}/{id}/export`,
  tags,
  summary: '导出（docx 按 GB/T 9704 版式；md；html；pdf 需服务器安装 LibreOffice）',
  request: { params: s.ReportParams, query: s.ExportQuery },
  responses: fileResponse('报告文件'),
});

export function registerReportRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(app, listReportsRoute, reportsRead, async (c) => {
    const q = c.req.valid('query');
    const after = readCursor(q.cursor, ['number', 'string']);
    const { rows, more } = await service.listReports(dbOf(c), actorOf(c), c.req.param('townId'), {
      personId: q.personId,
      year: q.year,
      after,
      limit: q.limit,
    });
    const last = rows[rows.length - 1];
    const items = rows.map(({ document: _d, townId: _t, createdAt: _c, ...summary }) => summary);
    return c.json(
      { items, nextCursor: more && last ? encodeCursor([last.year, last.id]) : null },
      200,
    );
  });
  defineRoute(app, createReportRoute, reportsWrite, async (c) =>
    c.json(
      await inTransaction(c, (trx, ctx) => service.createDraft(trx, ctx, c.req.valid('json'))),
      201,
    ),
  );
  defineRoute(app, getReportRoute, reportsRead, async (c) =>
    c.json(
      await service.getReport(dbOf(c), actorOf(c), c.req.param('townId'), c.req.param('id')),
      200,
    ),
  );
  defineRoute(app, saveReportRoute, reportsWrite, async (c) =>
    c.json(
      await inTransaction(c, (trx, ctx) =>
        service.saveReport(trx, ctx, c.req.param('id'), c.req.valid('json')),
      ),
      200,
    ),
  );
  registerRevisionRoutes(app);
  defineRoute(app, freezeRoute, reportsWrite, async (c) =>
    c.json(
      await inTransaction(c, (trx, ctx) =>
        service.freezeReport(trx, ctx, c.req.param('id'), c.req.valid('json').version),
      ),
      200,
    ),
  );
  defineRoute(app, lintRoute, reportsRead, async (c) =>
    c.json(
      await lintStoredReport(dbOf(c), actorOf(c), c.req.param('townId'), c.req.param('id')),
      200,
    ),
  );
  defineRoute(app, exportRoute, reportsRead, async (c) => {
    const report = await service.getReport(
      dbOf(c),
      actorOf(c),
      c.req.param('townId'),
      c.req.param('id'),
    );
    const format = c.req.valid('query').format;
    const file = await renderReport(report.document, format);
    return c.body(file.body as never, 200, {
      'content-type': file.contentType,
      'content-disposition': disposition(exportFilename(report.personName, report.year, format)),
    }) as never;
  });
  registerChipRoutes(app);
  registerRephraseRoutes(app);
  registerImportRoutes(app);
  registerTemplateRoutes(app);
}
