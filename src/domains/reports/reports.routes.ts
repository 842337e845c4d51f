/**
 * HTTP routes of duty reports under /api/v1/towns/{townId}/…: reports (draft, read, save,
 * revisions, freeze, lint, export, the records behind a number), imported past reports with
 * their comparison to a draft, and the town's report templates.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { InvalidInput, Malformed, PayloadTooLarge } from '../../core/errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { inTransaction } from '../../http/handler.ts';
import {
  encodeCursor,
  jsonBody,
  jsonResponse,
  noContent,
  page,
  problemResponses,
  TownParams,
} from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { readCursor } from '../../http/cursor.ts';
import { readForm, uploadBody } from '../../http/upload.ts';
import { exportFilename, renderReport } from './report-export.ts';
import {
  compareWithDraft,
  deleteImport,
  getImport,
  importReport,
  listImports,
  MAX_IMPORT_BYTES,
} from './report-import.service.ts';
import { lintStoredReport } from './report-lint.service.ts';
import { registerRephraseRoutes } from './report-rephrase.routes.ts';
import { previewTemplate } from './report-template-preview.ts';
import * as templates from './report-template.service.ts';
import * as service from './report.service.ts';
import { reportsAdmin, reportsRead, reportsWrite } from './reports.policy.ts';
import * as s from './reports.schema.ts';

const tags = ['述职报告'];
const base = '/api/v1/towns/{townId}/reports';
const imports = '/api/v1/towns/{townId}/report-imports';
const tpl = '/api/v1/towns/{townId}/report-templates';
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

/** An uploaded report: multipart `file` (+ personId, year fields), or the file as the raw body. */
async function uploaded(
  c: Context<AppEnv>,
  q: { filename?: string; personId?: string; year?: number },
) {
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const body = await readForm(c);
    const file = body.file;
    if (!(file instanceof File))
      throw new Malformed('请以表单字段 file 上传文件', [
        { path: 'file', label: '文件', message: '缺少文件' },
      ]);
    if (file.size > MAX_IMPORT_BYTES) throw new PayloadTooLarge('述职报告文件不能超过 10 MB');
    const year = typeof body.year === 'string' && body.year !== '' ? Number(body.year) : q.year;
    if (year !== undefined && !(Number.isInteger(year) && year >= 1990 && year <= 2100))
      throw new InvalidInput('年度应为 1990—2100 之间的整数', [
        { path: 'year', label: '年度', message: '年度不正确' },
      ]);
    const personId =
      typeof body.personId === 'string' && body.personId !== '' ? body.personId : q.personId;
    if (personId !== undefined && !z.uuid().safeParse(personId).success)
      throw new InvalidInput('人员编号不正确', [
        { path: 'personId', label: '人员', message: '编号不正确' },
      ]);
    return { filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()), personId, year };
  }
  if (!c.req.raw.body || type.startsWith('application/json'))
    throw new InvalidInput(
      '请上传述职报告文件（multipart/form-data 的 file 字段，或直接以文件内容为请求体并在 filename 参数中给出文件名）',
      [{ path: 'file', label: '文件', message: '缺少文件' }],
    );
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.length > MAX_IMPORT_BYTES) throw new PayloadTooLarge('述职报告文件不能超过 10 MB');
  return { filename: q.filename ?? 'report.txt', bytes, personId: q.personId, year: q.year };
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

const listImportsRoute = createRoute({
  method: 'post',
  path: imports,
  tags,
  summary:
    '导入往年述职报告（.docx/.txt，≤10 MB；以请求体直接上传时 ≤2 MB）：解析标题层级、数字和占位符',
  description:
    'multipart/form-data：file、personId、year；或以文件内容为请求体，filename/personId/year 作为查询参数。',
  request: {
    params: TownParams,
    query: s.ImportQuery,
    ...uploadBody('述职报告文件', {
      rawBody: true,
      fields: {
        personId: { type: 'string', format: 'uuid', description: '人员' },
        year: { type: 'integer', description: '年度' },
      },
    }),
  },
  responses: jsonResponse(s.ImportedReport, '已导入', 201),
});

const uploadImportRoute = createRoute({
  method: 'get',
  path: imports,
  tags,
  summary: '导入的往年报告列表（本人的；领导、管理员和县级督查可看全镇）',
  request: { params: TownParams, query: s.ImportListQuery },
  responses: jsonResponse(page(s.ImportSummary), '导入的报告'),
});

const getImportRoute = createRoute({
  method: 'delete',
  path: `${imports}/{id}`,
  tags,
  summary: '删除导入的往年报告（导入人或管理员）',
  request: { params: s.ImportParams },
  responses: noContent('已删除'),
});

const deleteImportRoute = createRoute({
  method: 'get',
  path: `${imports}/{id}`,
  tags,
  summary: '导入的往年报告（解析结果）',
  request: { params: s.ImportParams },
  responses: jsonResponse(s.ImportedReport, '导入的报告'),
});

const compareImportRoute = createRoute({
  method: 'get',
  path: `${imports}/{id}/compare`,
  tags,
  summary: '往年报告与草稿逐部分对照',
  request: { params: s.ImportParams, query: s.CompareQuery },
  responses: jsonResponse(s.Comparison, '对照'),
});

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

export function registerReportRoutes(app: OpenAPIHono<AppEnv>): void {
  const db = (c: Context<AppEnv>) => c.get('deps').db;
  const actor = (c: Context<AppEnv>) => c.get('actor')!;

  defineRoute(app, listReportsRoute, reportsRead, async (c) => {
    const q = c.req.valid('query');
    const after = readCursor(q.cursor, ['number', 'string']);
    const { rows, more } = await service.listReports(db(c), actor(c), c.req.param('townId'), {
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
    c.json(await service.getReport(db(c), actor(c), c.req.param('townId'), c.req.param('id')), 200),
  );
  defineRoute(app, saveReportRoute, reportsWrite, async (c) =>
    c.json(
      await inTransaction(c, (trx, ctx) =>
        service.saveReport(trx, ctx, c.req.param('id'), c.req.valid('json')),
      ),
      200,
    ),
  );
  defineRoute(app, listRevisionsRoute, reportsRead, async (c) =>
    c.json(
      {
        items: await service.listRevisions(
          db(c),
          actor(c),
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
        db(c),
        actor(c),
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
  defineRoute(app, freezeRoute, reportsWrite, async (c) =>
    c.json(
      await inTransaction(c, (trx, ctx) =>
        service.freezeReport(trx, ctx, c.req.param('id'), c.req.valid('json').version),
      ),
      200,
    ),
  );
  defineRoute(app, lintRoute, reportsRead, async (c) =>
    c.json(await lintStoredReport(db(c), actor(c), c.req.param('townId'), c.req.param('id')), 200),
  );
  defineRoute(app, exportRoute, reportsRead, async (c) => {
    const report = await service.getReport(
      db(c),
      actor(c),
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
  defineRoute(app, chipRecordsRoute, reportsRead, async (c) => {
    const { chip } = c.req.valid('param');
    return c.json(
      await service.chipRecords(
        db(c),
        actor(c),
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
      await service.chipOptions(db(c), actor(c), c.req.param('townId'), c.req.param('id')),
      200,
    ),
  );
  defineRoute(app, chipPreviewRoute, reportsWrite, async (c) =>
    c.json(
      await service.chipPreview(
        db(c),
        actor(c),
        c.req.param('townId'),
        c.req.param('id'),
        c.req.valid('json'),
      ),
      200,
    ),
  );

  registerRephraseRoutes(app);

  // ---- imported past reports
  defineRoute(app, listImportsRoute, reportsWrite, async (c) => {
    const file = await uploaded(c, c.req.valid('query'));
    return c.json(await inTransaction(c, (trx, ctx) => importReport(trx, ctx, file)), 201);
  });
  defineRoute(app, uploadImportRoute, reportsRead, async (c) => {
    const q = c.req.valid('query');
    const { items, next } = await listImports(db(c), actor(c), c.req.param('townId'), {
      personId: q.personId,
      after: readCursor(q.cursor, ['string', 'string']),
      limit: q.limit,
    });
    return c.json({ items, nextCursor: next ? encodeCursor(next) : null }, 200);
  });
  defineRoute(app, getImportRoute, reportsWrite, async (c) => {
    await inTransaction(c, (trx, ctx) => deleteImport(trx, ctx, c.req.param('id')));
    return c.body(null, 204);
  });
  defineRoute(app, deleteImportRoute, reportsRead, async (c) =>
    c.json(await getImport(db(c), actor(c), c.req.param('townId'), c.req.param('id')), 200),
  );
  defineRoute(app, compareImportRoute, reportsRead, async (c) =>
    c.json(
      await compareWithDraft(
        db(c),
        actor(c),
        c.req.param('townId'),
        c.req.param('id'),
        c.req.valid('query').reportId,
      ),
      200,
    ),
  );

  // ---- templates (admin)
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
