/**
 * Opens the database: embedded PGlite (files under a data directory, or in memory) or real
 * PostgreSQL through `pg`. Both speak the same SQL; this is the one place where their value
 * types are normalised (int8/numeric → number, date → 'YYYY-MM-DD' string).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock, type LockHolder } from './data-dir-lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** Human-readable location for logs (never contains a password). */
  location: string;
  /** A PGlite data directory's stale lock this opener took over (its holder had died). */
  staleLock?: LockHolder | null;
  close(): Promise<void>;
  /** Connections open, idle, and queries waiting for one (for /metrics). */
  poolStats(): PoolStats;
  /** PGlite only: the whole data directory as a tarball (test snapshots). */
  dumpDataDir?: () => Promise<Blob>;
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

/** A read-only opener found no database where it was told to look (and created none). */
export class DatabaseMissing extends Error {
  constructor(readonly dataDir: string) {
    super(
      `数据目录 ${dataDir} 中没有 lvzhi 数据库（未新建）。请检查 LVZHI_DATA_DIR（或 DATABASE_URL）是否指向服务使用的数据库。`,
    );
    this.name = 'DatabaseMissing';
  }
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

/** Value parsers shared by both back-ends, so a count is a number whichever database answered. */
const parsers: Record<number, (value: string) => unknown> = {
  [INT8]: (v) => Number(v),
  [NUMERIC]: (v) => Number(v),
  [DATE]: (v) => v,
};

export interface OpenOptions {
  /** postgres://… selects PostgreSQL. */
  databaseUrl?: string;
  /** PGlite data directory; 'memory://' for a throwaway in-memory database. */
  dataDir?: string;
  poolSize?: number;
  /** Refuse (DatabaseMissing) rather than create a PGlite directory that does not exist yet. */
  mustExist?: boolean;
  /** Who takes the PGlite directory's lock (shown to a second opener); the command line by default. */
  command?: string;
  /** In-memory PGlite only: start from this data directory tarball (test snapshots). */
  loadDataDir?: Blob;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  const dataDir = options.dataDir ?? './data';
  if (dataDir === 'memory://')
    return openPGliteClient(undefined, 'PGlite（内存）', () => {}, options.loadDataDir);
  // PGlite writes PG_VERSION when it creates a cluster; without it, opening would create one.
  if (options.mustExist && !existsSync(path.join(dataDir, 'PG_VERSION')))
    throw new DatabaseMissing(path.resolve(dataDir));
  // Locked before PGlite touches a file: a second process must never open the directory.
  const lock = acquireDataDirLock(dataDir, options.command);
  const onExit = () => lock.release();
  process.on('exit', onExit);
  const release = () => {
    lock.release();
    process.off('exit', onExit);
  };
  try {
    const database = await openPGliteClient(dataDir, `PGlite ${path.resolve(dataDir)}`, release);
    return { ...database, staleLock: lock.replaced };
  } catch (error) {
    release();
    throw error;
  }
}

async function openPGliteClient(
  dataDir: string | undefined,
  location: string,
  release: () => void,
  loadDataDir?: Blob,
): Promise<Database> {
  const client = await PGlite.create(dataDir, { extensions: { pg_trgm }, parsers, loadDataDir });
  const dialect = new PGliteDialect(client);
  const db = new Kysely<DB>({ dialect });
  return {
    db,
    kind: 'pglite',
    location,
    close: async () => {
      try {
        await db.destroy();
      } finally {
        release();
      }
    },
    poolStats: () => dialect.stats(),
    dumpDataDir: () => client.dumpDataDir('none'),
  };
}

function openPostgres(url: string, max: number): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        parsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle pooled connection can be killed by the server (restart, failover, pg_terminate_backend).
  // Without a listener pg re-emits that as an unhandled 'error' and the process dies; the pool has
  // already dropped the client and the next query opens a fresh one, so noting it is enough.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL 空闲连接被服务器关闭：${error.message}`, {
      code: 'LVZHI_PG_IDLE',
    });
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    location: redactUrl(url),
    close: () => db.destroy(),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
