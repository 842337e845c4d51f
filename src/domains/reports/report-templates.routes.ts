/**
 * HTTP routes of report templates (admins): list, read and save them (with the version the admin
 * started from), preview the draft a template gives, and seed one from an imported report's
 * outline. Registered from registerReportRoutes.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { inTransaction } from '../../http/handler.ts';
import { jsonBody, jsonResponse, TownParams } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { previewTemplate } from './report-template-preview.ts';
import * as templates from './report-template.service.ts';
import { reportsAdmin } from './reports.policy.ts';
import * as s from './reports.schema.ts';

const tags = ['述职报告'];

const tpl = '/api/v1/towns/{townId}/report-templates';

const listTemplatesRoute = createRoute({
  method: 'get',
  path: tpl,
  tags,
  summary: '报告模板列表',
  request: { params: TownParams },
  responses: jsonResponse(z.object({ items: z.array(s.Template) }), '模板'),
});

const getTemplateRoute = createRoute({
  method: 'get',
  path: `${tpl}/{id}`,
  tags,
  summary: '报告模板',
  request: { params: s.TemplateParams },
  responses: jsonResponse(s.Template, '模板'),
});

const saveTemplateRoute = createRoute({
  method: 'put',
  path: `${tpl}/{id}`,
  tags,
  summary: '修改报告模板（章节、顺序、必填、字数）',
  request: { params: s.TemplateParams, ...jsonBody(s.TemplateUpdate) },
  responses: jsonResponse(s.Template, '已修改'),
});

const previewTemplateRoute = createRoute({
  method: 'post',
  path: `${tpl}/preview`,
  tags,
  summary: '按编辑中的模板为某人起草预览（不保存）',
  request: { params: TownParams, ...jsonBody(s.TemplatePreviewBody) },
  responses: jsonResponse(s.TemplatePreview, '预览'),
});

const templateFromImportRoute = createRoute({
  method: 'post',
  path: `${tpl}/from-import`,
  tags,
  summary: '由导入的往年报告生成模板',
  request: { params: TownParams, ...jsonBody(s.TemplateFromImport) },
  responses: jsonResponse(s.Template, '已创建', 201),
});

export function registerTemplateRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(app, listTemplatesRoute, reportsAdmin, async (c) =>
    c.json(
      { items: await inTransaction(c, (trx, ctx) => templates.listTemplates(trx, ctx.townId)) },
      200,
    ),
  );

  defineRoute(app, getTemplateRoute, reportsAdmin, async (c) =>
    c.json(
      await inTransaction(c, (trx, ctx) =>
        templates.getTemplate(trx, ctx.townId, c.req.param('id')),
      ),
      200,
    ),
  );

  defineRoute(app, saveTemplateRoute, reportsAdmin, async (c) =>
    c.json(
      await inTransaction(c, (trx, ctx) =>
        templates.updateTemplate(trx, ctx, c.req.param('id'), c.req.valid('json')),
      ),
      200,
    ),
  );

  defineRoute(app, previewTemplateRoute, reportsAdmin, async (c) =>
    c.json(
      await inTransaction(c, (trx, ctx) => previewTemplate(trx, ctx, c.req.valid('json'))),
      200,
    ),
  );

  defineRoute(app, templateFromImportRoute, reportsAdmin, async (c) =>
    c.json(
      await inTransaction(c, (trx, ctx) =>
        templates.templateFromImport(trx, ctx, c.req.valid('json')),
      ),
      201,
    ),
  );
}
