/**
 * Browser-test harness: starts the real server (`node bin/lvzhi.js serve`) on a free port with a
 * fresh data directory, and launches Debian's chromium through playwright-core.
 *
 * The first start of a server builds the demo town (three years of records, most of a start's
 * time). The run's global setup (e2e/support/global-setup.ts) starts one server on an empty
 * directory, which builds it, stops it, and hands the directory over: each journey file's server
 * starts on a copy of it, exactly as `npm start` restarts on an existing ./data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { inject } from 'vitest';

export const ADMIN_PASSWORD = 'E2eDemo12345pass';
const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export interface RunningServer {
  baseUrl: string;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s); returns the data directory if kept. */
  stop: (opts?: { keepData?: boolean }) => Promise<string | null>;
  /** Everything the server printed so far (pino JSON lines). */
  output: () => string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() =>
        typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForHealth(
  baseUrl: string,
  child: ChildProcess,
  log: () => string,
): Promise<void> {
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`server exited early (${child.exitCode}):\n${log()}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not become healthy:\n${log()}`);
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** A stopped server's data directory with the demo town built (null: build per file). */
    e2eDemoDir: string | null;
  }
}

/**
 * Starts a server on a fresh data directory, a copy of `from` when given; `env` adds to its
 * environment (e.g. a stub model server's address for 润色).
 */
export async function startServer(
  from: string | null = inject('e2eDemoDir') ?? null,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lvzhi-e2e-'));
  if (from) cpSync(from, dataDir, { recursive: true });
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, ['bin/lvzhi.js', 'serve'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      LVZHI_DATA_DIR: dataDir,
      PORT: String(port),
      LVZHI_ADMIN_PASSWORD: ADMIN_PASSWORD,
      NODE_ENV: 'production',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  await waitForHealth(baseUrl, child, () => output.slice(-4000));
  return {
    baseUrl,
    output: () => output,
    stop: async ({ keepData = false } = {}) => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, keepData ? 60_000 : 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (keepData) {
        if (child.exitCode !== 0)
          throw new Error(`server did not stop cleanly:\n${output.slice(-4000)}`);
        return dataDir;
      }
      rmSync(dataDir, { recursive: true, force: true });
      return null;
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
