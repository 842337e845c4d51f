/** The app as the benches call it in process (`app.request()`): no log output, no secure cookies. */
import type { Kysely } from 'kysely';
import pino from 'pino';
import type { DB } from '../src/db/schema.ts';
import type { AppConfig } from '../src/http/env.ts';
import { createApp } from '../src/server/app.ts';
import { WEB_DIST } from '../src/server/config.ts';

export function benchApp(db: Kysely<DB>) {
  return createApp({
    db,
    logger: pino({ level: 'silent' }),
    config: {
      secureCookies: false,
      sessionIdleHours: 12,
      sessionMaxDays: 7,
      webDir: WEB_DIST,
    } as AppConfig,
  });
}
