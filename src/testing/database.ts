/**
 * Test databases: an in-memory PGlite by default, or — when TEST_DATABASE_URL is set — a fresh
 * PostgreSQL database created for the calling test file and dropped after it. Either way the
 * schema is migrated, so every test file starts from the same empty state.
 */
import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { snapshotBlob, withAdmin, type DemoSnapshot } from './demo-snapshot.ts';

export interface TestDatabase extends Database {
  /** Connection string of the created database, when on PostgreSQL. */
  url?: string;
}

export async function createTestDatabase(
  options: { migrate?: boolean; from?: DemoSnapshot } = {},
): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  const from = options.from;
  let database: TestDatabase;
  if (!adminUrl) {
    database = await openDatabase({
      dataDir: 'memory://',
      loadDataDir: from?.kind === 'pglite' ? snapshotBlob(from) : undefined,
    });
  } else {
    const name = `lvzhi_t_${randomBytes(6).toString('hex')}`;
    const template = from?.kind === 'postgres' ? ` template ${from.template}` : '';
    await withAdmin(adminUrl, (c) => c.query(`create database ${name}${template}`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const opened = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
    database = {
      ...opened,
      url: url.toString(),
      close: async () => {
        await opened.close();
        // Sockets of the closed pool may still be saying goodbye; wait for them rather than kill
        // them (a killed connection surfaces as an unhandled error in whichever test runs next).
        await withAdmin(adminUrl, async (c) => {
          for (let attempt = 0; attempt < 50; attempt++) {
            const { rows } = await c.query(
              'select count(*)::int as n from pg_stat_activity where datname = $1',
              [name],
            );
            if (rows[0].n === 0) break;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
          await c.query(`drop database if exists ${name} with (force)`);
        });
      },
    };
  }
  if (options.migrate !== false) await migrateToLatest(database.db);
  return database;
}
