/** Types of the Hono app: the per-request variables every handler can read. */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Actor } from '../core/actor.ts';
import type { PoolStats } from '../db/database.ts';
import type { ReplicaRouter } from '../db/replica.ts';
import type { DB } from '../db/schema.ts';

/** The scheduler's counters (src/server/scheduler.ts), shown by the ops metrics. */
export interface SchedulerStats {
  ticks: number;
  /** Ticks that found another instance holding the lock. */
  skipped: number;
  failures: number;
  lastTickMs: number | null;
}

export interface AppConfig {
  /** Secure cookies when served over HTTPS behind a proxy. */
  secureCookies: boolean;
  sessionIdleHours: number;
  sessionMaxDays: number;
  /** Directory of the built web UI. */
  webDir: string;
  /** Bearer token that lets a remote scraper read /metrics (loopback needs none). */
  metricsToken?: string | undefined;
  /** Origins besides the app's own from which signed-in browsers may send writes (reverse proxies). */
  allowedOrigins?: string[];
  /** The town's own model server for 润色 (OpenAI-compatible); absent = the feature is off. */
  rephrase?: RephraseConfig | undefined;
}

/** Operator configuration of the model server; never stored in the database, never logged. */
export interface RephraseConfig {
  /** Chat-completions address, e.g. http://10.0.0.5:8000/v1/chat/completions. */
  url: string;
  model: string;
  apiKey?: string | undefined;
  timeoutMs: number;
}

export interface AppDeps {
  db: Kysely<DB>;
  logger: Logger;
  config: AppConfig;
  /** For /metrics: the database pool and this process's scheduler, when the server runs them. */
  pool?: () => PoolStats;
  scheduler?: () => SchedulerStats | undefined;
  /** A read replica for the read-only routes (DATABASE_REPLICA_URL; src/server/replica-routing.ts). */
  replica?: ReplicaRouter;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    actor: Actor | null;
    requestId: string;
  };
}
