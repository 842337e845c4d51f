/**
 * Open311 GeoReport v2 at /open311/v2/ (policy `open311`, public: the spec's reads need no
 * account; POST requests is `open311.api_key`: public at route level, the handler demands a
 * town's api_key), and the admin routes that issue and revoke those keys (`open311.keys`).
 * Open311 routes answer in the spec's own JSON/XML and error shapes, never problem+json.
 */
import { type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../../http/env.ts';
import { clientIp } from '../../http/openapi.ts';
import { defineRawRoute } from '../../http/route.ts';
import { readForm } from '../../http/upload.ts';
import {
  Open311Error,
  renderError,
  renderList,
  renderObject,
  splitFile,
  type Format,
} from './open311.format.ts';
import { registerOpen311KeyRoutes } from './open311-keys.routes.ts';
import * as service from './open311.service.ts';
import { open311ApiKey, open311Read } from './open311.policy.ts';

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

/** The Open311 format of a failure before any route ran: XML when the path asks for it. */
const formatOfPath = (c: Ctx): Format => (/\.xml$/i.test(c.req.path) ? 'xml' : 'json');

/** 64 KB per request, refused in the format the caller asked for (an XML client reads <errors>). */
const sizeLimit = bodyLimit({
  maxSize: 64 * 1024,
  onError: (c) =>
    renderError(c, formatOfPath(c), new Open311Error(413, '提交的内容超过 64 KB 上限')),
});

/** The town of the call: the spec's jurisdiction_id. */
const townOf = (c: Ctx) => service.jurisdiction(c.get('deps').db, c.req.query('jurisdiction_id'));

type Open311Work = (c: Ctx, format: Format) => Promise<Response>;

/** GET services: the town's request types. */
const listServices: Open311Work = async (c, f) =>
  renderList(
    c,
    f,
    'services',
    'service',
    await service.listServices(c.get('deps').db, await townOf(c)),
  );

/** GET requests: the town's public requests, filtered by the spec's parameters. */
const searchRequests: Open311Work = async (c, f) =>
  renderList(
    c,
    f,
    'service_requests',
    'request',
    await service.searchRequests(c.get('deps').db, await townOf(c), c.req.query(), mediaBase(c)),
  );

/** POST requests: a new request from a keyed client. */
const postRequest: Open311Work = async (c, f) =>
  renderList(
    c,
    f,
    'service_requests',
    'request',
    await service.postRequest(c.get('deps').db, await postParams(c), clientIp(c)),
    201,
  );

/** GET services/{code}: one request type's definition (its attributes). */
const serviceDefinition: Open311Work = async (c, f) => {
  const { id } = splitFile(c.req.param('file')!);
  return renderObject(
    c,
    f,
    'service_definition',
    await service.serviceDefinition(c.get('deps').db, await townOf(c), id),
  );
};

/** GET requests/{id}: one public request. */
const requestById: Open311Work = async (c, f) => {
  const { id } = splitFile(c.req.param('file')!);
  return renderList(
    c,
    f,
    'service_requests',
    'request',
    await service.requestById(c.get('deps').db, await townOf(c), id, mediaBase(c)),
  );
};

/**
 * GET media/{token}: media_url of our own photos, only those marked public, addressed by an
 * unguessable token, images only. Cached briefly: a photo a handler withdraws must leave shared
 * caches soon too.
 */
const publicMedia: Open311Work = async (c) => {
  const photo = await service.publicMedia(c.get('deps').db, c.req.param('token')!);
  return c.body(new Uint8Array(photo.bytes), 200, {
    'content-type': photo.content_type,
    'cache-control': 'public, max-age=300',
    'x-content-type-options': 'nosniff',
  });
};

/** GET tokens/{token}: the request a POST's token became. */
const requestByToken: Open311Work = async (c, f) => {
  const { id } = splitFile(c.req.param('file')!);
  return renderList(
    c,
    f,
    'service_requests',
    'request',
    await service.requestByToken(c.get('deps').db, await townOf(c), id),
  );
};

/** Anything else under /open311/ answers in the spec's error format, not with the web app. */
const unknownResource = (c: Ctx) =>
  renderError(
    c,
    formatOfPath(c),
    new Open311Error(
      404,
      `没有这个 Open311 资源：${c.req.method} ${c.req.path}；可用资源见 /open311/v2/services.json`,
    ),
  );

export function registerOpen311Routes(app: OpenAPIHono<AppEnv>): void {
  app.use(`${V2}/*`, sizeLimit);
  for (const format of ['json', 'xml'] as const) {
    const path = (resource: string) => `${V2}/${resource}.${format}`;
    defineRawRoute(app, 'GET', path('services'), open311Read, safely(format, listServices));
    defineRawRoute(app, 'GET', path('requests'), open311Read, safely(format, searchRequests));
    defineRawRoute(app, 'POST', path('requests'), open311ApiKey, safely(format, postRequest));
  }
  defineRawRoute(
    app,
    'GET',
    `${V2}/services/{file}`,
    open311Read,
    safely(fileFormat, serviceDefinition),
  );
  defineRawRoute(app, 'GET', `${V2}/requests/{file}`, open311Read, safely(fileFormat, requestById));
  defineRawRoute(app, 'GET', `${V2}/media/{token}`, open311Read, safely('json', publicMedia));
  defineRawRoute(
    app,
    'GET',
    `${V2}/tokens/{file}`,
    open311Read,
    safely(fileFormat, requestByToken),
  );
  app.all(`${V2}/*`, unknownResource);

  registerOpen311KeyRoutes(app);
}
