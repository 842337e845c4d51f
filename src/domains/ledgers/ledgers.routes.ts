/**
 * HTTP routes of ledger types and records under /api/v1/towns/{townId}/ledger-types/…: list and
 * read types (any version), define and change types (admin), and the record CRUD with optimistic
 * locking. Files (attachments, Excel) are in ledger-files.routes.ts.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { inTransaction } from '../../http/handler.ts';
import { jsonBody, jsonResponse, noContent, page, TownParams } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { listRecords } from './ledger-list.service.ts';
import * as recordService from './ledger-record.service.ts';
import * as typeService from './ledger-type.service.ts';
import { ledgersAdmin, ledgersRead, ledgersWrite } from './ledgers.policy.ts';
import * as s from './ledgers.schema.ts';

const tags = ['台账'];
const base = '/api/v1/towns/{townId}/ledger-types';

export function registerLedgerRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: base,
      tags,
      summary: '我可见的台账类型',
      request: { params: TownParams },
      responses: jsonResponse(z.object({ items: z.array(s.LedgerTypeSummary) }), '台账类型'),
    }),
    ledgersRead,
    async (c) =>
      c.json(
        {
          items: await typeService.listTypes(
            c.get('deps').db,
            c.get('actor')!,
            c.req.param('townId'),
          ),
        },
        200,
      ),
  );
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/{code}`,
      tags,
      summary: '台账类型定义（字段、指标；可指定历史版本）',
      request: { params: s.TypeParams, query: s.TypeQuery },
      responses: jsonResponse(s.LedgerTypeDetail, '台账类型'),
    }),
    ledgersRead,
    async (c) =>
      c.json(
        await typeService.getType(
          c.get('deps').db,
          c.get('actor')!,
          c.req.param('townId'),
          c.req.param('code'),
          c.req.valid('query').version,
        ),
        200,
      ),
  );
  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: base,
      tags,
      summary: '新建台账类型（版本 1）',
      request: { params: TownParams, ...jsonBody(s.LedgerTypeCreate) },
      responses: jsonResponse(s.LedgerTypeDetail, '已创建', 201),
    }),
    ledgersAdmin,
    async (c) =>
      c.json(
        await inTransaction(c, (trx, ctx) =>
          typeService.createType(trx, ctx, c.req.valid('json') as never),
        ),
        201,
      ),
  );
  defineRoute(
    app,
    createRoute({
      method: 'put',
      path: `${base}/{code}`,
      tags,
      summary: '修改台账类型（生成新版本，旧记录仍可读）',
      request: { params: s.TypeParams, ...jsonBody(s.LedgerTypeUpdate) },
      responses: jsonResponse(s.LedgerTypeDetail, '新版本'),
    }),
    ledgersAdmin,
    async (c) =>
      c.json(
        await inTransaction(c, (trx, ctx) =>
          typeService.updateType(trx, ctx, c.req.param('code'), c.req.valid('json') as never),
        ),
        200,
      ),
  );

  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/{code}/records`,
      tags,
      summary: '台账记录列表（筛选、排序、游标分页）',
      request: { params: s.TypeParams, query: s.RecordListQuery },
      responses: jsonResponse(page(s.LedgerRecord), '记录'),
    }),
    ledgersRead,
    async (c) =>
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
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/{code}/records/{id}`,
      tags,
      summary: '台账记录',
      request: { params: s.RecordParams },
      responses: jsonResponse(s.LedgerRecord, '记录'),
    }),
    ledgersRead,
    async (c) =>
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
  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: `${base}/{code}/records`,
      tags,
      summary: '新增台账记录',
      request: { params: s.TypeParams, ...jsonBody(s.RecordCreate) },
      responses: jsonResponse(s.LedgerRecord, '已创建', 201),
    }),
    ledgersWrite,
    async (c) =>
      c.json(
        await inTransaction(c, (trx, ctx) =>
          recordService.createRecord(trx, ctx, c.req.param('code'), c.req.valid('json').data),
        ),
        201,
      ),
  );
  defineRoute(
    app,
    createRoute({
      method: 'patch',
      path: `${base}/{code}/records/{id}`,
      tags,
      summary: '修改台账记录（带版本号，过期返回 409）',
      request: { params: s.RecordParams, ...jsonBody(s.RecordUpdate) },
      responses: jsonResponse(s.LedgerRecord, '已修改'),
    }),
    ledgersWrite,
    async (c) =>
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
  defineRoute(
    app,
    createRoute({
      method: 'delete',
      path: `${base}/{code}/records/{id}`,
      tags,
      summary: '删除台账记录（软删除，带版本号）',
      request: { params: s.RecordParams, query: s.VersionQuery },
      responses: noContent('已删除'),
    }),
    ledgersWrite,
    async (c) => {
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
    },
  );
}
