/**
 * HTTP routes of towns and counties (乡镇信息): a town's details and settings, the counties in
 * the caller's scope with their towns, and the county admin's writes (add or remove a town,
 * rename the county). Registered from registerOrgRoutes.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { inTransaction } from '../../http/handler.ts';
import { jsonBody, jsonResponse, noContent, TownParams } from '../../http/openapi.ts';
import { defineRoute, policies } from '../../http/route.ts';
import { orgRead } from './org.policy.ts';
import { VersionQuery } from './org.schema.ts';
import { countyAdmin, townAdmin } from './town.policy.ts';
import * as s from './town.schema.ts';
import * as service from './town.service.ts';

const tags = ['乡镇与县（区）'];

const listCounties = createRoute({
  method: 'get',
  path: '/api/v1/counties',
  tags,
  summary: '我可访问的县（区）及其乡镇',
  responses: jsonResponse(z.array(s.County), '县（区）'),
});

const updateCounty = createRoute({
  method: 'patch',
  path: '/api/v1/counties/{countyId}',
  tags,
  summary: '修改县（区）名称（县级管理员）',
  request: { params: s.CountyParams, ...jsonBody(s.CountyUpdate) },
  responses: jsonResponse(s.CountyTown, '已修改'),
});

const createTown = createRoute({
  method: 'post',
  path: '/api/v1/counties/{countyId}/towns',
  tags,
  summary: '新增乡镇（县级管理员；本县管理员自动获得新乡镇的管理员权限）',
  request: { params: s.CountyParams, ...jsonBody(s.TownCreate) },
  responses: jsonResponse(s.Town, '已创建', 201),
});

const getTown = createRoute({
  method: 'get',
  path: '/api/v1/towns/{townId}',
  tags,
  summary: '乡镇信息（名称、编码、办公时间）',
  request: { params: TownParams },
  responses: jsonResponse(s.Town, '乡镇'),
});

const updateTown = createRoute({
  method: 'patch',
  path: '/api/v1/towns/{townId}',
  tags,
  summary: '修改乡镇信息（本乡镇管理员；修改编码须县级管理员）',
  request: { params: TownParams, ...jsonBody(s.TownUpdate) },
  responses: jsonResponse(s.Town, '已修改'),
});

const deleteTown = createRoute({
  method: 'delete',
  path: '/api/v1/towns/{townId}',
  tags,
  summary: '删除乡镇（县级管理员；仅限尚无任何数据的乡镇）',
  request: { params: TownParams, query: VersionQuery },
  responses: noContent('已删除'),
});

export function registerTownRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(app, listCounties, policies.signedIn, async (c) =>
    c.json(await service.listCounties(c.get('deps').db, c.get('actor')!), 200),
  );
  defineRoute(app, updateCounty, countyAdmin, async (c) => {
    const row = await inTransaction(c, (trx, ctx) =>
      service.updateCounty(trx, ctx, c.req.valid('param').countyId, c.req.valid('json')),
    );
    return c.json({ id: row.id, name: row.name, code: row.code, version: row.version }, 200);
  });
  defineRoute(app, createTown, countyAdmin, async (c) =>
    c.json(
      await inTransaction(c, (trx, ctx) =>
        service.createTown(trx, ctx, c.req.valid('param').countyId, c.req.valid('json')),
      ),
      201,
    ),
  );
  defineRoute(app, getTown, orgRead, async (c) =>
    c.json(await service.getTown(c.get('deps').db, c.req.param('townId')), 200),
  );
  defineRoute(app, updateTown, townAdmin, async (c) =>
    c.json(
      await inTransaction(c, (trx, ctx) =>
        service.updateTown(trx, ctx, c.req.param('townId'), c.req.valid('json')),
      ),
      200,
    ),
  );
  defineRoute(app, deleteTown, townAdmin, async (c) => {
    await inTransaction(c, (trx, ctx) =>
      service.deleteTown(trx, ctx, c.req.param('townId'), c.req.valid('query').version),
    );
    return c.body(null, 204);
  });
}
