/**
 * `lvzhi serve` (and `npm start`): build the web UI if stale, migrate, then on an empty database
 * either create the demo town (printing the generated password to the terminal only) or, with
 * LVZHI_NO_DEMO=1, print the commands that set up the first county, town and admin; then serve.
 * Stdout carries only these human messages; logs go to stderr (see context.ts).
 */
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Database } from '../db/database.ts';
import { generatePassword } from '../domains/auth/password.ts';
import { createDemoTown } from '../demo/demo-town.ts';
import { createApp } from '../server/app.ts';
import { answerClientErrors } from '../server/client-errors.ts';
import { rephraseConfig, WEB_DIST, type EnvConfig } from '../server/config.ts';
import { startScheduler, type RunningScheduler } from '../server/scheduler.ts';
import { countRuns, gracefulShutdown, trackInFlight } from '../server/shutdown.ts';
import { buildWebIfStale } from '../server/web-build.ts';
import { openForCli } from './context.ts';
import { openReplicaRouter, type ReplicaRouter } from '../db/replica.ts';
import { anyTownId } from '../db/probe.ts';

const TITLE = '==================== 履职 lvzhi 首次启动 ====================';
const RULE = '==============================================================';

export async function runServe(options: { webBuild?: boolean } = {}): Promise<void> {
  const { env, database, logger } = await openForCli('create');
  if (options.webBuild !== false) await buildWebIfStale((m) => logger.info(m));
  const db = database.db;
  const anyTown = await anyTownId(db);
  if (!anyTown && env.LVZHI_NO_DEMO !== '1') await createDemo(db, env, logger);
  else if (!anyTown) process.stdout.write(setupInstructions(database));
  // The app reads the counters of the scheduler, which starts after the server below.
  const started: { scheduler?: RunningScheduler } = {};
  const replica = await openReplica(env, db, logger);
  const app = createApp({
    db,
    logger,
    replica,
    pool: () => database.poolStats(),
    scheduler: () => started.scheduler?.stats,
    config: {
      metricsToken: env.LVZHI_METRICS_TOKEN,
      secureCookies: env.LVZHI_SECURE_COOKIES === '1',
      sessionIdleHours: env.LVZHI_SESSION_IDLE_HOURS,
      sessionMaxDays: env.LVZHI_SESSION_MAX_DAYS,
      webDir: WEB_DIST,
      allowedOrigins: env.LVZHI_ORIGINS,
      rephrase: rephraseConfig(env),
    },
  });
  const handlers = countRuns(app.fetch);
  const server = serve({ fetch: handlers.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    logger.info(
      { database: database.location },
      `lvzhi listening on http://${info.address}:${info.port}`,
    );
    process.stdout.write(`履职 lvzhi 已启动：http://${env.HOST}:${info.port}\n`);
  });
  answerClientErrors(server);
  const running = startScheduler(db, logger);
  started.scheduler = running;
  const shutdown = gracefulShutdown({
    server: server as Server,
    inFlight: trackInFlight(server as Server, handlers),
    logger,
    graceSeconds: env.LVZHI_SHUTDOWN_SECONDS,
    stop: async () => {
      await running.stop();
      logger.info({ scheduler: running.stats }, 'scheduler stopped');
      await replica?.close();
      await database.close();
      logger.info('database closed; stopped');
    },
  });
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

/** The read replica of DATABASE_REPLICA_URL; its state changes go to the log. */
async function openReplica(
  env: EnvConfig,
  db: Kysely<DB>,
  logger: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void },
): Promise<ReplicaRouter | undefined> {
  if (!env.DATABASE_REPLICA_URL) return undefined;
  const router = await openReplicaRouter(db, env.DATABASE_REPLICA_URL, {
    maxLagSeconds: env.LVZHI_REPLICA_MAX_LAG_SECONDS,
    onChange: (status) =>
      status.usable
        ? logger.info({ replica: status }, 'read replica in use')
        : logger.warn({ replica: status }, 'read replica set aside: reads go to the primary'),
  });
  logger.info({ replica: router.replica.location, status: router.status() }, 'read replica opened');
  return router;
}

async function createDemo(
  db: Kysely<DB>,
  env: EnvConfig,
  logger: { info(obj: object, msg: string): void },
) {
  const password = env.LVZHI_ADMIN_PASSWORD ?? generatePassword();
  const demo = await createDemoTown(db, password);
  logger.info(
    { townId: demo.townId, people: demo.people, villages: demo.villages },
    'demo town created',
  );
  // stdout only, never the log: the password must not end up in log files.
  process.stdout.write(
    [
      '',
      TITLE,
      '已创建演示乡镇：青石镇（16 个村/社区）',
      `管理员账号：admin    初始密码：${env.LVZHI_ADMIN_PASSWORD ? '（LVZHI_ADMIN_PASSWORD 指定的密码）' : password}`,
      `各角色演示账号（同一密码）：${demo.users.filter((u) => u !== 'admin').join('、')}`,
      '其中 yunwei 是系统运维：只维护全国统一的工作日历，不能查看乡镇数据。',
      '此密码只显示这一次，请妥善保存并尽快修改。',
      RULE,
      '',
    ].join('\n'),
  );
}

/**
 * A real install starts empty (LVZHI_NO_DEMO=1): say exactly how to create the first county,
 * town and admin. The embedded database is opened by one process at a time, so with PGlite the
 * service has to be stopped for the commands; PostgreSQL takes them while it runs.
 */
export function setupInstructions(database: Pick<Database, 'kind'>): string {
  const embedded = database.kind !== 'postgres';
  return [
    '',
    TITLE,
    '数据库中还没有乡镇（LVZHI_NO_DEMO=1，未创建演示乡镇）。请建立第一个县（区）、乡镇和管理员：',
    embedded
      ? '先按 Ctrl+C 停止服务（内嵌数据库同一时间只能由一个程序打开），再在程序目录下执行：'
      : '在另一个终端、程序目录下执行（服务不必停止）：',
    '',
    '  node bin/lvzhi.js county add --name 某某县 --code mouxian',
    '  node bin/lvzhi.js town add --county mouxian --name 某某镇 --code mouzhen --admin admin',
    '',
    '把名称和编码换成本地的（编码用小写字母，如拼音）。执行时使用与服务相同的环境变量',
    `（${embedded ? 'LVZHI_DATA_DIR' : 'DATABASE_URL'}）。第二条命令会建立该乡镇的管理员账号 admin，并显示其初始密码（只显示一次）。`,
    `${embedded ? '然后重新启动服务，' : ''}用 admin 登录网页，在“组织机构 → 乡镇信息”中维护乡镇，在“单位”“人员”“用户”中建立组织和账号。`,
    RULE,
    '',
  ].join('\n');
}
