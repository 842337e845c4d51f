/**
 * HTTP routes of ledger records under /api/v1/towns/{townId}/ledger-types/{code}/records: the
 * filtered, paged list and the record CRUD with optimistic locking (version → 409). Registered
 * from registerLedgerRoutes.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { inTransaction } from '../../http/handler.ts';
import { jsonBody, jsonResponse, noContent, page } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { listRecords } from './ledger-list.service.ts';
import * as recordService from './ledger-record.service.ts';
import { ledgersRead, ledgersWrite } from './ledgers.policy.ts';
import * as s from './ledgers.schema.ts';

const tags = ['台账'];

const base = '/api/v1/towns/{townId}/ledger-types';

const listRecordsRoute = createRoute({
  method: 'get',
  path: `${base}/{code}/records`,
  tags,
  summary: '台账记录列表（筛选、排序、游标分页）',
  request: { params: s.TypeParams, query: s.RecordListQuery },
  responses: jsonResponse(page(s.LedgerRecord), '记录'),
});

const getRecord = createRoute({
  method: 'get',
  path: `${base}/{code}/records/{id}`,
  tags,
  summary: '台账记录',
  request: { params: s.RecordParams },
  responses: jsonResponse(s.LedgerRecord, '记录'),
});

const createRecord = createRoute({
  method: 'post',
  path: `${base}/{code}/records`,
  tags,
  summary: '新增台账记录',
  request: { params: s.TypeParams, ...jsonBody(s.RecordCreate) },
  responses: jsonResponse(s.LedgerRecord, '已创建', 201),
});

const updateRecord = createRoute({
  method: 'patch',
  path: `${base}/{code}/records/{id}`,
  tags,
  summary: '修改台账记录（带版本号，过期返回 409）',
  request: { params: s.RecordParams, ...jsonBody(s.RecordUpdate) },
  responses: jsonResponse(s.LedgerRecord, '已修改'),
});

const deleteRecord = createRoute({
  method: 'delete',
  path: `${base}/{code}/records/{id}`,
  tags,
  summary: '删除台账记录（软删除，带版本号）',
  request: { params: s.RecordParams, query: s.VersionQuery },
  responses: noContent('已删除'),
});

export function registerLedgerRecordRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(app, listRecordsRoute, ledgersRead, async (c) =>
    c.json(
      await listRecords(
        c.get('deps').db,
        c.get('actor')!,
        c.req.param('townId'),
        c.req.param('code'),
        c.req.valid('query') as s.RecordListQueryInput,
      ),
      200,
    ),
  );

  defineRoute(app, getRecord, ledgersRead, async (c) =>
    c.json(
      await recordService.getRecord(
        c.get('deps').db,
        c.get('actor')!,
        c.req.param('townId'),
        c.req.param('code'),
        c.req.param('id'),
      ),
      200,
    ),
  );

  defineRoute(app, createRecord, ledgersWrite, async (c) =>
    c.json(
      await inTransaction(c, (trx, ctx) =>
        recordService.createRecord(trx, ctx, c.req.param('code'), c.req.valid('json').data),
      ),
      201,
    ),
  );

  defineRoute(app, updateRecord, ledgersWrite, async (c) =>
    c.json(
      await inTransaction(c, (trx, ctx) =>
        recordService.updateRecord(
          trx,
          ctx,
          c.req.param('code'),
          c.req.param('id'),
          c.req.valid('json'),
        ),
      ),
      200,
    ),
  );

  defineRoute(app, deleteRecord, ledgersWrite, async (c) => {
    await inTransaction(c, (trx, ctx) =>
      recordService.deleteRecord(
        trx,
        ctx,
        c.req.param('code'),
        c.req.param('id'),
        c.req.valid('query').version,
      ),
    );
    return c.body(null, 204);
  });
}
