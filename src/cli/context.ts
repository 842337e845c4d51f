/**
 * What every CLI verb needs: the validated environment, an open and migrated database, and a
 * logger. Verbs close the database when done. Logs (JSON lines) go to stderr, so stdout carries
 * only what a person reads: results, and the first-start banner with its one-time password.
 */
import pino from 'pino';
import { openDatabase, type Database } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { databaseOptions, readEnv, type EnvConfig } from '../server/config.ts';

export async function openForCli(
  options: { migrate?: boolean } = {},
): Promise<{ env: EnvConfig; database: Database; logger: pino.Logger }> {
  const env = readEnv();
  const logger = pino({ level: env.LVZHI_LOG_LEVEL }, pino.destination({ dest: 2, sync: true }));
  const database = await openDatabase(databaseOptions(env));
  if (options.migrate !== false) {
    const applied = await migrateToLatest(database.db);
    if (applied.length) logger.info({ applied }, 'migrations applied');
  }
  return { env, database, logger };
}

export function fail(message: string): never {
  process.stderr.write(`错误：${message}\n`);
  process.exit(1);
}
