/**
 * Which requests a read replica answers (src/db/replica.ts): GET requests of the read-only routes
 * below — dashboards (三率 KPIs and their orders), declarative metrics, Excel exports and report
 * reads. None of them writes; everything else (every write, lists people work from, sessions) is
 * answered by the primary.
 *
 * Read-after-write: a successful write answers with the primary's WAL position in the
 * `lvzhi_wal` cookie (HttpOnly, 5 minutes); a read carrying a position the replica has not yet
 * replayed is answered by the primary. The `x-lvzhi-read-from` header says which one answered.
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../http/env.ts';

export const WAL_COOKIE = 'lvzhi_wal';
const WAL_COOKIE_SECONDS = 300;

const town = '/api/v1/towns/[^/]+';
const uuid = '[0-9a-fA-F-]{36}';

/** Read-only routes a replica may answer (GET only). */
export const REPLICA_ROUTES: readonly RegExp[] = [
  // 三率 dashboard and the orders behind each figure (and their export)
  new RegExp(`^${town}/appeals/kpis(/[^/]+/orders(/export)?)?$`),
  // Excel exports of the appeal lists
  new RegExp(`^${town}/appeals/(export|queue/export|overdue/export)$`),
  // declarative metrics, their values and drill-down records
  new RegExp(`^${town}/metrics(/[^/]+(/records)?)?$`),
  // ledger exports
  new RegExp(`^${town}/ledger-types/[^/]+/export$`),
  // report reads: the report with live figures, its export, chip drill-downs
  new RegExp(`^${town}/reports/${uuid}(/export|/chip-metrics|/chips/[^/]+/records)?$`),
  // appeal rankings across towns (county dashboards)
  /^\/api\/v1\/appeal-rankings$/,
];

export function isReplicaRoute(method: string, path: string): boolean {
  return (method === 'GET' || method === 'HEAD') && REPLICA_ROUTES.some((r) => r.test(path));
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Sends the read-only routes to the replica when one is configured and fresh enough, and hands
 * the writer the primary's WAL position after each successful write. Without a replica: nothing.
 */
export function replicaRouting(secureCookies: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const deps = c.get('deps');
    const router = deps.replica;
    if (!router) return next();
    if (isReplicaRoute(c.req.method, c.req.path)) {
      const { db, target } = await router.readDb(getCookie(c, WAL_COOKIE));
      c.set('deps', { ...deps, db });
      c.header('x-lvzhi-read-from', target);
      return next();
    }
    await next();
    if (WRITE_METHODS.has(c.req.method) && c.res.status < 400 && c.req.path.startsWith('/api/')) {
      setCookie(c, WAL_COOKIE, await router.primaryLsn(), {
        path: '/',
        httpOnly: true,
        sameSite: 'Lax',
        secure: secureCookies,
        maxAge: WAL_COOKIE_SECONDS,
      });
    }
  };
}
