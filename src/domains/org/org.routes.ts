/**
 * HTTP routes of the organisation: units, people, positions, village liaisons and the
 * portfolio catalogue, all under /api/v1/towns/{townId}/… so the town is explicit in every call.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { jsonResponse } from '../../http/openapi.ts';
import { defineRoute, policies } from '../../http/route.ts';
import * as repo from './org.repository.ts';
import * as townRepo from './town.repository.ts';
import * as s from './org.schema.ts';
import { registerPeopleRoutes } from './people.routes.ts';
import { registerPositionRoutes } from './positions.routes.ts';
import { registerTownRoutes } from './town.routes.ts';
import { registerUnitRoutes } from './units.routes.ts';

const tags = ['组织机构'];

const listPortfolios = createRoute({
  method: 'get',
  path: '/api/v1/portfolios',
  tags,
  summary: '分管领域目录',
  responses: jsonResponse(z.array(s.Portfolio), '分管领域'),
});

const listTowns = createRoute({
  method: 'get',
  path: '/api/v1/towns',
  tags,
  summary: '我可访问的乡镇',
  responses: jsonResponse(
    z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        code: z.string(),
        countyId: z.string(),
        countyName: z.string(),
      }),
    ),
    '乡镇',
  ),
});

export function registerOrgRoutes(app: OpenAPIHono<AppEnv>): void {
  registerTownRoutes(app);
  defineRoute(app, listPortfolios, policies.signedIn, async (c) =>
    c.json(await repo.listPortfolios(c.get('deps').db), 200),
  );

  defineRoute(app, listTowns, policies.signedIn, async (c) => {
    const ids = [...new Set(c.get('actor')!.grants.map((g) => g.townId))];
    if (!ids.length) return c.json([], 200);
    const rows = await townRepo.townsWithCountyByIds(c.get('deps').db, ids);
    return c.json(rows, 200);
  });

  registerUnitRoutes(app);
  registerPeopleRoutes(app);
  registerPositionRoutes(app);
}
