/**
 * HTTP routes of ledger types and records under /api/v1/towns/{townId}/ledger-types/…: list and
 * read types (any version), define and change types (admin); the record CRUD is in
 * ledger-records.routes.ts, files (attachments, Excel) in ledger-files.routes.ts.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { inTransaction } from '../../http/handler.ts';
import { jsonBody, jsonResponse, TownParams } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import * as typeService from './ledger-type.service.ts';
import { ledgersAdmin, ledgersRead } from './ledgers.policy.ts';
import * as s from './ledgers.schema.ts';
import { registerLedgerRecordRoutes } from './ledger-records.routes.ts';

const tags = ['台账'];
const base = '/api/v1/towns/{townId}/ledger-types';

const listTypes = createRoute({
  method: 'get',
  path: base,
  tags,
  summary: '我可见的台账类型',
  request: { params: TownParams },
  responses: jsonResponse(z.object({ items: z.array(s.LedgerTypeSummary) }), '台账类型'),
});

const getType = createRoute({
  method: 'get',
  path: `${base}/{code}`,
  tags,
  summary: '台账类型定义（字段、指标；可指定历史版本）',
  request: { params: s.TypeParams, query: s.TypeQuery },
  responses: jsonResponse(s.LedgerTypeDetail, '台账类型'),
});

const createType = createRoute({
  method: 'post',
  path: base,
  tags,
  summary: '新建台账类型（版本 1）',
  request: { params: TownParams, ...jsonBody(s.LedgerTypeCreate) },
  responses: jsonResponse(s.LedgerTypeDetail, '已创建', 201),
});

const updateType = createRoute({
  method: 'put',
  path: `${base}/{code}`,
  tags,
  summary: '修改台账类型（生成新版本，旧记录仍可读）',
  request: { params: s.TypeParams, ...jsonBody(s.LedgerTypeUpdate) },
  responses: jsonResponse(s.LedgerTypeDetail, '新版本'),
});

export function registerLedgerRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(app, listTypes, ledgersRead, async (c) =>
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
  defineRoute(app, getType, ledgersRead, async (c) =>
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
  defineRoute(app, createType, ledgersAdmin, async (c) =>
    c.json(
      await inTransaction(c, (trx, ctx) =>
        typeService.createType(trx, ctx, c.req.valid('json') as never),
      ),
      201,
    ),
  );
  defineRoute(app, updateType, ledgersAdmin, async (c) =>
    c.json(
      await inTransaction(c, (trx, ctx) =>
        typeService.updateType(trx, ctx, c.req.param('code'), c.req.valid('json') as never),
      ),
      200,
    ),
  );

  registerLedgerRecordRoutes(app);
}
