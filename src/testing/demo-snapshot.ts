/**
 * The demo town built once per test run and copied into each test file's database, instead of
 * every file generating three years of it again (about 9 s a file, most of the suite's time).
 * PGlite: the migrated demo's data directory as a tarball that each in-memory database starts
 * from. PostgreSQL: a template database each test database is created from. Built by the
 * suite's global setup (src/testing/global-setup.ts) and handed to the files with `provide`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createDemoTown } from '../demo/demo-town.ts';

export type DemoSnapshot =
  | { kind: 'pglite'; file: string; townId: string }
  | { kind: 'postgres'; template: string; townId: string };

declare module 'vitest' {
  export interface ProvidedContext {
    demoSnapshot: DemoSnapshot | null;
  }
}

/** Builds the snapshot on the database the suite runs on; `password` is every demo user's. */
export async function buildDemoSnapshot(password: string): Promise<DemoSnapshot> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const database = await openDatabase({ dataDir: 'memory://' });
    try {
      await migrateToLatest(database.db);
      const { townId } = await createDemoTown(database.db, password);
      const dir = mkdtempSync(path.join(os.tmpdir(), 'lvzhi-demo-'));
      const file = path.join(dir, 'demo.tar');
      writeFileSync(file, Buffer.from(await (await database.dumpDataDir!()).arrayBuffer()));
      return { kind: 'pglite', file, townId };
    } finally {
      await database.close();
    }
  }
  const template = `lvzhi_demo_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (c) => c.query(`create database ${template}`));
  const url = new URL(adminUrl);
  url.pathname = `/${template}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  try {
    await migrateToLatest(database.db);
    const { townId } = await createDemoTown(database.db, password);
    return { kind: 'postgres', template, townId };
  } finally {
    await database.close();
  }
}

export async function dropDemoSnapshot(snapshot: DemoSnapshot): Promise<void> {
  if (snapshot.kind === 'pglite') {
    rmSync(path.dirname(snapshot.file), { recursive: true, force: true });
    return;
  }
  await withAdmin(process.env.TEST_DATABASE_URL!, (c) =>
    c.query(`drop database if exists ${snapshot.template} with (force)`),
  );
}

/** The tarball to start an in-memory PGlite from. */
export function snapshotBlob(snapshot: DemoSnapshot & { kind: 'pglite' }): Blob {
  return new Blob([readFileSync(snapshot.file)]);
}

export async function withAdmin<T>(
  url: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
