/** Types of the Hono app: the per-request variables every handler can read. */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Actor } from '../core/actor.ts';
import type { DB } from '../db/schema.ts';

export interface AppConfig {
  /** Secure cookies when served over HTTPS behind a proxy. */
  secureCookies: boolean;
  sessionIdleHours: number;
  sessionMaxDays: number;
  /** Directory of the built web UI. */
  webDir: string;
}

export interface AppDeps {
  db: Kysely<DB>;
  logger: Logger;
  config: AppConfig;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    actor: Actor | null;
    requestId: string;
  };
}
