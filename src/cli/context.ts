/**
 * What every CLI verb needs: the validated environment, an open database, and a logger. Verbs
 * close the database when done. Logs (JSON lines) go to stderr, so stdout carries only what a
 * person reads: results, the database the verb opened, and the first-start banner.
 *
 * A verb declares what it may do to the database: `create` may make a new one (serve, migrate,
 * demo, restore, county add — the first steps of an install), `write` and `read` need an existing,
 * migrated one; `read` never migrates it either (an operator's `backup` with a mistyped
 * LVZHI_DATA_DIR must not silently create and back up an empty database).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { Migrator } from 'kysely';
import { DataDirLocked, describeHolder } from '../db/data-dir-lock.ts';
import { DatabaseMissing, openDatabase, type Database } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { migrations } from '../db/migrations/index.ts';
import { databaseOptions, readEnv, type EnvConfig } from '../server/config.ts';

export type CliAccess = 'create' | 'write' | 'read';

export async function openForCli(
  access: CliAccess,
  options: { migrate?: boolean } = {},
): Promise<{ env: EnvConfig; database: Database; logger: pino.Logger }> {
  const env = readEnv();
  const logger = pino({ level: env.LVZHI_LOG_LEVEL }, pino.destination({ dest: 2, sync: true }));
  const dbOptions = databaseOptions(env);
  const fresh = !!dbOptions.dataDir && !existsSync(path.join(dbOptions.dataDir, 'PG_VERSION'));
  let database: Database;
  try {
    database = await openDatabase({ ...dbOptions, mustExist: access !== 'create' });
  } catch (error) {
    if (error instanceof DataDirLocked || error instanceof DatabaseMissing) fail(error.message);
    throw error;
  }
  if (database.staleLock)
    process.stderr.write(
      `注意：${describeHolder(dbOptions.dataDir ?? '', database.staleLock).split('。')[0]}——该进程已不存在（未正常退出），已接管它遗留的锁。\n`,
    );
  process.stdout.write(`${fresh ? '已新建数据库' : '数据库'}：${database.location}\n`);
  const pending = await pendingMigrations(database);
  if (access !== 'create' && pending.length === Object.keys(migrations).length) {
    await database.close();
    fail(`${database.location} 中没有 lvzhi 的数据表（不是 lvzhi 数据库，或尚未初始化）。`);
  }
  if (access === 'read' && pending.length) {
    await database.close();
    fail(
      `${database.location} 的结构不是最新（待执行迁移 ${pending.join('、')}）：只读命令不修改数据库，请先执行 lvzhi migrate。`,
    );
  }
  if (access !== 'read' && options.migrate !== false && pending.length) {
    const applied = await migrateToLatest(database.db);
    if (applied.length) logger.info({ applied }, 'migrations applied');
  }
  return { env, database, logger };
}

async function pendingMigrations(database: Database): Promise<string[]> {
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations },
  });
  return (await migrator.getMigrations()).filter((m) => !m.executedAt).map((m) => m.name);
}

export function fail(message: string): never {
  process.stderr.write(`错误：${message}\n`);
  process.exit(1);
}
