/**
 * HTTP routes for a ledger's files: attachment upload/download, Excel export of any filtered
 * list, the blank template of a type, and the all-or-nothing Excel import — answered as JSON,
 * or, when the client asks for `application/x-ndjson`, as a stream of progress lines.
 */
import { Readable } from 'node:stream';
import { createRoute, z, type OpenAPIHono, type RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { isDomainError, problemOf, INTERNAL_PROBLEM } from '../../http/problem.ts';
import { InvalidInput, Malformed } from '../../core/errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { inTransaction, writeCtx } from '../../http/handler.ts';
import { jsonResponse, problemResponses, TownParams } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { readForm, uploadBody } from '../../http/upload.ts';
import { readAttachment, uploadAttachment } from './attachment.service.ts';
import { buildDirectory, XLSX_TYPE } from './excel-columns.ts';
import { exportWorkbook, templateWorkbook } from './excel-export.ts';
import { importLedgerWorkbook } from './excel-import.ts';
import { allPages, prepareList } from './ledger-list.service.ts';
import * as records from './ledger-record.repository.ts';
import { scopedType } from './ledger-record.service.ts';
import { ledgersRead, ledgersWrite } from './ledgers.policy.ts';
import * as s from './ledgers.schema.ts';
import { checkWorkbook } from './workbook-guard.ts';

const tags = ['台账'];
const base = '/api/v1/towns/{townId}/ledger-types';
const fileResponse = (type: string, description: string) => ({
  200: { description, content: { [type]: { schema: z.string().openapi({ format: 'binary' }) } } },
  ...problemResponses,
});

/** `filename*` keeps Chinese names intact in every browser. */
function disposition(kind: 'attachment' | 'inline', name: string) {
  return `${kind}; filename="download"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The uploaded file; `filename` null when the client named none (raw body without X-Filename). */
async function uploadedFile(
  c: Context<AppEnv>,
): Promise<{ filename: string | null; bytes: () => Promise<Uint8Array> }> {
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const body = await readForm(c);
    const file = body.file;
    if (!(file instanceof File))
      throw new Malformed('请以表单字段 file 上传文件', [
        { path: 'file', label: '文件', message: '缺少文件' },
      ]);
    return { filename: file.name, bytes: async () => new Uint8Array(await file.arrayBuffer()) };
  }
  if (!c.req.raw.body || type.startsWith('application/json'))
    throw new InvalidInput(
      '请上传文件（multipart/form-data 的 file 字段，或直接以文件内容为请求体）',
      [{ path: 'file', label: '文件', message: '缺少文件' }],
    );
  const header = c.req.header('x-filename');
  let filename: string | null;
  try {
    filename = header === undefined ? null : decodeURIComponent(header);
  } catch {
    throw new Malformed('X-Filename 不是有效的 URL 编码文件名', [
      { path: 'x-filename', label: '文件名', message: '编码有误' },
    ]);
  }
  const raw = c.req.raw;
  return { filename, bytes: async () => new Uint8Array(await raw.arrayBuffer()) };
}

const uploadRoute = createRoute({
  method: 'post',
  path: '/api/v1/towns/{townId}/attachments',
  tags,
  summary: '上传附件（PDF/JPG/PNG/docx/xlsx，≤10 MB；类型按文件内容识别）',
  request: { params: TownParams, ...uploadBody('附件', { rawBody: true }) },
  responses: jsonResponse(s.Attachment, '已上传', 201),
});

const downloadRoute = createRoute({
  method: 'get',
  path: '/api/v1/towns/{townId}/attachments/{id}',
  tags,
  summary: '下载附件',
  request: { params: s.AttachmentParams },
  responses: fileResponse('application/octet-stream', '附件'),
});

const exportRoute = createRoute({
  method: 'get',
  path: `${base}/{code}/export`,
  tags,
  summary: '导出台账记录为 Excel（与列表相同的筛选）',
  request: { params: s.TypeParams, query: s.RecordListQuery },
  responses: fileResponse(XLSX_TYPE, 'Excel 文件'),
});

const templateRoute = createRoute({
  method: 'get',
  path: `${base}/{code}/template`,
  tags,
  summary: '台账导入模板（空白 Excel）',
  request: { params: s.TypeParams },
  responses: fileResponse(XLSX_TYPE, 'Excel 模板'),
});

const importRoute = createRoute({
  method: 'post',
  path: `${base}/{code}/import`,
  tags,
  summary: '从 Excel 导入台账记录（整份文件全部成功才写入）',
  description:
    '请求体为 .xlsx（multipart 的 file 字段，或直接以文件为请求体）。默认返回 JSON；' +
    '若 Accept 为 application/x-ndjson，则逐行返回进度 {"type":"progress","rows":…}，' +
    '最后一行为 {"type":"done",…} 或 {"type":"error","problem":…}。',
  request: { params: s.TypeParams, ...uploadBody('Excel 文件（.xlsx）', { rawBody: true }) },
  responses: jsonResponse(s.ImportResult, '已导入', 201),
});

/** 导出: every record the list's filters select, streamed into one workbook. */
const exportRecords: RouteHandler<typeof exportRoute, AppEnv> = async (c) => {
  const { db } = c.get('deps');
  const townId = c.req.param('townId');
  const prepared = await prepareList(
    db,
    c.get('actor')!,
    townId,
    c.req.param('code'),
    c.req.valid('query') as s.RecordListQueryInput,
  );
  const names = await records.nameDirectory(db, townId);
  const stream = exportWorkbook(
    prepared.type,
    buildDirectory(names.people, names.units),
    allPages(db, townId, prepared),
  );
  return c.body(stream, 200, {
    'content-type': XLSX_TYPE,
    'content-disposition': disposition('attachment', `${prepared.type.name}.xlsx`),
  }) as never;
};

/**
 * The import answered as it runs: newline-delimited JSON, one `progress` line per batch of rows,
 * then `done` or `error` (a problem+json body). Nothing is written unless the whole file imports.
 */
function importWithProgress(c: Context<AppEnv>, code: string, workbook: () => Readable) {
  const ctx = writeCtx(c);
  const { db, logger } = c.get('deps');
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) =>
        controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        const result = await db.transaction().execute((trx) =>
          importLedgerWorkbook(trx, ctx, code, workbook(), {
            onProgress: (p) => send({ type: 'progress', ...p }),
          }),
        );
        send({ type: 'done', imported: result.imported, typeCode: code });
      } catch (error) {
        if (!isDomainError(error)) logger.error({ err: error }, 'ledger import failed');
        send({
          type: 'error',
          problem: isDomainError(error) ? problemOf(error) : INTERNAL_PROBLEM,
        });
      }
      controller.close();
    },
  });
  return c.body(stream, 200, {
    'content-type': 'application/x-ndjson; charset=utf-8',
    'cache-control': 'no-store',
  }) as never;
}

export function registerLedgerFileRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(app, uploadRoute, ledgersWrite, async (c) => {
    const file = await uploadedFile(c);
    const bytes = await file.bytes();
    return c.json(
      await inTransaction(c, (trx, ctx) =>
        uploadAttachment(trx, ctx, { filename: file.filename, bytes }),
      ),
      201,
    );
  });
  defineRoute(app, downloadRoute, ledgersRead, async (c) => {
    const row = await readAttachment(
      c.get('deps').db,
      c.get('actor')!,
      c.req.param('townId'),
      c.req.param('id'),
    );
    return c.body(new Uint8Array(row.bytes), 200, {
      'content-type': row.content_type,
      'content-disposition': disposition('attachment', row.filename),
      'x-content-type-options': 'nosniff',
    }) as never;
  });

  defineRoute(app, exportRoute, ledgersRead, exportRecords);
  defineRoute(app, templateRoute, ledgersRead, async (c) => {
    const { type } = await scopedType(
      c.get('deps').db,
      c.get('actor')!,
      c.req.param('townId'),
      c.req.param('code'),
      false,
    );
    return c.body(new Uint8Array(await templateWorkbook(type)), 200, {
      'content-type': XLSX_TYPE,
      'content-disposition': disposition('attachment', `${type.name}-导入模板.xlsx`),
    }) as never;
  });

  defineRoute(app, importRoute, ledgersWrite, async (c) => {
    const file = await uploadedFile(c);
    const code = c.req.param('code');
    // Checked whole (zip bombs, type) before the streaming reader inflates anything.
    const bytes = await file.bytes();
    await checkWorkbook(bytes, file.filename);
    const workbook = () =>
      Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)]);
    if (!(c.req.header('accept') ?? '').includes('application/x-ndjson')) {
      const result = await inTransaction(c, (trx, ctx) =>
        importLedgerWorkbook(trx, ctx, code, workbook()),
      );
      return c.json({ imported: result.imported, typeCode: code }, 201);
    }
    return importWithProgress(c, code, workbook);
  });
}
