/**
 * `lvzhi report --person ID | --username NAME --year 2025 --format docx --out FILE`: writes the
 * person's duty report for the year (the stored one if drafted, else a fresh draft from today's
 * records, not saved) and prints how many lint findings it has.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { currentYear } from '../core/calendar/display.ts';
import { fail, openForCli } from './context.ts';
import { personById, personOfUsername } from './cli.repository.ts';

interface Options {
  person?: string;
  username?: string;
  year: string;
  format: string;
  out?: string;
}

async function runReport(opts: Options) {
  const year = Number(opts.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    fail('--year 应为 2000—2100 之间的年份');
  const { EXPORT_FORMATS, renderReport, exportFilename } =
    await import('../domains/reports/report-export.ts');
  if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format))
    fail(`--format 只能是 ${EXPORT_FORMATS.join('、')}`);
  if (!opts.person && !opts.username)
    fail('请用 --person 指定人员编号，或用 --username 指定其账号');
  const { database } = await openForCli('read');
  const db = database.db;
  try {
    const who = opts.username
      ? await personOfUsername(db, opts.username)
      : await personById(db, opts.person!);
    if (!who?.id)
      fail(
        opts.username ? `账号 ${opts.username} 不存在或未关联人员` : `人员 ${opts.person} 不存在`,
      );
    const townId = who.town_id;
    const personId = who.id;
    const { engineActor } = await import('../domains/reports/report-facts.ts');
    const reports = await import('../domains/reports/report.service.ts');
    const { lintStoredReport } = await import('../domains/reports/report-lint.service.ts');
    const repo = await import('../domains/reports/report.repository.ts');
    // The command line is the operator: it reads any report of the town, as an admin would.
    const actor = {
      ...engineActor(townId),
      grants: [{ role: 'admin' as const, townId, unitId: null }],
    };
    const stored = await repo.findReportFor(db, townId, personId, year);
    let document;
    let findings;
    let name;
    if (stored) {
      const report = await reports.getReport(db, actor, townId, stored.id);
      ({ document } = report);
      name = report.personName;
      findings = (await lintStoredReport(db, actor, townId, stored.id)).issues;
      console.log(`已有${report.state === 'frozen' ? '定稿' : '草稿'}（版本 ${report.version}）`);
    } else {
      const { lintReport } = await import('../core/report/lint.ts');
      const composed = await db
        .transaction()
        .execute((trx) => reports.composeFor(trx, townId, personId, year));
      document = composed.document;
      name = composed.subject.name;
      findings = lintReport(document, { template: composed.template.definition });
      console.log(
        `尚无该年度报告：已按当前台账生成草稿（未保存，模板：${composed.template.name}）`,
      );
    }
    const file = await renderReport(document, opts.format as never);
    const out = path.resolve(opts.out ?? exportFilename(name, year, opts.format as never));
    await writeFile(out, file.body);
    const count = (s: string) => findings.filter((f) => f.severity === s).length;
    console.log(`已写入 ${out}`);
    console.log(
      `检查发现 ${findings.length} 处问题：错误 ${count('error')}，提醒 ${count('warning')}，提示 ${count('info')}`,
    );
    for (const f of findings.filter((x) => x.severity === 'error')) console.log(`  ✗ ${f.message}`);
  } catch (error) {
    fail(
      error instanceof Error
        ? ((error as { detail?: string }).detail ?? error.message)
        : String(error),
    );
  } finally {
    await database.close();
  }
}

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description(
      '导出某人某年度的述职报告（已有则导出已存报告，否则按当前台账生成草稿），并显示检查结果',
    )
    .option('--person <id>', '人员编号')
    .option('--username <name>', '或：该人员的登录账号')
    .option('--year <year>', '年度', String(currentYear() - 1))
    .option('--format <format>', '格式：docx、md、html、pdf', 'docx')
    .option('--out <file>', '输出文件（默认“<年度>年度述职报告-<姓名>.<格式>”）')
    .action(runReport);
}
