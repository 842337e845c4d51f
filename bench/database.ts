/**
 * The database a bench runs on: in-memory PGlite by default, or a fresh PostgreSQL database
 * created under BENCH_DATABASE_URL (and dropped afterwards). Besides the app's Kysely handle it
 * gives `raw`, the bare driver (PGlite `query` or a `pg` pool), for the floor measurements.
 */
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { PGliteDialect } from '../src/db/pglite-dialect.ts';
import type { DB } from '../src/db/schema.ts';

export interface BenchDatabase {
  db: Kysely<DB>;
  kind: 'pglite' | 'postgres';
  raw<R>(text: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

// Same value parsers as src/db/database.ts, so the floor decodes rows as the app does.
const parsers = {
  20: (v: string) => Number(v),
  1700: (v: string) => Number(v),
  1082: (v: string) => v,
};

export async function openBenchDatabase(): Promise<BenchDatabase> {
  const adminUrl = process.env.BENCH_DATABASE_URL;
  if (!adminUrl) {
    const client = await PGlite.create({ extensions: { pg_trgm }, parsers });
    const db = new Kysely<DB>({ dialect: new PGliteDialect(client) });
    await migrateToLatest(db);
    return {
      db,
      kind: 'pglite',
      raw: async (text, params) => (await client.query<any>(text, params)).rows,
      close: () => db.destroy(),
    };
  }
  const name = `lvzhi_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (text: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const opened = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  await migrateToLatest(opened.db);
  const pool = new pg.Pool({ connectionString: url.toString(), max: 1 });
  return {
    db: opened.db,
    kind: 'postgres',
    raw: async (text, params) => (await pool.query(text, params)).rows,
    close: async () => {
      await pool.end();
      await opened.close();
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}
