/**
 * The real server as a separate process for the load bench and the soak (bench/load.ts,
 * bench/soak.ts): `node bin/lvzhi.js serve` on a fresh PGlite directory or a fresh PostgreSQL
 * database, with the demo town and a known password; its resident memory read from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const PASSWORD = 'Bench-Passw0rd-2026';

export interface Served {
  url: string;
  pid: number;
  location: string;
  /** Resident set size of the server process in MB (VmRSS). */
  rssMb(): number;
  login(username: string): Promise<string>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** A fresh database on the PostgreSQL server of `adminUrl` (dropped by `stop`). */
async function freshPostgres(adminUrl: string) {
  const name = `lvzhi_load_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
  return { url: url.toString(), drop };
}

export async function startServer(
  options: {
    databaseUrl?: string;
    /** Serve this database as it is (e.g. the city of `lvzhi demo --scale city`); never dropped. */
    existingUrl?: string;
    nodeFlags?: string[];
    env?: Record<string, string>;
  } = {},
): Promise<Served> {
  const port = await freePort();
  let cleanup: () => Promise<void> | void;
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(port),
    HOST: '127.0.0.1',
    LVZHI_ADMIN_PASSWORD: PASSWORD,
    LVZHI_LOG_LEVEL: 'warn',
    ...options.env,
  };
  let location: string;
  if (options.existingUrl) {
    env.DATABASE_URL = options.existingUrl;
    cleanup = () => undefined;
    location = 'PostgreSQL（已有数据）';
  } else if (options.databaseUrl) {
    const fresh = await freshPostgres(options.databaseUrl);
    env.DATABASE_URL = fresh.url;
    cleanup = fresh.drop;
    location = 'PostgreSQL';
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lvzhi-bench-'));
    env.LVZHI_DATA_DIR = dir;
    delete env.DATABASE_URL;
    cleanup = () => rmSync(dir, { recursive: true, force: true });
    location = 'PGlite';
  }
  const bin = path.resolve(import.meta.dirname, '../bin/lvzhi.js');
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.nodeFlags ?? []), bin, 'serve'],
    { env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('已启动')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    pid: child.pid!,
    location,
    rssMb: () => rssOf(child.pid!),
    async login(username) {
      const res = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: process.env.BENCH_PASSWORD ?? PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
      return res.headers.get('set-cookie')!.split(';')[0]!;
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await cleanup();
    },
  };
}

/** GET as JSON with a cookie (for picking ids to drive). */
export async function getJson(served: Served, cookie: string, url: string): Promise<any> {
  const res = await fetch(`${served.url}${url}`, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}
