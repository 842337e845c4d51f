/**
 * `lvzhi serve` (and `npm start`): build the web UI if stale, migrate, create the demo town on
 * an empty database (printing the generated password to the terminal only), then serve.
 */
import { serve } from '@hono/node-server';
import { generatePassword } from '../domains/auth/password.ts';
import { createDemoTown } from '../demo/demo-town.ts';
import { createApp } from '../server/app.ts';
import { WEB_DIST } from '../server/config.ts';
import { startScheduler } from '../server/scheduler.ts';
import { buildWebIfStale } from '../server/web-build.ts';
import { openForCli } from './context.ts';

export async function runServe(): Promise<void> {
  const { env, database, logger } = await openForCli();
  await buildWebIfStale((m) => logger.info(m));
  const db = database.db;
  const anyTown = await db.selectFrom('town').select('id').limit(1).executeTakeFirst();
  if (!anyTown && env.LVZHI_NO_DEMO !== '1') {
    const password = env.LVZHI_ADMIN_PASSWORD ?? generatePassword();
    const demo = await createDemoTown(db, password);
    logger.info({ townId: demo.townId, people: demo.people, villages: demo.villages }, 'demo town created');
    // stdout only, never the log: the password must not end up in log files.
    process.stdout.write(
      [
        '',
        '==================== 履职 lvzhi 首次启动 ====================',
        '已创建演示乡镇：青石镇（16 个村/社区）',
        `管理员账号：admin    初始密码：${env.LVZHI_ADMIN_PASSWORD ? '（LVZHI_ADMIN_PASSWORD 指定的密码）' : password}`,
        `各角色演示账号（同一密码）：${demo.users.filter((u) => u !== 'admin').join('、')}`,
        '此密码只显示这一次，请妥善保存并尽快修改。',
        '==============================================================',
        '',
      ].join('\n'),
    );
  }
  const app = createApp({
    db,
    logger,
    config: { secureCookies: env.LVZHI_SECURE_COOKIES === '1', sessionIdleHours: env.LVZHI_SESSION_IDLE_HOURS, sessionMaxDays: env.LVZHI_SESSION_MAX_DAYS, webDir: WEB_DIST },
  });
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    logger.info({ database: database.location }, `lvzhi listening on http://${info.address}:${info.port}`);
    process.stdout.write(`履职 lvzhi 已启动：http://${env.HOST}:${info.port}\n`);
  });
  const stopScheduler = startScheduler(db, logger);
  const shutdown = () => {
    stopScheduler();
    logger.info('shutting down');
    server.close(() => void database.close().then(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
