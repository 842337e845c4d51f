/**
 * The real server as an operator runs it, for the fault suite: `lvzhi serve` in its own process on
 * a PGlite directory or a PostgreSQL database, an HTTP client that counts requests in flight, and
 * the signals (SIGKILL, SIGTERM) the suite sends. Nothing here reads the database.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const BIN = fileURLToPath(new URL('../../bin/lvzhi.js', import.meta.url));
export const FAULT_PASSWORD = 'Fault-suite-2025';

/** Where the server keeps its data: a PGlite directory, or a PostgreSQL database URL. */
export type Target = { dataDir: string; url?: undefined } | { url: string; dataDir?: undefined };

function envFor(target: Target, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LVZHI_ADMIN_PASSWORD: FAULT_PASSWORD,
    LVZHI_LOG_LEVEL: 'info',
    ...extra,
  };
  for (const key of ['DATABASE_URL', 'LVZHI_DATA_DIR', 'LVZHI_NO_DEMO']) delete env[key];
  if (target.url) env.DATABASE_URL = target.url;
  else env.LVZHI_DATA_DIR = target.dataDir;
  return env;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface Exit {
  code: number | null;
  signal: string | null;
}

export interface Served {
  child: ChildProcess;
  base: string;
  stdout(): string;
  /** JSON log lines written so far. */
  logs(): Record<string, unknown>[];
  exited: Promise<Exit>;
}

/** Starts `lvzhi serve` and resolves once /healthz answers (first start creates the demo town). */
export async function startServer(
  target: Target,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<Served> {
  const port = await freePort();
  const env = envFor(target, { PORT: String(port), HOST: '127.0.0.1', ...extraEnv });
  const child = spawn(process.execPath, [BIN, 'serve', '--no-web-build'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<Exit>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`lvzhi serve exited while starting:\n${err}`);
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok && out.includes('已启动')) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`lvzhi serve did not become healthy:\n${err}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const logs = () =>
    err
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { child, base, stdout: () => out, logs, exited };
}

/** SIGKILL: no handler runs, no response is finished, the database is not closed. */
export async function killHard(served: Served): Promise<Exit> {
  served.child.kill('SIGKILL');
  return served.exited;
}

const run = promisify(execFile);

/** Runs a `lvzhi` verb against the target (the server must not be running on a PGlite directory). */
export async function lvzhi(
  target: Target,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: envFor(target, { LVZHI_LOG_LEVEL: 'warn' }),
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

export interface Reply {
  status: number;
  body: any;
}

/**
 * HTTP client of one running server. `inFlight` counts requests sent and not yet answered, across
 * every session of this client; a request cut by a kill rejects (its write is unacknowledged).
 */
export class Client {
  inFlight = 0;
  constructor(readonly base: string) {}

  async login(username: string): Promise<string> {
    const res = await fetch(`${this.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: FAULT_PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  }

  async send(
    method: string,
    path: string,
    cookie: string,
    body?: unknown,
    contentType = 'application/json',
  ): Promise<Reply> {
    this.inFlight++;
    try {
      const res = await fetch(`${this.base}${path}`, {
        method,
        headers: { cookie, ...(body === undefined ? {} : { 'content-type': contentType }) },
        body:
          body === undefined
            ? undefined
            : body instanceof Uint8Array
              ? (body as unknown as BodyInit)
              : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        /* not JSON */
      }
      return { status: res.status, body: parsed };
    } finally {
      this.inFlight--;
    }
  }
}

/**
 * Sends a request whose answer is NDJSON (the ledger import with progress) and calls `onLine` for
 * each line as it arrives; resolves with the last line. Counts as in flight until the stream ends.
 */
export async function streamLines(
  client: Client,
  path: string,
  cookie: string,
  body: Uint8Array,
  contentType: string,
  onLine: (line: Record<string, unknown>) => void,
): Promise<Record<string, unknown>> {
  client.inFlight++;
  try {
    const res = await fetch(`${client.base}${path}`, {
      method: 'POST',
      headers: { cookie, 'content-type': contentType, accept: 'application/x-ndjson' },
      body: body as unknown as BodyInit,
    });
    if (!res.body) throw new Error(`no body: ${res.status}`);
    let buffered = '';
    let last: Record<string, unknown> = { type: 'none', status: res.status };
    const decoder = new TextDecoder();
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffered += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffered.indexOf('\n')) >= 0) {
        last = JSON.parse(buffered.slice(0, end)) as Record<string, unknown>;
        buffered = buffered.slice(end + 1);
        onLine(last);
      }
    }
    return last;
  } finally {
    client.inFlight--;
  }
}

/**
 * Runs `count` loops of `job` (given its worker number) until it returns false. Once `killed()` is
 * true a failing job (connection refused or reset) just ends its loop; before that, a failure is a
 * real one and is thrown once every loop has ended.
 */
export async function workers(
  count: number,
  killed: () => boolean,
  job: (worker: number) => Promise<boolean>,
): Promise<void> {
  const failures: unknown[] = [];
  await Promise.all(
    Array.from({ length: count }, async (_, worker) => {
      for (;;) {
        try {
          if (!(await job(worker))) return;
        } catch (error) {
          if (!killed()) failures.push(error);
          return;
        }
      }
    }),
  );
  if (failures.length) throw failures[0];
}
