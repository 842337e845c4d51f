/**
 * A throwaway PostgreSQL primary with a hot standby fed by streaming replication, for the replica
 * test (src/db/replica.replica.ts): initdb, pg_basebackup -R, a second postmaster. Runs the
 * PostgreSQL binaries as `postgres` through runuser when started as root (CI), directly otherwise.
 * PG_BIN overrides the binaries' directory (default: the newest /usr/lib/postgresql/N/bin).
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface StreamingPair {
  primaryPort: number;
  replicaPort: number;
  /** postgres://postgres@127.0.0.1:<primary>/postgres */
  primaryUrl: string;
  /** The same URL (same database) on the standby's port. */
  onReplica(url: string): string;
  /** Runs one statement on the standby as the superuser. */
  onStandby<T>(text: string): Promise<T[]>;
  stop(): void;
}

function pgBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(a) - Number(b)) : [];
  if (!versions.length) throw new Error('PostgreSQL binaries not found (set PG_BIN)');
  return path.join(root, versions.at(-1)!, 'bin');
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

async function query<T>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

export async function startStreamingPair(): Promise<StreamingPair> {
  const bin = pgBin();
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lvzhi-replica-'));
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]) =>
    root
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args], {
          stdio: 'pipe',
        })
      : execFileSync(path.join(bin, tool), args, { stdio: 'pipe' });
  const primaryPort = await freePort();
  const replicaPort = await freePort();
  const primaryDir = path.join(dir, 'primary');
  const replicaDir = path.join(dir, 'replica');
  const options = (port: number) =>
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
  const started: string[] = [];
  const stop = () => {
    for (const data of started.reverse())
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        /* already down */
      }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('initdb', ['-D', primaryDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
    run('pg_ctl', [
      '-D',
      primaryDir,
      '-w',
      '-l',
      `${primaryDir}.log`,
      '-o',
      options(primaryPort),
      'start',
    ]);
    started.push(primaryDir);
    // -R writes primary_conninfo and standby.signal: the copy starts as a streaming standby.
    run('pg_basebackup', [
      ...['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replicaDir],
      ...['-R', '-X', 'stream', '--checkpoint=fast', '--no-sync'],
    ]);
    run('pg_ctl', [
      '-D',
      replicaDir,
      '-w',
      '-l',
      `${replicaDir}.log`,
      '-o',
      options(replicaPort),
      'start',
    ]);
    started.push(replicaDir);
  } catch (error) {
    stop();
    const e = error as { stderr?: Buffer };
    throw new Error(`streaming pair failed to start: ${e.stderr?.toString() ?? String(error)}`, {
      cause: error,
    });
  }
  const primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/postgres`;
  const onReplica = (url: string) => {
    const u = new URL(url);
    u.port = String(replicaPort);
    return u.toString();
  };
  return {
    primaryPort,
    replicaPort,
    primaryUrl,
    onReplica,
    onStandby: (text) => query(onReplica(primaryUrl), text),
    stop,
  };
}
