/**
 * Running `lvzhi` as an operator does in tests: separate processes configured only through the
 * environment, and `lvzhi serve` started on a free port and stopped with SIGTERM.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const BIN = fileURLToPath(new URL('../../bin/lvzhi.js', import.meta.url));
export const PASSWORD = 'Cli-test-2025';

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `lvzhi …` against one database, chosen the way an operator chooses it. */
export async function lvzhi(
  target: { dataDir?: string; url?: string },
  ...args: string[]
): Promise<Result> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LVZHI_LOG_LEVEL: 'warn',
    LVZHI_ADMIN_PASSWORD: PASSWORD,
    LVZHI_NO_DEMO: '0',
  };
  delete env.DATABASE_URL;
  delete env.LVZHI_DATA_DIR;
  if (target.url) env.DATABASE_URL = target.url;
  else if (target.dataDir) env.LVZHI_DATA_DIR = target.dataDir;
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof e.code === 'number' ? e.code : -1,
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? '',
    };
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface Served {
  child: ChildProcess;
  port: number;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: string | null }>;
}

/** `lvzhi serve` as an operator starts it, without the web build (not under test). */
export async function startServe(
  dataDir: string,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<Served> {
  const served = await spawnServe(dataDir, extraEnv);
  // Generous: a loaded CI machine (or a shared one) can take minutes to start PGlite.
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (served.child.exitCode !== null) throw new Error(`serve exited early: ${served.stderr()}`);
    const ok = await fetch(`http://127.0.0.1:${served.port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok && served.stdout().includes('已启动')) break;
    if (Date.now() > deadline) throw new Error(`serve did not become healthy: ${served.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return served;
}

/** Starts `lvzhi serve` without waiting for it (for a second serve that is expected to refuse). */
export async function spawnServe(
  dataDir: string,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<Served> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LVZHI_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LVZHI_LOG_LEVEL: 'info',
    ...extraEnv,
  };
  for (const key of [
    'DATABASE_URL',
    'LVZHI_ADMIN_PASSWORD',
    ...(extraEnv.LVZHI_NO_DEMO ? [] : ['LVZHI_NO_DEMO']),
  ])
    delete env[key];
  const child = spawn(process.execPath, [BIN, 'serve', '--no-web-build'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, port, stdout: () => out, stderr: () => err, exited };
}

export async function stopServe(served: Served) {
  served.child.kill('SIGTERM');
  return served.exited;
}
