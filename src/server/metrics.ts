/**
 * `/metrics` in Prometheus text format (issue 15): requests and latencies by route, requests in
 * flight, scheduler runs, open and overdue orders per town and state, the database pool, and the
 * process (memory, event loop, GC: prom-client's default collectors).
 *
 * Who may read it: a scraper on the same machine (the TCP peer is loopback and no proxy header is
 * present, so a reverse proxy on the same host does not expose it), or anyone presenting
 * `Authorization: Bearer <LVZHI_METRICS_TOKEN>` when that token is set. Everyone else gets 404,
 * so the route is not advertised. Figures read from the database are cached for 15 s, so a
 * scraper cannot turn into load on a city-sized database.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { routePath } from 'hono/route';
import type { Kysely } from 'kysely';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DB } from '../db/schema.ts';
import type { PoolStats } from '../db/database.ts';
import type { AppEnv } from '../http/env.ts';
import { appealGauges, lastSchedulerTick } from './metrics.repository.ts';
import type { SchedulerStats } from './scheduler.ts';

/** Process-wide collectors (memory, CPU, event loop, GC), registered once per process. */
const processRegistry = new Registry();
collectDefaultMetrics({ register: processRegistry, prefix: 'lvzhi_' });

const DB_CACHE_MS = 15_000;

export interface MetricsSources {
  db: Kysely<DB>;
  pool?: () => PoolStats;
  scheduler?: () => SchedulerStats | undefined;
}

export interface AppMetrics {
  registry: Registry;
  /** Counts and times every request by method, matched route and status. */
  middleware: MiddlewareHandler<AppEnv>;
  text(): Promise<string>;
}

export function createMetrics(sources: MetricsSources): AppMetrics {
  const registry = new Registry();
  const registers = [registry];
  const requests = new Counter({
    name: 'lvzhi_http_requests_total',
    help: 'HTTP requests answered, by method, matched route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers,
  });
  const duration = new Histogram({
    name: 'lvzhi_http_request_duration_seconds',
    help: 'Time to answer a request (until the handler returned), by method and matched route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  let inFlight = 0;
  new Gauge({
    name: 'lvzhi_http_requests_in_flight',
    help: 'Requests being answered now',
    registers,
    collect() {
      this.set(inFlight);
    },
  });
  registerPool(registers, sources);
  const cached = cacheFor();
  registerScheduler(registers, sources, cached);
  registerAppeals(registers, sources.db, cached);

  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    inFlight++;
    const end = performance.now();
    try {
      await next();
    } finally {
      inFlight--;
      const route = routeLabel(c);
      requests.inc({ method: c.req.method, route, status: String(c.res.status) });
      duration.observe({ method: c.req.method, route }, (performance.now() - end) / 1000);
    }
  };
  return {
    registry,
    middleware,
    text: async () => `${await processRegistry.metrics()}\n${await registry.metrics()}`,
  };
}

/** The matched route pattern (bounded cardinality), never the concrete path with its ids. */
function routeLabel(c: Context): string {
  const path = routePath(c);
  if (!path || path === '*' || path === '/*')
    return c.req.path.startsWith('/api/') ? 'unmatched' : 'web';
  return path;
}

function registerPool(registers: Registry[], sources: MetricsSources) {
  if (!sources.pool) return;
  const pool = sources.pool;
  new Gauge({
    name: 'lvzhi_db_pool_connections',
    help: 'Database connections: total open, idle, and requests waiting for one (PGlite: one connection)',
    labelNames: ['state'] as const,
    registers,
    collect() {
      const s = pool();
      this.set({ state: 'total' }, s.total);
      this.set({ state: 'idle' }, s.idle);
      this.set({ state: 'waiting' }, s.waiting);
    },
  });
}

function registerScheduler(registers: Registry[], sources: MetricsSources, cached: Cached) {
  const stats = () => sources.scheduler?.();
  new Gauge({
    name: 'lvzhi_scheduler_runs_total',
    help: 'Scheduler ticks in this process: ran, skipped (another instance held the lock), failed',
    labelNames: ['outcome'] as const,
    registers,
    collect() {
      const s = stats();
      if (!s) return;
      this.set({ outcome: 'ran' }, s.ticks);
      this.set({ outcome: 'skipped' }, s.skipped);
      this.set({ outcome: 'failed' }, s.failures);
    },
  });
  new Gauge({
    name: 'lvzhi_scheduler_last_tick_duration_seconds',
    help: 'Duration of the last scheduler tick in this process',
    registers,
    collect() {
      const ms = stats()?.lastTickMs;
      if (ms !== null && ms !== undefined) this.set(ms / 1000);
    },
  });
  const db = sources.db;
  new Gauge({
    name: 'lvzhi_scheduler_last_tick_timestamp_seconds',
    help: 'When any instance last completed a scheduler tick (from the database)',
    registers,
    async collect() {
      const at = await cached('tick', () => lastSchedulerTick(db));
      if (at) this.set(at.getTime() / 1000);
    },
  });
}

function registerAppeals(registers: Registry[], db: Kysely<DB>, cached: Cached) {
  const rows = () => cached('appeals', () => appealGauges(db, new Date()));
  new Gauge({
    name: 'lvzhi_appeals_open',
    help: 'Open orders (not closed, not merged) by town code and state: the queues',
    labelNames: ['town', 'state'] as const,
    registers,
    async collect() {
      this.reset();
      for (const r of await rows()) this.set({ town: r.town, state: r.state }, r.open);
    },
  });
  new Gauge({
    name: 'lvzhi_appeals_overdue',
    help: 'Open orders past their current deadline, by town code',
    labelNames: ['town'] as const,
    registers,
    async collect() {
      this.reset();
      const byTown = new Map<string, number>();
      for (const r of await rows()) byTown.set(r.town, (byTown.get(r.town) ?? 0) + r.overdue);
      for (const [town, n] of byTown) this.set({ town }, n);
    },
  });
}

type Cached = <T>(key: string, load: () => Promise<T>) => Promise<T>;

/** Remembers each loaded value for DB_CACHE_MS (a failed load is forgotten at once). */
function cacheFor(): Cached {
  const cache = new Map<string, { at: number; value: Promise<unknown> }>();
  return <T>(key: string, load: () => Promise<T>) => {
    const hit = cache.get(key);
    if (hit && performance.now() - hit.at < DB_CACHE_MS) return hit.value as Promise<T>;
    const value = load();
    cache.set(key, { at: performance.now(), value });
    value.catch(() => cache.delete(key));
    return value;
  };
}

/**
 * Loopback without proxy headers, or the bearer token. Compared in constant time; an unset or
 * empty token never matches.
 */
export function mayScrape(c: Context, token: string | undefined): boolean {
  const auth = c.req.header('authorization') ?? '';
  if (token && auth.startsWith('Bearer ')) {
    const given = Buffer.from(auth.slice(7));
    const wanted = Buffer.from(token);
    if (given.length === wanted.length && timingSafeEqual(given, wanted)) return true;
  }
  if (c.req.header('x-forwarded-for') || c.req.header('forwarded') || c.req.header('x-real-ip'))
    return false;
  let address: string | undefined;
  try {
    address = getConnInfo(c).remote.address;
  } catch {
    return false; // no socket (app.request in tests): not a local scraper
  }
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}
