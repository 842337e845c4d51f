/**
 * Open311 GeoReport v2 at /open311/v2/ (policy `open311`, public: the spec's reads need no
 * account; POST requests is `open311.api_key`: public at route level, the handler demands a
 * town's api_key), and the admin routes that issue and revoke those keys (`open311.keys`).
 * Open311 routes answer in the spec's own JSON/XML and error shapes, never problem+json.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../../http/env.ts';
import { inTransaction } from '../../http/handler.ts';
import {
  clientIp,
  jsonBody,
  jsonResponse,
  noContent,
  TownEntityParams,
  TownParams,
} from '../../http/openapi.ts';
import { defineRawRoute, defineRoute } from '../../http/route.ts';
import { readForm } from '../../http/upload.ts';
import {
  Open311Error,
  renderError,
  renderList,
  renderObject,
  splitFile,
  type Format,
} from './open311.format.ts';
import { issueApiKey, listApiKeys, revokeApiKey } from './open311.keys.ts';
import * as service from './open311.service.ts';
import { open311ApiKey, open311Keys, open311Read } from './open311.policy.ts';

const V2 = '/open311/v2';
type Ctx = Context<AppEnv>;

/** Runs an Open311 handler, rendering any failure in the spec's error format of the call. */
function safely(
  format: Format | ((c: Ctx) => Format),
  work: (c: Ctx, format: Format) => Promise<Response>,
) {
  return async (c: Ctx) => {
    let f: Format = typeof format === 'string' ? format : 'json';
    try {
      if (typeof format !== 'string') f = format(c);
      return await work(c, f);
    } catch (error) {
      return renderError(c, f, error);
    }
  };
}

/** Absolute base of media_url; behind a proxy (LVZHI_TRUST_PROXY ≥ 1) the forwarded host and scheme. */
function mediaBase(c: Ctx): string {
  const url = new URL(c.req.url);
  if (Number(process.env.LVZHI_TRUST_PROXY ?? '0') > 0) {
    const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
    if (host) url.host = host;
    if (proto === 'http' || proto === 'https') url.protocol = `${proto}:`;
  }
  return `${url.origin}${V2}/media/`;
}

const fileFormat = (c: Ctx) => {
  const file = c.req.param('file') ?? '';
  return /\.xml$/i.test(file) ? 'xml' : 'json';
};

/** POST parameters: form-encoded per the spec (JSON accepted too), over any query parameters. */
async function postParams(c: Ctx): Promise<Record<string, string | undefined>> {
  const params: Record<string, string | undefined> = { ...c.req.query() };
  const type = c.req.header('content-type') ?? '';
  let body: Record<string, unknown> = {};
  if (type.includes('application/json')) {
    try {
      body = (await c.req.json()) as Record<string, unknown>;
    } catch {
      throw new Open311Error(
        400,
        '请求体不是有效的 JSON；按规范应以 application/x-www-form-urlencoded 提交',
      );
    }
    if (!body || typeof body !== 'object' || Array.isArray(body))
      throw new Open311Error(400, '请求体应为参数对象');
  } else if (
    type.includes('application/x-www-form-urlencoded') ||
    type.includes('multipart/form-data')
  ) {
    body = await readForm(c);
  }
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
      params[k] = String(v);
    else if (k === 'attribute' && v && typeof v === 'object')
      for (const [ak, av] of Object.entries(v)) params[`attribute[${ak}]`] = String(av);
  }
  return params;
}

export function registerOpen311Routes(app: OpenAPIHono<AppEnv>): void {
  app.use(
    `${V2}/*`,
    bodyLimit({
      maxSize: 64 * 1024,
      // In the format the caller asked for: an XML client reads <errors>, not JSON.
      onError: (c) =>
        renderError(
          c,
          /\.xml$/i.test(c.req.path) ? 'xml' : 'json',
          new Open311Error(413, '提交的内容超过 64 KB 上限'),
        ),
    }),
  );
  const town = (c: Ctx) => service.jurisdiction(c.get('deps').db, c.req.query('jurisdiction_id'));

  for (const format of ['json', 'xml'] as const) {
    defineRawRoute(
      app,
      'GET',
      `${V2}/services.${format}`,
      open311Read,
      safely(format, async (c, f) =>
        renderList(
          c,
          f,
          'services',
          'service',
          await service.listServices(c.get('deps').db, await town(c)),
        ),
      ),
    );
    defineRawRoute(
      app,
      'GET',
      `${V2}/requests.${format}`,
      open311Read,
      safely(format, async (c, f) =>
        renderList(
          c,
          f,
          'service_requests',
          'request',
          await service.searchRequests(
            c.get('deps').db,
            await town(c),
            c.req.query(),
            mediaBase(c),
          ),
        ),
      ),
    );
    defineRawRoute(
      app,
      'POST',
      `${V2}/requests.${format}`,
      open311ApiKey,
      safely(format, async (c, f) =>
        renderList(
          c,
          f,
          'service_requests',
          'request',
          await service.postRequest(c.get('deps').db, await postParams(c), clientIp(c)),
          201,
        ),
      ),
    );
  }
  defineRawRoute(
    app,
    'GET',
    `${V2}/services/{file}`,
    open311Read,
    safely(fileFormat, async (c, f) => {
      const { id } = splitFile(c.req.param('file')!);
      return renderObject(
        c,
        f,
        'service_definition',
        await service.serviceDefinition(c.get('deps').db, await town(c), id),
      );
    }),
  );
  defineRawRoute(
    app,
    'GET',
    `${V2}/requests/{file}`,
    open311Read,
    safely(fileFormat, async (c, f) => {
      const { id } = splitFile(c.req.param('file')!);
      return renderList(
        c,
        f,
        'service_requests',
        'request',
        await service.requestById(c.get('deps').db, await town(c), id, mediaBase(c)),
      );
    }),
  );
  // media_url of our own photos: only those marked public, addressed by an unguessable token,
  // images only. Cached briefly: a photo a handler withdraws must leave shared caches soon too.
  defineRawRoute(
    app,
    'GET',
    `${V2}/media/{token}`,
    open311Read,
    safely('json', async (c) => {
      const photo = await service.publicMedia(c.get('deps').db, c.req.param('token')!);
      return c.body(new Uint8Array(photo.bytes), 200, {
        'content-type': photo.content_type,
        'cache-control': 'public, max-age=300',
        'x-content-type-options': 'nosniff',
      });
    }),
  );
  defineRawRoute(
    app,
    'GET',
    `${V2}/tokens/{file}`,
    open311Read,
    safely(fileFormat, async (c, f) => {
      const { id } = splitFile(c.req.param('file')!);
      return renderList(
        c,
        f,
        'service_requests',
        'request',
        await service.requestByToken(c.get('deps').db, await town(c), id),
      );
    }),
  );
  // Anything else under /open311/ answers in the spec's error format, not with the web app.
  app.all(`${V2}/*`, (c) =>
    renderError(
      c,
      /\.xml$/i.test(c.req.path) ? 'xml' : 'json',
      new Open311Error(
        404,
        `没有这个 Open311 资源：${c.req.method} ${c.req.path}；可用资源见 /open311/v2/services.json`,
      ),
    ),
  );

  registerOpen311KeyRoutes(app);
}

const tags = ['Open311 接入密钥'];
const KeyItem = z
  .object({
    id: z.string(),
    label: z.string(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .openapi('Open311ApiKey');

function registerOpen311KeyRoutes(app: OpenAPIHono<AppEnv>): void {
  const base = '/api/v1/towns/{townId}/open311/keys';
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: base,
      tags,
      summary: 'Open311 接入密钥列表（不含密钥本身）',
      request: { params: TownParams },
      responses: jsonResponse(z.object({ items: z.array(KeyItem) }), '密钥'),
    }),
    open311Keys,
    async (c) => {
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
    },
  );
  defineRoute(
    app,
    createRoute({
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
    }),
    open311Keys,
    async (c) => {
      const { label } = c.req.valid('json');
      return c.json(await inTransaction(c, (trx, ctx) => issueApiKey(trx, ctx, label)), 201);
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: `${base}/{id}/revoke`,
      tags,
      summary: '停用 Open311 接入密钥',
      request: { params: TownEntityParams },
      responses: noContent('已停用'),
    }),
    open311Keys,
    async (c) => {
      await inTransaction(c, (trx, ctx) => revokeApiKey(trx, ctx, c.req.param('id')));
      return c.body(null, 204);
    },
  );
}
