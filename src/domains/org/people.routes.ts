/**
 * HTTP routes of people (人员): the town's people (contacts masked for those who may not see
 * them), one person with their positions, and the admin's writes. Registered from registerOrgRoutes.
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
import { defineRoute } from '../../http/route.ts';
import { canSeeContacts, orgRead, orgWrite } from './org.policy.ts';
import * as repo from './org.repository.ts';
import * as s from './org.schema.ts';
import * as service from './org.service.ts';

const tags = ['组织机构'];

const today = () => todayKey();

function maskPhone(phone: string | null): string | null {
  return phone ? phone.replace(/^(\d{3})\d+(\d{4})$/, '$1****$2') : null;
}

const listPeople = createRoute({
  method: 'get',
  path: '/api/v1/towns/{townId}/people',
  tags,
  summary: '人员列表',
  request: { params: TownParams, query: s.PersonQuery },
  responses: jsonResponse(page(s.Person), '人员'),
});

const getPerson = createRoute({
  method: 'get',
  path: '/api/v1/towns/{townId}/people/{id}',
  tags,
  summary: '人员详情',
  request: { params: TownEntityParams },
  responses: jsonResponse(s.Person, '人员'),
});

const createPerson = createRoute({
  method: 'post',
  path: '/api/v1/towns/{townId}/people',
  tags,
  summary: '新增人员',
  request: { params: TownParams, ...jsonBody(s.PersonCreate) },
  responses: jsonResponse(s.Person, '已创建', 201),
});

const updatePerson = createRoute({
  method: 'patch',
  path: '/api/v1/towns/{townId}/people/{id}',
  tags,
  summary: '修改人员',
  request: { params: TownEntityParams, ...jsonBody(s.PersonUpdate) },
  responses: jsonResponse(s.Person, '已修改'),
});

const deletePerson = createRoute({
  method: 'delete',
  path: '/api/v1/towns/{townId}/people/{id}',
  tags,
  summary: '删除人员',
  request: { params: TownEntityParams, query: s.VersionQuery },
  responses: noContent('已删除'),
});

export function registerPeopleRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(app, listPeople, orgRead, async (c) => {
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
  });

  defineRoute(app, getPerson, orgRead, async (c) => {
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
  });

  defineRoute(app, createPerson, orgWrite, async (c) =>
    c.json(
      await inTransaction(c, (trx, ctx) => service.createPerson(trx, ctx, c.req.valid('json'))),
      201,
    ),
  );

  defineRoute(app, updatePerson, orgWrite, async (c) =>
    c.json(
      await inTransaction(c, (trx, ctx) =>
        service.updatePerson(trx, ctx, c.req.param('id'), c.req.valid('json')),
      ),
      200,
    ),
  );

  defineRoute(app, deletePerson, orgWrite, async (c) => {
    await inTransaction(c, (trx, ctx) =>
      service.deletePerson(trx, ctx, c.req.param('id'), c.req.valid('query').version),
    );
    return c.body(null, 204);
  });
}
