/**
 * A complete app over a fresh test database with the demo town, for route tests that call
 * `app.request()` without a socket. `login(username)` returns a cookie header for that demo user.
 */
import pino from 'pino';
import { createDemoTown } from '../demo/demo-town.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { createApp } from '../server/app.ts';
import { WEB_DIST } from '../server/config.ts';

export const TEST_PASSWORD = 'Test-password-2025';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  database: TestDatabase;
  townId: string;
  login(username: string, password?: string): Promise<string>;
  /** JSON request helper: returns status and parsed body. */
  call(
    method: string,
    path: string,
    options?: { cookie?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any; headers: Headers }>;
  close(): Promise<void>;
}

export async function createTestApp(): Promise<TestApp> {
  const database = await createTestDatabase();
  const demo = await createDemoTown(database.db, TEST_PASSWORD);
  const app = createApp({
    db: database.db,
    logger: pino({ level: 'silent' }),
    config: { secureCookies: false, sessionIdleHours: 12, sessionMaxDays: 7, webDir: WEB_DIST },
  });
  const call: TestApp['call'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.cookie) headers.cookie = options.cookie;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }
    const res = await app.request(path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };
  const login = async (username: string, password = TEST_PASSWORD) => {
    const res = await app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (res.status !== 200)
      throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
    const cookie = res.headers.get('set-cookie') ?? '';
    return cookie.split(';')[0]!;
  };
  return { app, database, townId: demo.townId, login, call, close: () => database.close() };
}
