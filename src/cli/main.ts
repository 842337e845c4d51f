/**
 * The `lvzhi` command. One file per verb; this file only wires them to commander. A verb's module
 * is imported when the verb runs: `serve` and the demo load the whole application, which a
 * `migrate` or `user add` does not need (it took most of their start-up time).
 */
import { Command } from 'commander';
import { fail, openForCli } from './context.ts';
import { registerBackupCommands } from './backup.ts';
import { registerOrgCommands } from './org.ts';
import { registerReportCommand } from './report.ts';
import type { CityOptions } from './demo-city.ts';

const program = new Command();
program.name('lvzhi').description('履职 — 乡镇履职工作系统').showHelpAfterError();

program
  .command('serve')
  .description('启动服务（网页界面 + API）')
  .option('--no-web-build', '不检查、不构建网页界面（沿用已有的 web/dist；测试和只用 API 时）')
  .action(async (opts: { webBuild: boolean }) => {
    const { runServe } = await import('./serve.ts');
    await runServe({ webBuild: opts.webBuild });
  });

program
  .command('migrate')
  .description('执行数据库迁移')
  .action(async () => {
    const { database } = await openForCli('create', { migrate: false });
    const { migrateToLatest } = await import('../db/migrate.ts');
    const applied = await migrateToLatest(database.db);
    console.log(applied.length ? `已执行迁移：${applied.join(', ')}` : '数据库已是最新');
    await database.close();
  });

program
  .command('demo')
  .description('在空数据库中创建演示乡镇（青石镇）')
  .option('--password <password>', '演示账号的密码（默认随机生成并显示）')
  .option(
    '--today <date>',
    '按该日期生成演示数据（YYYY-MM-DD，默认今天）：前两年完整，当年截至该日',
  )
  .option(
    '--scale <scale>',
    'city：演示乡镇加一个城市的数据（200 个乡镇、100 万件诉求、500 万条台账记录）',
  )
  .option('--towns <n>', '与 --scale city 一起：乡镇数（缩小规模时）')
  .option('--appeals <n>', '与 --scale city 一起：一年的诉求件数')
  .option('--records <n>', '与 --scale city 一起：一年的台账记录数')
  .action(async (opts: { password?: string; today?: string; scale?: string } & CityOptions) => {
    if (opts.scale !== undefined) {
      if (opts.scale !== 'city') fail('--scale 目前只支持 city');
      const { runCityDemo } = await import('./demo-city.ts');
      return runCityDemo(opts);
    }
    const { database, env } = await openForCli('create');
    const { createDemoTown, townExists } = await import('../demo/demo-town.ts');
    const { generatePassword } = await import('../domains/auth/password.ts');
    if (await townExists(database.db)) fail('演示乡镇已存在');
    const password = opts.password ?? env.LVZHI_ADMIN_PASSWORD ?? generatePassword();
    if (opts.today && !/^\d{4}-\d{2}-\d{2}$/u.test(opts.today)) fail('日期格式应为 YYYY-MM-DD');
    const demo = await createDemoTown(database.db, password, { today: opts.today });
    const [first, , year] = demo.clock.years;
    const covers = `数据覆盖${first}年1月1日至${demo.clock.today}（${year}年截至当日）`;
    console.log(
      `已创建青石镇：${demo.villages} 个村/社区，${demo.people} 名干部，${covers}。账号：${demo.users.join('、')}；密码：${password}`,
    );
    await database.close();
  });

program
  .command('import-ledger <type> <file>')
  .description('从 Excel（.xlsx）导入台账记录：整份文件全部无误才写入，否则列出出错的行和列')
  .requiredOption('--town <code>', '乡镇编码，如 qingshi')
  .option('--user <username>', '以该用户身份记录（默认“命令行导入”）')
  .action(async (type: string, file: string, opts: { town: string; user?: string }) => {
    const { runImportLedger } = await import('./import-ledger.ts');
    await runImportLedger(type, file, opts);
  });

const audit = program.command('audit').description('审计日志');
audit
  .command('verify')
  .description('校验各乡镇审计日志哈希链（篡改、删除含最新一条均可发现）')
  .action(async () => {
    const { database } = await openForCli('read');
    const { verifyAuditChains } = await import('../domains/audit/audit.verify.ts');
    const result = await verifyAuditChains(database.db);
    await database.close();
    if (result.problems.length) {
      for (const p of result.problems) console.error(`✗ 乡镇 ${p.townId} ${p.message}`);
      process.exit(2);
    }
    console.log(`✓ 审计链完好：${result.towns} 个乡镇，${result.entries} 条记录`);
  });

program
  .command('doctor')
  .description('检查安装：数据库连接、迁移、工作日历、磁盘空间、LibreOffice、定时任务（只读）')
  .option('--json', '以 JSON 输出（供监控脚本使用）')
  .action(async (opts: { json?: boolean }) => {
    const { runDoctor, formatFindings, diskPathFor } = await import('./doctor.ts');
    const { databaseOptions, readEnv } = await import('../server/config.ts');
    const options = databaseOptions(readEnv());
    const findings = await runDoctor({ database: options, diskPath: diskPathFor(options) });
    console.log(opts.json ? JSON.stringify(findings, null, 2) : formatFindings(findings));
    process.exitCode = findings.some((f) => f.status === 'fail') ? 1 : 0;
  });

registerOrgCommands(program);
registerBackupCommands(program);
registerReportCommand(program);

await program.parseAsync(process.argv);
