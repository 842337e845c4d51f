/**
 * HTTP routes of units (机构): the town's unit tree, one unit with its portfolios, and the admin's
 * writes. Registered from registerOrgRoutes.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { NotFound } from '../../core/errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { inTransaction } from '../../http/handler.ts';
import {
  jsonBody,
  jsonResponse,
  noContent,
  TownEntityParams,
  TownParams,
} from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { orgRead, orgWrite } from './org.policy.ts';
import * as repo from './org.repository.ts';
import * as s from './org.schema.ts';
import * as service from './org.service.ts';

const tags = ['组织机构'];

const listUnits = createRoute({
  method: 'get',
  path: '/api/v1/towns/{townId}/units',
  tags,
  summary: '单位列表（树由 parentId 组成；含承担业务）',
  request: { params: TownParams },
  responses: jsonResponse(z.object({ items: z.array(s.Unit) }), '单位'),
});

const getUnit = createRoute({
  method: 'get',
  path: '/api/v1/towns/{townId}/units/{id}',
  tags,
  summary: '单位详情（含承担业务）',
  request: { params: TownEntityParams },
  responses: jsonResponse(s.Unit, '单位'),
});

const setUnitPortfolios = createRoute({
  method: 'put',
  path: '/api/v1/towns/{townId}/units/{id}/portfolios',
  tags,
  summary: '设置本单位承担的业务（分管领域；本单位专干据此使用台账类型）',
  request: { params: TownEntityParams, ...jsonBody(s.UnitPortfoliosSet) },
  responses: jsonResponse(s.Unit, '已设置'),
});

const createUnit = createRoute({
  method: 'post',
  path: '/api/v1/towns/{townId}/units',
  tags,
  summary: '新建单位',
  request: { params: TownParams, ...jsonBody(s.UnitCreate) },
  responses: jsonResponse(s.Unit, '已创建', 201),
});

const updateUnit = createRoute({
  method: 'patch',
  path: '/api/v1/towns/{townId}/units/{id}',
  tags,
  summary: '修改单位',
  request: { params: TownEntityParams, ...jsonBody(s.UnitUpdate) },
  responses: jsonResponse(s.Unit, '已修改'),
});

const deleteUnit = createRoute({
  method: 'delete',
  path: '/api/v1/towns/{townId}/units/{id}',
  tags,
  summary: '删除单位',
  request: { params: TownEntityParams, query: s.VersionQuery },
  responses: noContent('已删除'),
});

export function registerUnitRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(app, listUnits, orgRead, async (c) => {
    const { db } = c.get('deps');
    const townId = c.req.param('townId');
    const portfolios = await repo.unitPortfolios(db, townId);
    return c.json(
      {
        items: (await repo.listUnits(db, townId)).map((u) =>
          repo.toUnit(u, portfolios.get(u.id) ?? []),
        ),
      },
      200,
    );
  });

  defineRoute(app, getUnit, orgRead, async (c) => {
    const { db } = c.get('deps');
    const townId = c.req.param('townId');
    const row = await repo.findUnit(db, townId, c.req.param('id'));
    if (!row) throw new NotFound('单位');
    return c.json(
      repo.toUnit(row, (await repo.unitPortfolios(db, townId, [row.id])).get(row.id) ?? []),
      200,
    );
  });

  defineRoute(app, setUnitPortfolios, orgWrite, async (c) =>
    c.json(
      await inTransaction(c, (trx, ctx) =>
        service.updateUnit(trx, ctx, c.req.param('id'), c.req.valid('json')),
      ),
      200,
    ),
  );

  defineRoute(app, createUnit, orgWrite, async (c) =>
    c.json(
      await inTransaction(c, (trx, ctx) => service.createUnit(trx, ctx, c.req.valid('json'))),
      201,
    ),
  );

  defineRoute(app, updateUnit, orgWrite, async (c) =>
    c.json(
      await inTransaction(c, (trx, ctx) =>
        service.updateUnit(trx, ctx, c.req.param('id'), c.req.valid('json')),
      ),
      200,
    ),
  );

  defineRoute(app, deleteUnit, orgWrite, async (c) => {
    await inTransaction(c, (trx, ctx) =>
      service.deleteUnit(trx, ctx, c.req.param('id'), c.req.valid('query').version),
    );
    return c.body(null, 204);
  });
}
