/**
 * HTTP routes of imported past reports (往年报告对照): upload one (.docx/.txt, parsed at once), list,
 * read and delete them, and compare one with a draft of the same person. Registered from
 * registerReportRoutes.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { InvalidInput, Malformed, PayloadTooLarge } from '../../core/errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { actorOf, dbOf, inTransaction } from '../../http/handler.ts';
import { encodeCursor, jsonResponse, noContent, page, TownParams } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { readCursor } from '../../http/cursor.ts';
import { readForm, uploadBody } from '../../http/upload.ts';
import {
  compareWithDraft,
  deleteImport,
  getImport,
  importReport,
  listImports,
  MAX_IMPORT_BYTES,
} from './report-import.service.ts';
import { reportsRead, reportsWrite } from './reports.policy.ts';
import * as s from './reports.schema.ts';

const tags = ['述职报告'];

const imports = '/api/v1/towns/{townId}/report-imports';

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

export function registerImportRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(app, listImportsRoute, reportsWrite, async (c) => {
    const file = await uploaded(c, c.req.valid('query'));
    return c.json(await inTransaction(c, (trx, ctx) => importReport(trx, ctx, file)), 201);
  });

  defineRoute(app, uploadImportRoute, reportsRead, async (c) => {
    const q = c.req.valid('query');
    const { items, next } = await listImports(dbOf(c), actorOf(c), c.req.param('townId'), {
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
    c.json(await getImport(dbOf(c), actorOf(c), c.req.param('townId'), c.req.param('id')), 200),
  );

  defineRoute(app, compareImportRoute, reportsRead, async (c) =>
    c.json(
      await compareWithDraft(
        dbOf(c),
        actorOf(c),
        c.req.param('townId'),
        c.req.param('id'),
        c.req.valid('query').reportId,
      ),
      200,
    ),
  );
}
