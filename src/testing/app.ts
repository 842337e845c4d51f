/**
 * A complete app over a fresh test database, for route tests that call `app.request()` without a
 * socket: with the demo town (the default), or with one empty town (`demo: false`) that a test
 * fills with fixture builders (town.ts). `login(username)` returns a cookie header for that user.
 */
import pino from 'pino';
import { inject } from 'vitest';
import { createDemoTown } from '../demo/demo-town.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { createCounty, createTown } from '../domains/org/town.service.ts';
import { createApp } from '../server/app.ts';
import type { AppConfig } from '../http/env.ts';
import type { ReplicaRouter } from '../db/replica.ts';

export { TEST_PASSWORD } from './password.ts';
import { TEST_PASSWORD } from './password.ts';
import { IN_PROCESS_CONFIG } from './app-config.ts';

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

/** An empty town (no unit, person or user) in its own county, as `lvzhi town add` leaves it. */
export async function createEmptyTown(db: TestDatabase['db']): Promise<string> {
  const county = await createCounty(db, { name: '测试县', code: 'testcounty' });
  const town = await createTown(db, { actor: null, ip: null }, county.id, {
    name: '测试镇',
    code: 'testtown',
  });
  return town.id;
}

/** The demo town of this test run, when the global setup built one (demo-snapshot.ts). */
function demoSnapshot() {
  try {
    return inject('demoSnapshot') ?? null;
  } catch {
    return null;
  }
}

export async function createTestApp(
  options: {
    demo?: boolean;
    config?: Partial<AppConfig>;
    /** A read replica of the test database (src/db/replica.replica.ts). */
    replica?: (database: TestDatabase) => Promise<ReplicaRouter>;
  } = {},
): Promise<TestApp> {
  const snapshot = options.demo === false ? null : demoSnapshot();
  const database = await createTestDatabase({ from: snapshot ?? undefined });
  const townId =
    options.demo === false
      ? await createEmptyTown(database.db)
      : (snapshot?.townId ?? (await createDemoTown(database.db, TEST_PASSWORD)).townId);
  const replica = options.replica ? await options.replica(database) : undefined;
  const app = createApp({
    db: database.db,
    replica,
    logger: pino({ level: 'silent' }),
    config: { ...IN_PROCESS_CONFIG, ...options.config },
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
  const close = async () => {
    await replica?.close();
    await database.close();
  };
  return { app, database, townId, login, call, close };
}
