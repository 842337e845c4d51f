/**
 * Route registration with a mandatory policy. Every API route is declared through
 * `defineRoute`, which records (method, path, policy) in the route table that the scope-matrix
 * test walks, and runs the policy before validation so strangers learn nothing from 422s.
 */
import type { OpenAPIHono, RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { Handler, MiddlewareHandler } from 'hono';
import type { Actor } from '../core/actor.ts';
import type { RoutePolicy as CorePolicy } from '../core/access/policy.ts';
import { Forbidden, Unauthenticated } from '../core/errors.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { AppEnv } from './env.ts';
import { scopesEnforced } from '../core/access/enforcement.ts';
import type { ZodError, ZodType } from 'zod';
import { problemResponse, zodProblem } from './problem.ts';

/** A route policy whose database part (`holds`) reads this app's database. */
export type RoutePolicy = CorePolicy<Kysely<DB>>;

export interface RouteEntry {
  method: string;
  path: string;
  policy: RoutePolicy;
}

const routeTable: RouteEntry[] = [];

/** The zod schema a validation target was checked against, so errors can name fields in Chinese. */
function requestSchema(route: RouteConfig, target: string): ZodType | undefined {
  const req = route.request;
  if (!req) return undefined;
  if (target === 'json')
    return (req.body?.content?.['application/json'] as { schema?: ZodType } | undefined)?.schema;
  if (target === 'query') return req.query as ZodType | undefined;
  if (target === 'param') return req.params as ZodType | undefined;
  return undefined;
}

export function registeredRoutes(): readonly RouteEntry[] {
  return routeTable;
}

/** Whether `policy` lets `actor` in: its role rule, then its database part (Forbidden = no). */
async function passes(
  db: Kysely<DB>,
  policy: RoutePolicy,
  actor: Actor,
  params: Record<string, string>,
): Promise<boolean> {
  if (!policy.allows(actor, params)) return false;
  if (!policy.holds) return true;
  return policy.holds(db, actor, params).then(
    () => true,
    (error: unknown) => {
      if (error instanceof Forbidden) return false;
      throw error;
    },
  );
}

/**
 * The names of the route policies that let `actor` in for `townId`: what the server would answer
 * instead of 403, asked of the same rules `authorize` runs (the database part included, e.g. the
 * organisation portfolio of 发展党员). The UI offers a page or a button only when the policy of the
 * route behind it is in this list (web/src/layout/menu.tsx).
 */
export async function policiesAllowed(
  db: Kysely<DB>,
  actor: Actor,
  townId: string,
): Promise<string[]> {
  const byName = new Map<string, RoutePolicy>();
  for (const { policy } of routeTable) if (!policy.public) byName.set(policy.name, policy);
  const names: string[] = [];
  for (const [name, policy] of byName)
    if (await passes(db, policy, actor, { townId })) names.push(name);
  return names.sort();
}

function authorize(policy: RoutePolicy): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get('actor');
    if (!policy.public) {
      if (!actor) throw new Unauthenticated();
      const params = c.req.param() as Record<string, string>;
      if (scopesEnforced()) {
        if (!policy.allows(actor, params)) throw new Forbidden();
        // Refuses with the policy's own reason (Forbidden with a Chinese message).
        await policy.holds?.(c.get('deps').db, actor, params);
      }
    }
    await next();
  };
}

export function defineRoute<R extends RouteConfig>(
  app: OpenAPIHono<AppEnv>,
  route: R,
  policy: RoutePolicy,
  handler: RouteHandler<R, AppEnv>,
): void {
  const existing = route.middleware ? [route.middleware].flat() : [];
  app.openapi(
    { ...route, middleware: [authorize(policy), ...existing] } as R,
    handler as never,
    (result, c) => {
      if (result.success) return;
      const target = (result as { target?: string }).target ?? 'json';
      return problemResponse(
        c,
        zodProblem(result.error as ZodError, requestSchema(route, target), target),
      );
    },
  );
  const entry = { method: route.method.toUpperCase(), path: route.path, policy };
  if (!routeTable.some((r) => r.method === entry.method && r.path === entry.path))
    routeTable.push(entry);
}

/**
 * A route outside the OpenAPI document (e.g. Open311's .json/.xml endpoints, which have their own
 * spec): same route table, same authorize step. `path` is written `{param}`-style like OpenAPI.
 */
export function defineRawRoute(
  app: OpenAPIHono<AppEnv>,
  method: 'GET' | 'POST',
  path: string,
  policy: RoutePolicy,
  handler: Handler<AppEnv>,
): void {
  app.on(method, path.replace(/\{([A-Za-z]+)\}/g, ':$1'), authorize(policy), handler);
  if (!routeTable.some((r) => r.method === method && r.path === path))
    routeTable.push({ method, path, policy });
}

/** Policies shared by many routes. */
export const policies = {
  public: { name: 'public', public: true, allows: () => true } satisfies RoutePolicy,
  signedIn: { name: 'signed_in', allows: () => true } satisfies RoutePolicy,
};
