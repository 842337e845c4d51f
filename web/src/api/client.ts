/**
 * The one way the UI talks to the server: a client generated from the OpenAPI document
 * (openapi-fetch over `schema.d.ts`, see `npm run gen:api`), so paths, parameters, bodies and
 * answers are typed by the server's own declarations. Failures arrive as RFC 9457 problem+json and
 * are thrown as ApiError so pages can show the Chinese `detail` and put per-field `errors` next to
 * the right form inputs; a 401 sends the user back to the login page.
 */
import createClient, { type ClientPathsWithMethod, type MaybeOptionalInit } from 'openapi-fetch';
import type { components, paths } from './schema';

/** Every named schema of the API: `Schemas['AppealDetail']`, `Schemas['Unit']` … */
export type Schemas = components['schemas'];

/** The RFC 9457 body of every failed request. */
export type Problem = Schemas['Problem'];

/** One field-level complaint from the server; `path` is dot-separated (e.g. `roles.0.unitId`). */
export type FieldProblem = NonNullable<Problem['errors']>[number];

export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }
  get status(): number {
    return this.problem.status;
  }
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => {};

/** The session layer registers how to get the user back to the login page. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

export const NETWORK_PROBLEM: Problem = {
  type: 'network',
  title: '网络错误',
  status: 0,
  detail: '无法连接服务器，请检查网络后重试',
};

/** The problem of a failed response from its parsed body (JSON or text), Chinese where possible. */
export function problemOf(status: number, statusText: string, body: unknown): Problem {
  const fallback: Problem = {
    type: 'about:blank',
    title: statusText,
    status,
    detail: `请求失败（${status}）`,
  };
  if (typeof body !== 'object' || body === null) return fallback;
  const p = body as Partial<Problem>;
  return { ...fallback, ...p, status, detail: p.detail || p.title || fallback.detail };
}

/** Parses a failed response's body into a problem (for calls made outside the typed client). */
export async function problemOfResponse(res: Response): Promise<Problem> {
  const text = await res.text().catch(() => '');
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON: the fallback problem */
  }
  return problemOf(res.status, res.statusText, body);
}

/** Query values that mean "no filter": dropped, like the server's optional parameters expect. */
function querySerializer(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => params.append(k, String(x)));
    else params.set(k, String(v));
  }
  return params.toString();
}

/**
 * The raw generated client: `{ data, error, response }` per call, nothing thrown. Pages use `api`
 * (below); this is for the rare call that wants to look at a failure itself.
 */
export const http = createClient<paths>({
  baseUrl: typeof location === 'undefined' ? 'http://localhost' : location.origin,
  credentials: 'include',
  headers: { accept: 'application/json' },
  querySerializer,
  // Looked up per call, so a test (or a later polyfill) can replace it.
  fetch: (request) => globalThis.fetch(request),
});

export interface CallOptions {
  /** Login and the session probe answer 401 for a wrong password; that must not bounce to login. */
  skipAuthRedirect?: boolean;
}

/** Waits for a generated-client call: its 2xx body, or ApiError (network failures included). */
export async function unwrap<D>(
  call: Promise<{ data?: D; error?: unknown; response: Response }>,
  options: CallOptions = {},
): Promise<D> {
  let result: Awaited<typeof call>;
  try {
    result = await call;
  } catch (err) {
    if ((err as Error)?.name === 'AbortError') throw err;
    throw new ApiError(NETWORK_PROBLEM);
  }
  const { response } = result;
  if (!response.ok) {
    if (response.status === 401 && !options.skipAuthRedirect) onUnauthorized();
    throw new ApiError(problemOf(response.status, response.statusText, result.error));
  }
  return result.data as D;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : undefined;
/** The JSON body of an operation's 2xx answer (undefined for 204). */
export type Answer<Op> = Op extends { responses: infer R }
  ? JsonOf<R[keyof R & (200 | 201 | 204)]>
  : never;
/** The JSON body `PATH` accepts for `METHOD`: `RequestBody<'/api/v1/towns/{townId}/units', 'post'>`. */
export type RequestBody<P extends keyof paths, M extends Method> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;
/** The query parameters `PATH` accepts for `METHOD` (all optional ones included). */
export type QueryParams<P extends keyof paths, M extends Method> = paths[P][M] extends {
  parameters: { query?: infer Q };
}
  ? NonNullable<Q>
  : never;
/** The path parameters of `PATH` for `METHOD`. */
export type PathParams<P extends keyof paths, M extends Method> = paths[P][M] extends {
  parameters: { path?: infer Q };
}
  ? NonNullable<Q>
  : never;
/** The 2xx JSON body `PATH` answers for `METHOD`. */
export type ResponseBody<P extends keyof paths, M extends Method> = Answer<paths[P][M]>;

type Call<M extends Method> = <
  P extends ClientPathsWithMethod<typeof http, M>,
  I extends MaybeOptionalInit<paths[P], M>,
>(
  path: P,
  ...init: undefined extends I ? [init?: I & CallOptions] : [init: I & CallOptions]
) => Promise<Answer<paths[P][M]>>;

function caller<M extends Method>(method: M): Call<M> {
  const send = http.request as unknown as (
    method: string,
    path: string,
    init?: object,
  ) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  return ((path: string, init: (CallOptions & object) | undefined) => {
    const { skipAuthRedirect, ...rest } = init ?? {};
    return unwrap(send(method, path, rest), { skipAuthRedirect });
  }) as never;
}

/**
 * Typed calls that answer the 2xx body and throw ApiError otherwise:
 * `await api.GET('/api/v1/towns/{townId}/units', { params: { path: { townId } } })`.
 * Paths, `params` (path and query), `body` and the answer all come from the OpenAPI document.
 */
export const api = {
  GET: caller('get'),
  POST: caller('post'),
  PUT: caller('put'),
  PATCH: caller('patch'),
  DELETE: caller('delete'),
};

/** Builds a same-origin link with a query (Excel exports, Word downloads), skipping empty values. */
export function withQuery(path: string, query: Record<string, unknown>): string {
  const qs = querySerializer(query);
  return qs ? `${path}?${qs}` : path;
}

/** A cursor-paged list as every paged endpoint answers it. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * POSTs a multipart form (file uploads; the typed client sends JSON). Answers the JSON body as
 * `T` (name it with `ResponseBody<PATH, 'post'>`); failures throw ApiError like `api`.
 */
export async function postForm<T>(
  path: string,
  form: FormData,
  options: CallOptions & { headers?: Record<string, string> } = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      body: form,
      credentials: 'include',
      headers: { accept: 'application/json', ...options.headers },
    });
  } catch {
    throw new ApiError(NETWORK_PROBLEM);
  }
  if (!res.ok) {
    if (res.status === 401 && !options.skipAuthRedirect) onUnauthorized();
    throw new ApiError(await problemOfResponse(res));
  }
  return (await res.json()) as T;
}
