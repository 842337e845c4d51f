/**
 * HTTP routes of positions (职务, who holds which post and portfolio when) and village liaisons
 * (包联, which leader answers for which village). Registered from registerOrgRoutes.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
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
import * as liaisons from './liaison.service.ts';
import * as service from './org.service.ts';

const tags = ['组织机构'];

const listPositions = createRoute({
  method: 'get',
  path: '/api/v1/towns/{townId}/positions',
  tags,
  summary: '任职记录',
  request: { params: TownParams, query: s.PositionQuery },
  responses: jsonResponse(z.object({ items: z.array(s.Position) }), '任职'),
});

const createPosition = createRoute({
  method: 'post',
  path: '/api/v1/towns/{townId}/positions',
  tags,
  summary: '新增任职',
  request: { params: TownParams, ...jsonBody(s.PositionCreate) },
  responses: jsonResponse(s.Position, '已创建', 201),
});

const updatePosition = createRoute({
  method: 'patch',
  path: '/api/v1/towns/{townId}/positions/{id}',
  tags,
  summary: '修改任职',
  request: { params: TownEntityParams, ...jsonBody(s.PositionUpdate) },
  responses: jsonResponse(s.Position, '已修改'),
});

const deletePosition = createRoute({
  method: 'delete',
  path: '/api/v1/towns/{townId}/positions/{id}',
  tags,
  summary: '删除任职',
  request: { params: TownEntityParams, query: s.VersionQuery },
  responses: noContent('已删除'),
});

const listLiaisons = createRoute({
  method: 'get',
  path: '/api/v1/towns/{townId}/village-liaisons',
  tags,
  summary: '包联村（社区）领导',
  request: { params: TownParams },
  responses: jsonResponse(z.object({ items: z.array(s.VillageLiaison) }), '包联'),
});

const createLiaison = createRoute({
  method: 'post',
  path: '/api/v1/towns/{townId}/village-liaisons',
  tags,
  summary: '新增包联',
  request: { params: TownParams, ...jsonBody(s.VillageLiaisonCreate) },
  responses: jsonResponse(s.VillageLiaison, '已创建', 201),
});

const updateLiaison = createRoute({
  method: 'patch',
  path: '/api/v1/towns/{townId}/village-liaisons/{id}',
  tags,
  summary: '修改或结束包联（填写结束日期）',
  request: { params: TownEntityParams, ...jsonBody(s.VillageLiaisonUpdate) },
  responses: jsonResponse(s.VillageLiaison, '已修改'),
});

const deleteLiaison = createRoute({
  method: 'delete',
  path: '/api/v1/towns/{townId}/village-liaisons/{id}',
  tags,
  summary: '删除包联',
  request: { params: TownEntityParams, query: s.VersionQuery },
  responses: noContent('已删除'),
});

export function registerPositionRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(app, listPositions, orgRead, async (c) =>
    c.json(
      {
        items: await repo.listPositions(
          c.get('deps').db,
          c.req.param('townId'),
          c.req.valid('query'),
        ),
      },
      200,
    ),
  );

  defineRoute(app, createPosition, orgWrite, async (c) =>
    c.json(
      await inTransaction(c, (trx, ctx) => service.createPosition(trx, ctx, c.req.valid('json'))),
      201,
    ),
  );

  defineRoute(app, updatePosition, orgWrite, async (c) =>
    c.json(
      await inTransaction(c, (trx, ctx) =>
        service.updatePosition(trx, ctx, c.req.param('id'), c.req.valid('json')),
      ),
      200,
    ),
  );

  defineRoute(app, deletePosition, orgWrite, async (c) => {
    await inTransaction(c, (trx, ctx) =>
      service.deletePosition(trx, ctx, c.req.param('id'), c.req.valid('query').version),
    );
    return c.body(null, 204);
  });

  // ---- village liaisons
  defineRoute(app, listLiaisons, orgRead, async (c) =>
    c.json({ items: await repo.listLiaisons(c.get('deps').db, c.req.param('townId')) }, 200),
  );

  defineRoute(app, createLiaison, orgWrite, async (c) =>
    c.json(
      await inTransaction(c, (trx, ctx) => liaisons.createLiaison(trx, ctx, c.req.valid('json'))),
      201,
    ),
  );

  defineRoute(app, updateLiaison, orgWrite, async (c) =>
    c.json(
      await inTransaction(c, (trx, ctx) =>
        liaisons.updateLiaison(trx, ctx, c.req.param('id'), c.req.valid('json')),
      ),
      200,
    ),
  );

  defineRoute(app, deleteLiaison, orgWrite, async (c) => {
    await inTransaction(c, (trx, ctx) =>
      liaisons.deleteLiaison(trx, ctx, c.req.param('id'), c.req.valid('query').version),
    );
    return c.body(null, 204);
  });
}
