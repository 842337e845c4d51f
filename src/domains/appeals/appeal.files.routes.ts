/**
 * File routes of appeals: Excel export of the order list, my queue, the overdue list and a KPI
 * drill-down (same filters and columns as on screen, contacts masked, streamed), and an order's
 * attachments — upload (multipart, ≤ 10 MB, typed by content), list, audited download, and
 * marking a photo 公开给群众 (or withdrawing it).
 * Registered before `/appeals/{id}` so the static paths win.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { Malformed, PayloadTooLarge } from '../../core/errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { inTransaction } from '../../http/handler.ts';
import {
  jsonBody,
  jsonResponse,
  problemResponses,
  TownEntityParams,
  TownParams,
} from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { readForm, uploadBody } from '../../http/upload.ts';
import {
  attach,
  downloadAttachment,
  listAttachments,
  setAttachmentVisibility,
} from './appeal-attachments.service.ts';
import {
  exportKpiOrders,
  exportList,
  exportOverdue,
  exportQueue,
  XLSX_TYPE,
} from './appeal.export.ts';
import { KIND_NAMES } from './appeal.kinds.ts';
import * as kpi from './appeal-kpi.service.ts';
import { appealsAct, appealsRead } from './appeal.policy.ts';
import * as s from './appeal.schema.ts';

const tags = ['诉求工单'];
const base = '/api/v1/towns/{townId}';
const fileResponse = (type: string, description: string) => ({
  200: { description, content: { [type]: { schema: z.string().openapi({ format: 'binary' }) } } },
  ...problemResponses,
});

/** `filename*` keeps Chinese names intact in every browser. */
const disposition = (name: string) =>
  `attachment; filename="download"; filename*=UTF-8''${encodeURIComponent(name)}`;

function xlsx(c: Context<AppEnv>, file: { filename: string; stream: ReadableStream }) {
  return c.body(file.stream, 200, {
    'content-type': XLSX_TYPE,
    'content-disposition': disposition(file.filename),
    'cache-control': 'no-store',
  }) as never;
}

const ExportQuery = s.AppealListQuery.omit({ cursor: true, limit: true });
const KpiExportQuery = z.object({
  from: z.iso.date().meta({ title: '开始日期' }),
  to: z.iso.date().meta({ title: '结束日期' }),
  groupBy: z.enum(kpi.GROUPINGS).optional().meta({ title: '分组' }),
  kind: z
    .enum(KIND_NAMES as [string, ...string[]])
    .optional()
    .meta({ title: '工单类型' }),
  group: z.string().max(80).optional().meta({ title: '分组值' }),
});
const KpiParams = TownParams.extend({
  metricId: z
    .string()
    .regex(/^appeals\.[a-z_]+$/)
    .meta({ title: '指标' })
    .openapi({ param: { name: 'metricId', in: 'path' } }),
});
const AttachmentParams = TownEntityParams.extend({
  attachmentId: z
    .uuid()
    .meta({ title: '附件' })
    .openapi({ param: { name: 'attachmentId', in: 'path' } }),
});

/** Room for the multipart envelope around a 10 MB file; the service checks the file itself. */
const uploadLimit = bodyLimit({
  maxSize: 10 * 1024 * 1024 + 64 * 1024,
  onError: () => {
    throw new PayloadTooLarge('附件不能超过 10 MB');
  },
});

const exportListRoute = createRoute({
  method: 'get',
  path: `${base}/appeals/export`,
  tags,
  summary: '导出工单列表为 Excel（与列表相同的筛选和列，联系方式脱敏）',
  request: { params: TownParams, query: ExportQuery },
  responses: fileResponse(XLSX_TYPE, 'Excel 文件'),
});

const exportQueueRoute = createRoute({
  method: 'get',
  path: `${base}/appeals/queue/export`,
  tags,
  summary: '导出我的待办为 Excel',
  request: { params: TownParams },
  responses: fileResponse(XLSX_TYPE, 'Excel 文件'),
});

const exportOverdueRoute = createRoute({
  method: 'get',
  path: `${base}/appeals/overdue/export`,
  tags,
  summary: '导出超期工单为 Excel（含督办情况）',
  request: { params: TownParams },
  responses: fileResponse(XLSX_TYPE, 'Excel 文件'),
});

const exportKpiOrdersRoute = createRoute({
  method: 'get',
  path: `${base}/appeals/kpis/{metricId}/orders/export`,
  tags,
  summary: '导出指标明细（构成该数字的全部工单）为 Excel',
  request: { params: KpiParams, query: KpiExportQuery },
  responses: fileResponse(XLSX_TYPE, 'Excel 文件'),
});

const uploadAttachmentRoute = createRoute({
  method: 'post',
  path: `${base}/appeals/{id}/attachments`,
  middleware: [uploadLimit] as never,
  tags,
  summary: '上传工单附件（照片等，≤10 MB；JPG/PNG/PDF/docx/xlsx，按文件内容识别类型）',
  description:
    'multipart/form-data 的 file 字段。答复、办理时在操作的 attachmentIds 中引用，照片即挂在该条时间线上。',
  request: { params: TownEntityParams, ...uploadBody('附件') },
  responses: jsonResponse(s.AppealAttachment, '已上传', 201),
});

const listAttachmentsRoute = createRoute({
  method: 'get',
  path: `${base}/appeals/{id}/attachments`,
  tags,
  summary: '工单附件列表',
  request: { params: TownEntityParams },
  responses: jsonResponse(z.object({ items: z.array(s.AppealAttachment) }), '附件'),
});

const downloadAttachmentRoute = createRoute({
  method: 'get',
  path: `${base}/appeals/{id}/attachments/{attachmentId}`,
  tags,
  summary: '下载工单附件（记入审计日志）',
  request: { params: AttachmentParams },
  responses: fileResponse('application/octet-stream', '附件'),
});

const setAttachmentVisibilityRoute = createRoute({
  method: 'put',
  path: `${base}/appeals/{id}/attachments/{attachmentId}/visibility`,
  tags,
  summary: '公开给群众 / 取消公开（仅照片、仅公开渠道工单；记入审计日志）',
  description:
    '公开后照片出现在 Open311 的 media_url 和群众查询页；取消公开后原地址立即失效（404），再次公开会换一个新地址。',
  request: { params: AttachmentParams, ...jsonBody(s.AttachmentVisibilityBody) },
  responses: jsonResponse(s.AppealAttachment, '附件'),
});

export function registerAppealFileRoutes(app: OpenAPIHono<AppEnv>): void {
  registerExportRoutes(app);
  registerAttachmentRoutes(app);
}

/** Excel exports of the lists and of a KPI's orders. */
function registerExportRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(app, exportListRoute, appealsRead, async (c) =>
    xlsx(
      c,
      await exportList(
        c.get('deps').db,
        c.get('actor')!,
        c.req.param('townId'),
        c.req.valid('query'),
      ),
    ),
  );
  defineRoute(app, exportQueueRoute, appealsRead, async (c) =>
    xlsx(c, await exportQueue(c.get('deps').db, c.get('actor')!, c.req.param('townId'))),
  );
  defineRoute(app, exportOverdueRoute, appealsRead, async (c) =>
    xlsx(c, await exportOverdue(c.get('deps').db, c.get('actor')!, c.req.param('townId'))),
  );
  defineRoute(app, exportKpiOrdersRoute, appealsRead, async (c) =>
    xlsx(
      c,
      await exportKpiOrders(c.get('deps').db, c.get('actor')!, c.req.param('townId'), {
        townId: c.req.param('townId'),
        metricId: c.req.param('metricId'),
        ...c.req.valid('query'),
      }),
    ),
  );
}

/** Upload, list, download and publish an order's attachments. */
function registerAttachmentRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(app, uploadAttachmentRoute, appealsAct, async (c) => {
    if (!(c.req.header('content-type') ?? '').startsWith('multipart/form-data'))
      throw new Malformed('请以 multipart/form-data 的 file 字段上传文件', [
        { path: 'file', label: '附件', message: '缺少文件' },
      ]);
    const file = (await readForm(c)).file;
    if (!(file instanceof File))
      throw new Malformed('请以表单字段 file 上传文件', [
        { path: 'file', label: '附件', message: '缺少文件' },
      ]);
    const bytes = new Uint8Array(await file.arrayBuffer());
    return c.json(
      await inTransaction(c, (trx, ctx) =>
        attach(trx, ctx, c.req.param('id'), { filename: file.name, bytes }),
      ),
      201,
    );
  });
  defineRoute(app, listAttachmentsRoute, appealsRead, async (c) =>
    c.json(
      await listAttachments(
        c.get('deps').db,
        c.get('actor')!,
        c.req.param('townId'),
        c.req.param('id'),
      ),
      200,
    ),
  );
  defineRoute(app, downloadAttachmentRoute, appealsRead, async (c) => {
    const row = await inTransaction(c, (trx, ctx) =>
      downloadAttachment(trx, ctx, c.req.param('id'), c.req.param('attachmentId')),
    );
    return c.body(new Uint8Array(row.bytes), 200, {
      'content-type': row.content_type,
      'content-disposition': disposition(row.filename),
      'x-content-type-options': 'nosniff',
    }) as never;
  });
  defineRoute(app, setAttachmentVisibilityRoute, appealsAct, async (c) => {
    const body = c.req.valid('json');
    return c.json(
      await inTransaction(c, (trx, ctx) =>
        setAttachmentVisibility(
          trx,
          ctx,
          c.req.param('id'),
          c.req.param('attachmentId'),
          body.public,
        ),
      ),
      200,
    );
  });
}
