/**
 * Open311 GeoReport v2 wire formats: every resource in JSON (arrays, or an object for a service
 * definition) and XML (`<services><service>…`, `<service_requests><request>…`), and errors as the
 * spec writes them — JSON `[{"code":400,"description":"…"}]`, XML `<errors><error>…` — with the
 * matching HTTP status. Descriptions are Chinese and say what to fix.
 */
import type { Context } from 'hono';
import { DomainError, TooManyRequests } from '../../core/errors.ts';
import { mapDatabaseError } from '../../http/database-errors.ts';

export type Format = 'json' | 'xml';

/** A failure reported to an Open311 client, in the spec's error format. */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 413 | 429 | 500,
    readonly description: string,
  ) {
    super(description);
  }
}

/** `25-00042.json` → id and format (ids may contain dots: `urban.roads.xml`). */
export function splitFile(file: string): { id: string; format: Format } {
  const dot = file.lastIndexOf('.');
  const ext = dot > 0 ? file.slice(dot + 1).toLowerCase() : '';
  if (ext !== 'json' && ext !== 'xml')
    throw new Open311Error(404, `地址应以 .json 或 .xml 结尾（如 ${file}.json），以指明返回格式`);
  return { id: file.slice(0, dot), format: ext };
}

const escapeXml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch]!,
  );

/** Child tag of a list element: `attributes` → `attribute`, `values` → `value`. */
const SINGULAR: Record<string, string> = { attributes: 'attribute', values: 'value' };

function xmlValue(tag: string, value: unknown): string {
  if (value === null || value === undefined) return `<${tag}/>`;
  if (Array.isArray(value))
    return `<${tag}>${value.map((v) => xmlValue(SINGULAR[tag] ?? 'item', v)).join('')}</${tag}>`;
  if (typeof value === 'object')
    return `<${tag}>${Object.entries(value)
      .map(([k, v]) => xmlValue(k, v))
      .join('')}</${tag}>`;
  return `<${tag}>${escapeXml(String(value))}</${tag}>`;
}

const XML_HEAD = '<?xml version="1.0" encoding="utf-8"?>';

/** A list resource: JSON array, or `<root><item>…</item></root>`. */
export function renderList(
  c: Context,
  format: Format,
  root: string,
  item: string,
  items: Record<string, unknown>[],
  status: 200 | 201 = 200,
) {
  if (format === 'json')
    return c.body(JSON.stringify(items), status, {
      'content-type': 'application/json; charset=utf-8',
    });
  return c.body(
    `${XML_HEAD}<${root}>${items.map((i) => xmlValue(item, i)).join('')}</${root}>`,
    status,
    { 'content-type': 'text/xml; charset=utf-8' },
  );
}

/** A single-object resource (the service definition): JSON object, or `<root>…</root>`. */
export function renderObject(
  c: Context,
  format: Format,
  root: string,
  value: Record<string, unknown>,
) {
  if (format === 'json')
    return c.body(JSON.stringify(value), 200, {
      'content-type': 'application/json; charset=utf-8',
    });
  return c.body(`${XML_HEAD}${xmlValue(root, value)}`, 200, {
    'content-type': 'text/xml; charset=utf-8',
  });
}

const DOMAIN_STATUS: Record<string, Open311Error['status']> = {
  invalid_input: 400,
  malformed: 400,
  unauthenticated: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  too_many_requests: 429,
  payload_too_large: 413,
};

export function renderError(c: Context, format: Format, error: unknown) {
  let e: Open311Error;
  const database = mapDatabaseError(error);
  if (error instanceof Open311Error) e = error;
  else if (error instanceof DomainError)
    e = new Open311Error(DOMAIN_STATUS[error.code] ?? 400, error.detail);
  else if (database) {
    // The same safety net as app.onError: a constraint nobody checked first is the client's 400/409, not our 500.
    c.get('deps')?.logger.warn(
      {
        req: c.get('requestId'),
        sqlstate: database.failure.code,
        constraint: database.failure.constraint,
        table: database.failure.table,
        detail: database.failure.detail,
        message: database.failure.message,
      },
      'open311 database error answered as an error',
    );
    e = new Open311Error(DOMAIN_STATUS[database.error.code] ?? 400, database.error.detail);
  } else {
    c.get('deps')?.logger.error({ err: error, req: c.get('requestId') }, 'unhandled open311 error');
    e = new Open311Error(500, '服务器内部错误，请稍后重试；如持续出现请联系乡镇系统管理员');
  }
  const items = [{ code: e.status, description: e.description }];
  const wait: Record<string, string> =
    error instanceof TooManyRequests ? { 'retry-after': String(error.retryAfterSeconds) } : {};
  if (format === 'json')
    return c.body(JSON.stringify(items), e.status, {
      'content-type': 'application/json; charset=utf-8',
      ...wait,
    });
  return c.body(
    `${XML_HEAD}<errors>${items.map((i) => xmlValue('error', i)).join('')}</errors>`,
    e.status,
    { 'content-type': 'text/xml; charset=utf-8', ...wait },
  );
}
