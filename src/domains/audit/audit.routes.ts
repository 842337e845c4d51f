/** HTTP routes to read a town's audit log and check its chain (admins and leaders). */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { encodeCursor, jsonResponse, page, TownParams } from '../../http/openapi.ts';
import { readCursor } from '../../http/cursor.ts';
import { defineRoute } from '../../http/route.ts';
import { auditRead } from './audit.policy.ts';
import { listEntries } from './audit.repository.ts';
import { verifyAuditChains } from './audit.verify.ts';

const tags = ['审计日志'];

const Entry = z
  .object({
    seq: z.number(),
    at: z.string(),
    actorName: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    ip: z.string().nullable(),
  })
  .openapi('AuditEntry');

const Query = z.object({
  entityType: z.string().max(40).optional().meta({ title: '对象类型' }),
  entityId: z.string().max(64).optional().meta({ title: '对象' }),
  cursor: z.string().max(200).optional().meta({ title: '游标' }),
  limit: z.coerce.number().int().min(1).max(500).default(100).meta({ title: '每页条数' }),
});

export function registerAuditRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/towns/{townId}/audit',
      tags,
      summary: '审计日志（新到旧）',
      request: { params: TownParams, query: Query },
      responses: jsonResponse(page(Entry), '审计记录'),
    }),
    auditRead,
    async (c) => {
      const q = c.req.valid('query') as z.infer<typeof Query>;
      const rows = await listEntries(c.get('deps').db, c.req.param('townId'), {
        entityType: q.entityType,
        entityId: q.entityId,
        beforeSeq: readCursor(q.cursor, ['number'])?.[0],
        limit: q.limit + 1,
      });
      const items = rows.slice(0, q.limit).map((r) => ({
        seq: r.seq,
        at: new Date(r.at).toISOString(),
        actorName: r.actor_name,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        before: r.before,
        after: r.after,
        ip: r.ip,
      }));
      const last = items[items.length - 1];
      return c.json(
        { items, nextCursor: rows.length > q.limit && last ? encodeCursor([last.seq]) : null },
        200,
      );
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/towns/{townId}/audit/verify',
      tags,
      summary: '校验审计链',
      request: { params: TownParams },
      responses: jsonResponse(
        z.object({
          ok: z.boolean(),
          entries: z.number(),
          problems: z.array(z.object({ seq: z.number().nullable(), message: z.string() })),
        }),
        '校验结果',
      ),
    }),
    auditRead,
    async (c) => {
      const r = await verifyAuditChains(c.get('deps').db, [c.req.param('townId')]);
      return c.json(
        {
          ok: r.problems.length === 0,
          entries: r.entries,
          problems: r.problems.map((p) => ({ seq: p.seq, message: p.message })),
        },
        200,
      );
    },
  );
}
