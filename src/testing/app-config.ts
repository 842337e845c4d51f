/**
 * The app's configuration when tests and benches call it in process (`app.request()`): plain
 * cookies, the default session limits, the built web UI. No vitest import: benches use it too.
 */
import type { AppConfig } from '../http/env.ts';
import { WEB_DIST } from '../server/config.ts';

export const IN_PROCESS_CONFIG: AppConfig = {
  secureCookies: false,
  sessionIdleHours: 12,
  sessionMaxDays: 7,
  webDir: WEB_DIST,
};
