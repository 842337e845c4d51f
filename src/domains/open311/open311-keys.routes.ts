/**
 * The admin routes of Open311 api keys (policy `open311.keys`): list them (never the key itself),
 * issue one (shown once) and revoke one. Registered from registerOpen311Routes.
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
import { issueApiKey, listApiKeys, revokeApiKey } from './open311.keys.ts';
import { open311Keys } from './open311.policy.ts';

const tags = ['Open311 接入密钥'];
const base = '/api/v1/towns/{townId}/open311/keys';
const KeyItem = z
  .object({
    id: z.string(),
    label: z.string(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .openapi('Open311ApiKey');

const listKeys = createRoute({
  method: 'get',
  path: base,
  tags,
  summary: 'Open311 接入密钥列表（不含密钥本身）',
  request: { params: TownParams },
  responses: jsonResponse(z.object({ items: z.array(KeyItem) }), '密钥'),
});

const issueKey = createRoute({
  method: 'post',
  path: base,
  tags,
  summary: '发放 Open311 接入密钥（密钥只在此显示一次）',
  request: {
    params: TownParams,
    ...jsonBody(
      z
        .object({ label: z.string().trim().min(2).max(100).meta({ title: '用途说明' }) })
        .openapi('Open311ApiKeyCreate'),
    ),
  },
  responses: jsonResponse(
    z.object({ id: z.string(), key: z.string(), label: z.string() }),
    '已发放',
    201,
  ),
});

const revokeKey = createRoute({
  method: 'post',
  path: `${base}/{id}/revoke`,
  tags,
  summary: '停用 Open311 接入密钥',
  request: { params: TownEntityParams },
  responses: noContent('已停用'),
});

export function registerOpen311KeyRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(app, listKeys, open311Keys, async (c) => {
    const rows = await listApiKeys(c.get('deps').db, c.req.param('townId'));
    return c.json(
      {
        items: rows.map((r) => ({
          id: r.id,
          label: r.label,
          createdAt: new Date(r.created_at).toISOString(),
          revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
        })),
      },
      200,
    );
  });
  defineRoute(app, issueKey, open311Keys, async (c) => {
    const { label } = c.req.valid('json');
    return c.json(await inTransaction(c, (trx, ctx) => issueApiKey(trx, ctx, label)), 201);
  });
  defineRoute(app, revokeKey, open311Keys, async (c) => {
    await inTransaction(c, (trx, ctx) => revokeApiKey(trx, ctx, c.req.param('id')));
    return c.body(null, 204);
  });
}
