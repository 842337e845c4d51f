/**
 * HTTP routes of the organisation: units, people, positions, village liaisons and the
 * portfolio catalogue, all under /api/v1/towns/{townId}/… so the town is explicit in every call.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { todayKey } from '../../core/calendar/display.ts';
import { NotFound } from '../../core/errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { inTransaction } from '../../http/handler.ts';
import {
  encodeCursor,
  jsonBody,
  jsonResponse,
  noContent,
  page,
  TownEntityParams,
  TownParams,
} from '../../http/openapi.ts';
import { readCursor } from '../../http/cursor.ts';
import { defineRoute, policies } from '../../http/route.ts';
import { canSeeContacts, orgRead, orgWrite } from './org.policy.ts';
import * as repo from './org.repository.ts';
import * as townRepo from './town.repository.ts';
import * as s from './org.schema.ts';
import * as service from './org.service.ts';
import { registerTownRoutes } from './town.routes.ts';

const tags = ['组织机构'];
const today = () => todayKey();

function maskPhone(phone: string | null): string | null {
  return phone ? phone.replace(/^(\d{3})\d+(\d{4})$/, '$1****$2') : null;
}

export function registerOrgRoutes(app: OpenAPIHono<AppEnv>): void {
  registerTownRoutes(app);
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/portfolios',
      tags,
      summary: '分管领域目录',
      responses: jsonResponse(z.array(s.Portfolio), '分管领域'),
    }),
    policies.signedIn,
    async (c) => c.json(await repo.listPortfolios(c.get('deps').db), 200),
  );

  defineRoute(
    app,
    createRoute({
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
    }),
    policies.signedIn,
    async (c) => {
      const ids = [...new Set(c.get('actor')!.grants.map((g) => g.townId))];
      if (!ids.length) return c.json([], 200);
      const rows = await townRepo.townsWithCountyByIds(c.get('deps').db, ids);
      return c.json(rows, 200);
    },
  );

  // ---- units
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/towns/{townId}/units',
      tags,
      summary: '单位列表（树由 parentId 组成；含承担业务）',
      request: { params: TownParams },
      responses: jsonResponse(z.object({ items: z.array(s.Unit) }), '单位'),
    }),
    orgRead,
    async (c) => {
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
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/towns/{townId}/units/{id}',
      tags,
      summary: '单位详情（含承担业务）',
      request: { params: TownEntityParams },
      responses: jsonResponse(s.Unit, '单位'),
    }),
    orgRead,
    async (c) => {
      const { db } = c.get('deps');
      const townId = c.req.param('townId');
      const row = await repo.findUnit(db, townId, c.req.param('id'));
      if (!row) throw new NotFound('单位');
      return c.json(
        repo.toUnit(row, (await repo.unitPortfolios(db, townId, [row.id])).get(row.id) ?? []),
        200,
      );
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'put',
      path: '/api/v1/towns/{townId}/units/{id}/portfolios',
      tags,
      summary: '设置本单位承担的业务（分管领域；本单位专干据此使用台账类型）',
      request: { params: TownEntityParams, ...jsonBody(s.UnitPortfoliosSet) },
      responses: jsonResponse(s.Unit, '已设置'),
    }),
    orgWrite,
    async (c) =>
      c.json(
        await inTransaction(c, (trx, ctx) =>
          service.updateUnit(trx, ctx, c.req.param('id'), c.req.valid('json')),
        ),
        200,
      ),
  );
  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/towns/{townId}/units',
      tags,
      summary: '新建单位',
      request: { params: TownParams, ...jsonBody(s.UnitCreate) },
      responses: jsonResponse(s.Unit, '已创建', 201),
    }),
    orgWrite,
    async (c) =>
      c.json(
        await inTransaction(c, (trx, ctx) => service.createUnit(trx, ctx, c.req.valid('json'))),
        201,
      ),
  );
  defineRoute(
    app,
    createRoute({
      method: 'patch',
      path: '/api/v1/towns/{townId}/units/{id}',
      tags,
      summary: '修改单位',
      request: { params: TownEntityParams, ...jsonBody(s.UnitUpdate) },
      responses: jsonResponse(s.Unit, '已修改'),
    }),
    orgWrite,
    async (c) =>
      c.json(
        await inTransaction(c, (trx, ctx) =>
          service.updateUnit(trx, ctx, c.req.param('id'), c.req.valid('json')),
        ),
        200,
      ),
  );
  defineRoute(
    app,
    createRoute({
      method: 'delete',
      path: '/api/v1/towns/{townId}/units/{id}',
      tags,
      summary: '删除单位',
      request: { params: TownEntityParams, query: s.VersionQuery },
      responses: noContent('已删除'),
    }),
    orgWrite,
    async (c) => {
      await inTransaction(c, (trx, ctx) =>
        service.deleteUnit(trx, ctx, c.req.param('id'), c.req.valid('query').version),
      );
      return c.body(null, 204);
    },
  );

  // ---- people
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/towns/{townId}/people',
      tags,
      summary: '人员列表',
      request: { params: TownParams, query: s.PersonQuery },
      responses: jsonResponse(page(s.Person), '人员'),
    }),
    orgRead,
    async (c) => {
      const { db } = c.get('deps');
      const townId = c.req.param('townId');
      const q = c.req.valid('query') as z.infer<typeof s.PersonQuery>;
      const unitIds = q.unitId ? await repo.unitSubtree(db, townId, q.unitId) : undefined;
      const after = readCursor(q.cursor, ['string', 'string']);
      const rows = await repo.listPeople(db, townId, { q: q.q, unitIds, after, limit: q.limit });
      const pageRows = rows.slice(0, q.limit);
      const titles = await repo.currentTitles(
        db,
        townId,
        pageRows.map((r) => r.id),
        today(),
      );
      const full = canSeeContacts(c.get('actor')!, townId);
      const items = pageRows.map((r) => {
        const p = repo.toPerson(r, titles.get(r.id) ?? []);
        return full ? p : { ...p, phone: maskPhone(p.phone), birthDate: null };
      });
      const last = pageRows[pageRows.length - 1];
      return c.json(
        {
          items,
          nextCursor: rows.length > q.limit && last ? encodeCursor([last.name, last.id]) : null,
        },
        200,
      );
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/towns/{townId}/people/{id}',
      tags,
      summary: '人员详情',
      request: { params: TownEntityParams },
      responses: jsonResponse(s.Person, '人员'),
    }),
    orgRead,
    async (c) => {
      const { db } = c.get('deps');
      const townId = c.req.param('townId');
      const row = await repo.findPerson(db, townId, c.req.param('id'));
      if (!row) throw new NotFound('人员');
      const titles = await repo.currentTitles(db, townId, [row.id], today());
      const p = repo.toPerson(row, titles.get(row.id) ?? []);
      return c.json(
        canSeeContacts(c.get('actor')!, townId)
          ? p
          : { ...p, phone: maskPhone(p.phone), birthDate: null },
        200,
      );
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/towns/{townId}/people',
      tags,
      summary: '新增人员',
      request: { params: TownParams, ...jsonBody(s.PersonCreate) },
      responses: jsonResponse(s.Person, '已创建', 201),
    }),
    orgWrite,
    async (c) =>
      c.json(
        await inTransaction(c, (trx, ctx) => service.createPerson(trx, ctx, c.req.valid('json'))),
        201,
      ),
  );
  defineRoute(
    app,
    createRoute({
      method: 'patch',
      path: '/api/v1/towns/{townId}/people/{id}',
      tags,
      summary: '修改人员',
      request: { params: TownEntityParams, ...jsonBody(s.PersonUpdate) },
      responses: jsonResponse(s.Person, '已修改'),
    }),
    orgWrite,
    async (c) =>
      c.json(
        await inTransaction(c, (trx, ctx) =>
          service.updatePerson(trx, ctx, c.req.param('id'), c.req.valid('json')),
        ),
        200,
      ),
  );
  defineRoute(
    app,
    createRoute({
      method: 'delete',
      path: '/api/v1/towns/{townId}/people/{id}',
      tags,
      summary: '删除人员',
      request: { params: TownEntityParams, query: s.VersionQuery },
      responses: noContent('已删除'),
    }),
    orgWrite,
    async (c) => {
      await inTransaction(c, (trx, ctx) =>
        service.deletePerson(trx, ctx, c.req.param('id'), c.req.valid('query').version),
      );
      return c.body(null, 204);
    },
  );

  // ---- positions
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/towns/{townId}/positions',
      tags,
      summary: '任职记录',
      request: { params: TownParams, query: s.PositionQuery },
      responses: jsonResponse(z.object({ items: z.array(s.Position) }), '任职'),
    }),
    orgRead,
    async (c) =>
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
  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/towns/{townId}/positions',
      tags,
      summary: '新增任职',
      request: { params: TownParams, ...jsonBody(s.PositionCreate) },
      responses: jsonResponse(s.Position, '已创建', 201),
    }),
    orgWrite,
    async (c) =>
      c.json(
        await inTransaction(c, (trx, ctx) => service.createPosition(trx, ctx, c.req.valid('json'))),
        201,
      ),
  );
  defineRoute(
    app,
    createRoute({
      method: 'patch',
      path: '/api/v1/towns/{townId}/positions/{id}',
      tags,
      summary: '修改任职',
      request: { params: TownEntityParams, ...jsonBody(s.PositionUpdate) },
      responses: jsonResponse(s.Position, '已修改'),
    }),
    orgWrite,
    async (c) =>
      c.json(
        await inTransaction(c, (trx, ctx) =>
          service.updatePosition(trx, ctx, c.req.param('id'), c.req.valid('json')),
        ),
        200,
      ),
  );
  defineRoute(
    app,
    createRoute({
      method: 'delete',
      path: '/api/v1/towns/{townId}/positions/{id}',
      tags,
      summary: '删除任职',
      request: { params: TownEntityParams, query: s.VersionQuery },
      responses: noContent('已删除'),
    }),
    orgWrite,
    async (c) => {
      await inTransaction(c, (trx, ctx) =>
        service.deletePosition(trx, ctx, c.req.param('id'), c.req.valid('query').version),
      );
      return c.body(null, 204);
    },
  );

  // ---- village liaisons
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/towns/{townId}/village-liaisons',
      tags,
      summary: '包联村（社区）领导',
      request: { params: TownParams },
      responses: jsonResponse(z.object({ items: z.array(s.VillageLiaison) }), '包联'),
    }),
    orgRead,
    async (c) =>
      c.json({ items: await repo.listLiaisons(c.get('deps').db, c.req.param('townId')) }, 200),
  );
  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/towns/{townId}/village-liaisons',
      tags,
      summary: '新增包联',
      request: { params: TownParams, ...jsonBody(s.VillageLiaisonCreate) },
      responses: jsonResponse(s.VillageLiaison, '已创建', 201),
    }),
    orgWrite,
    async (c) =>
      c.json(
        await inTransaction(c, (trx, ctx) => service.createLiaison(trx, ctx, c.req.valid('json'))),
        201,
      ),
  );
  defineRoute(
    app,
    createRoute({
      method: 'patch',
      path: '/api/v1/towns/{townId}/village-liaisons/{id}',
      tags,
      summary: '修改或结束包联（填写结束日期）',
      request: { params: TownEntityParams, ...jsonBody(s.VillageLiaisonUpdate) },
      responses: jsonResponse(s.VillageLiaison, '已修改'),
    }),
    orgWrite,
    async (c) =>
      c.json(
        await inTransaction(c, (trx, ctx) =>
          service.updateLiaison(trx, ctx, c.req.param('id'), c.req.valid('json')),
        ),
        200,
      ),
  );
  defineRoute(
    app,
    createRoute({
      method: 'delete',
      path: '/api/v1/towns/{townId}/village-liaisons/{id}',
      tags,
      summary: '删除包联',
      request: { params: TownEntityParams, query: s.VersionQuery },
      responses: noContent('已删除'),
    }),
    orgWrite,
    async (c) => {
      await inTransaction(c, (trx, ctx) =>
        service.deleteLiaison(trx, ctx, c.req.param('id'), c.req.valid('query').version),
      );
      return c.body(null, 204);
    },
  );
}
