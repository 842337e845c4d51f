/**
 * `lvzhi doctor`: checks an installation the way an operator would before and after an upgrade —
 * the database answers, its migrations match the program, the work calendar covers this year and
 * the next, there is disk space, LibreOffice is there for PDF export, and the scheduler has ticked
 * lately. Each line is ✓ (fine), ! (works, but needs attention) or ✗ (broken); exit code 1 when
 * anything is ✗. Never migrates or writes.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { localDateOf } from '../core/calendar/index.ts';
import { DataDirLocked } from '../db/data-dir-lock.ts';
import { openDatabase, type Database, type OpenOptions } from '../db/database.ts';
import { migrations } from '../db/migrations/index.ts';
import { findSoffice } from '../domains/reports/report-export.ts';
import * as repo from './doctor.repository.ts';

export type Status = 'ok' | 'warn' | 'fail';

export interface Finding {
  check: string;
  status: Status;
  detail: string;
}

export interface DoctorOptions {
  database: OpenOptions;
  /** Where files live: the PGlite directory, else the working directory. */
  diskPath: string;
  now?: Date;
  soffice?: () => Promise<string | null>;
  disk?: (p: string) => Promise<{ free: number; total: number }>;
}

const GiB = 1024 ** 3;

export async function runDoctor(options: DoctorOptions): Promise<Finding[]> {
  let database: Database;
  const dir = options.database.dataDir;
  try {
    if (!options.database.databaseUrl && dir && dir !== 'memory://' && !existsSync(dir))
      throw new Error(`数据目录 ${path.resolve(dir)} 不存在（首次启动服务时创建）`);
    database = await openDatabase({ ...options.database, mustExist: true });
  } catch (error) {
    // PGlite cannot be opened twice: while the service runs, say who holds it (docs/operations.md 2.2).
    if (error instanceof DataDirLocked)
      return [
        {
          check: '数据库连接',
          status: 'warn',
          detail:
            `服务正在使用该数据目录（进程 ${error.holder.pid}，${error.holder.command}）：` +
            '内嵌数据库同一时间只能由一个程序打开，数据库检查须在停止服务后进行；运行中的服务可用 /healthz 和 /metrics 检查',
        },
        ...(await hostChecks(options)),
      ];
    return [
      {
        check: '数据库连接',
        status: 'fail',
        detail: `无法打开数据库：${(error as Error).message}`,
      },
      ...(await hostChecks(options)),
    ];
  }
  try {
    return await runDoctorOn(database, options);
  } finally {
    await database.close();
  }
}

/** The same checks over a database already open (an in-memory one cannot be opened twice). */
export async function runDoctorOn(
  database: Database,
  options: Omit<DoctorOptions, 'database'>,
): Promise<Finding[]> {
  const version = await repo.serverVersion(database.db);
  return [
    { check: '数据库连接', status: 'ok', detail: `${database.location}（PostgreSQL ${version}）` },
    ...(await databaseChecks(database, options.now ?? new Date())),
    ...(await hostChecks(options)),
  ];
}

async function hostChecks(options: Omit<DoctorOptions, 'database'>): Promise<Finding[]> {
  return [await diskCheck(options), await sofficeCheck(options.soffice ?? sofficeVersion)];
}

async function databaseChecks(database: Database, now: Date): Promise<Finding[]> {
  const out: Finding[] = [];
  const applied = await repo.appliedMigrations(database.db);
  const known = Object.keys(migrations);
  if (!applied) {
    out.push({
      check: '数据库迁移',
      status: 'fail',
      detail: '数据库尚未初始化：执行 lvzhi migrate（或启动服务）',
    });
    return out;
  }
  const missing = known.filter((m) => !applied.includes(m));
  const unknown = applied.filter((m) => !known.includes(m));
  if (unknown.length)
    out.push({
      check: '数据库迁移',
      status: 'fail',
      detail: `数据库含本程序不认识的迁移 ${unknown.join('、')}：程序版本比数据库旧，请换回新版本程序`,
    });
  else if (missing.length)
    out.push({
      check: '数据库迁移',
      status: 'fail',
      detail: `有 ${missing.length} 个迁移未执行（${missing.join('、')}）：执行 lvzhi migrate 或重启服务`,
    });
  else
    out.push({
      check: '数据库迁移',
      status: 'ok',
      detail: `已是最新（${known.length} 个，最新 ${known.at(-1)}）`,
    });
  out.push(calendarFinding(await repo.calendarYears(database.db), now));
  out.push(tickFinding(await repo.lastTick(database.db), now));
  return out;
}

/** Deadlines count working days: this year's and next year's holiday notices must be entered. */
function calendarFinding(years: number[], now: Date): Finding {
  const year = Number(localDateOf(now).slice(0, 4));
  const check = '工作日历';
  if (!years.includes(year))
    return {
      check,
      status: 'fail',
      detail: `${year} 年的放假安排未录入：办理时限按普通周末计算，节假日期间会算错。请在“工作日历”页录入`,
    };
  if (!years.includes(year + 1))
    return {
      check,
      status: 'warn',
      detail: `${year + 1} 年的放假安排尚未录入（国务院办公厅通知一般在 11 月前后发布），跨年的时限会按普通周末计算`,
    };
  return { check, status: 'ok', detail: `已录入 ${years[0]}–${years.at(-1)} 年，含今年与明年` };
}

function tickFinding(at: Date | null, now: Date): Finding {
  const check = '定时任务';
  if (!at)
    return {
      check,
      status: 'warn',
      detail: '从未运行：服务启动后每分钟运行一次（提醒、督办、清理）',
    };
  const minutes = Math.round((now.getTime() - at.getTime()) / 60_000);
  if (minutes > 10)
    return {
      check,
      status: 'warn',
      detail: `上次运行在 ${minutes} 分钟前：服务未在运行，或定时任务出错（查看日志）`,
    };
  return { check, status: 'ok', detail: `${Math.max(minutes, 0)} 分钟前运行过` };
}

async function diskCheck(options: Omit<DoctorOptions, 'database'>): Promise<Finding> {
  const check = '磁盘空间';
  const measure =
    options.disk ??
    (async (p: string) => {
      const s = await statfs(p);
      return { free: s.bavail * s.bsize, total: s.blocks * s.bsize };
    });
  try {
    const { free, total } = await measure(options.diskPath);
    const detail = `${options.diskPath}：可用 ${(free / GiB).toFixed(1)} GB / 共 ${(total / GiB).toFixed(1)} GB`;
    if (free < 0.5 * GiB)
      return { check, status: 'fail', detail: `${detail}，不足 0.5 GB，写入与备份会失败` };
    if (free < 2 * GiB || free < total * 0.1)
      return { check, status: 'warn', detail: `${detail}，少于 2 GB 或 10%，请清理或扩容` };
    return { check, status: 'ok', detail };
  } catch (error) {
    return {
      check,
      status: 'fail',
      detail: `无法读取 ${options.diskPath}：${(error as Error).message}`,
    };
  }
}

const run = promisify(execFile);

async function sofficeVersion(): Promise<string | null> {
  const soffice = findSoffice();
  if (!soffice) return null;
  try {
    const { stdout } = await run(soffice, ['--version'], { timeout: 30_000 });
    return `${soffice}（${stdout.trim().split('\n')[0]}）`;
  } catch {
    return `${soffice}（无法取得版本）`;
  }
}

async function sofficeCheck(find: () => Promise<string | null>): Promise<Finding> {
  const found = await find();
  return found
    ? { check: 'LibreOffice', status: 'ok', detail: `${found}：可导出 PDF` }
    : {
        check: 'LibreOffice',
        status: 'warn',
        detail:
          '未安装（apt-get install libreoffice-writer-nogui）：述职报告不能导出 PDF，Word 导出不受影响',
      };
}

const MARK: Record<Status, string> = { ok: '✓', warn: '!', fail: '✗' };

export function formatFindings(findings: Finding[]): string {
  return findings.map((f) => `${MARK[f.status]} ${f.check}：${f.detail}`).join('\n');
}

/** The disk the data lives on: the PGlite directory (or its parent before it exists), else here. */
export function diskPathFor(options: OpenOptions): string {
  if (options.databaseUrl || !options.dataDir || options.dataDir === 'memory://')
    return process.cwd();
  return path.dirname(path.resolve(options.dataDir));
}
