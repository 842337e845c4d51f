/** The app as the benches call it in process (`app.request()`): no log output, no secure cookies. */
import type { Kysely } from 'kysely';
import pino from 'pino';
import type { DB } from '../src/db/schema.ts';
import { createApp } from '../src/server/app.ts';
import { IN_PROCESS_CONFIG } from '../src/testing/app-config.ts';

export function benchApp(db: Kysely<DB>) {
  return createApp({ db, logger: pino({ level: 'silent' }), config: IN_PROCESS_CONFIG });
}
