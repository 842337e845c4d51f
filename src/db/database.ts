/**
 * Opens the database: embedded PGlite (files under a data directory, or in memory) or real
 * PostgreSQL through `pg`. Both speak the same SQL; this is the one place where their value
 * types are normalised (int8/numeric → number, date → 'YYYY-MM-DD' string).
 */
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** Human-readable location for logs (never contains a password). */
  location: string;
  close(): Promise<void>;
  /** Connections open, idle, and queries waiting for one (for /metrics). */
  poolStats(): PoolStats;
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
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
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPGlite(options.dataDir ?? './data');
}

async function openPGlite(dataDir: string): Promise<Database> {
  const client = await PGlite.create(dataDir === 'memory://' ? undefined : dataDir, {
    extensions: { pg_trgm },
    parsers,
  });
  const dialect = new PGliteDialect(client);
  const db = new Kysely<DB>({ dialect });
  return {
    db,
    kind: 'pglite',
    location: dataDir === 'memory://' ? 'PGlite（内存）' : `PGlite ${dataDir}`,
    close: () => db.destroy(),
    poolStats: () => dialect.stats(),
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
