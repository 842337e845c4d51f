/**
 * `lvzhi backup --out FILE` and `lvzhi restore FILE`: the portable logical dump of src/db/backup.ts,
 * with a progress bar per table and a per-table summary. The database comes from DATABASE_URL or
 * LVZHI_DATA_DIR, as for every verb.
 */
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import type { ProgressEvent, TableSummary } from '../db/backup.ts';
import { fail, openForCli } from './context.ts';

/** One bar reused across tables; drawn on stderr so stdout stays a clean summary. */
function progressBar() {
  const bar = new cliProgress.SingleBar(
    { format: '{table} [{bar}] {value}/{total}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let current = '';
  return {
    onProgress(e: ProgressEvent) {
      if (e.table !== current) {
        if (current) bar.stop();
        current = e.table;
        bar.start(Math.max(e.total, 1), e.done, { table: e.table.padEnd(20) });
      } else bar.update(e.done);
    },
    stop: () => current && bar.stop(),
  };
}

function printTables(tables: Record<string, TableSummary>) {
  const width = Math.max(...Object.keys(tables).map((n) => n.length));
  for (const [name, t] of Object.entries(tables))
    console.log(
      `  ${name.padEnd(width)}  ${String(t.rows).padStart(9)} 行  ${t.sha256.slice(0, 12)}`,
    );
}

async function runBackup(opts: { out: string }) {
  const { database } = await openForCli('read');
  const { backupDatabase, BackupError } = await import('../db/backup.ts');
  const bar = progressBar();
  const out = path.resolve(opts.out);
  try {
    const { tables } = await backupDatabase(database.db, out, {
      sourceKind: database.kind,
      onProgress: bar.onProgress,
    });
    bar.stop();
    console.log(`已备份 ${database.location} → ${out}`);
    printTables(tables);
  } catch (error) {
    bar.stop();
    fail(error instanceof BackupError ? error.message : `备份失败：${String(error)}`);
  } finally {
    await database.close();
  }
}

async function runRestore(file: string) {
  const { database } = await openForCli('create');
  const { restoreDatabase, tableChecksums, BackupError } = await import('../db/backup.ts');
  const bar = progressBar();
  try {
    const { header, tables } = await restoreDatabase(database.db, path.resolve(file), {
      onProgress: bar.onProgress,
    });
    bar.stop();
    console.log(
      `已恢复 ${file}（${header.createdAt} 由 ${header.source.kind} 导出）→ ${database.location}`,
    );
    printTables(tables);
    // Read back once more after commit: what an operator trusts is the database, not the transaction.
    const now = await tableChecksums(database.db);
    const mismatches = Object.keys(tables).filter((n) => now[n]?.sha256 !== tables[n]!.sha256);
    if (mismatches.length) fail(`以下表的校验和与备份不一致：${mismatches.join('、')}`);
    console.log('✓ 校验一致');
  } catch (error) {
    bar.stop();
    if (error instanceof BackupError) {
      if (error.tables.length) console.error(`✗ 校验不一致的表：${error.tables.join('、')}`);
      fail(error.message);
    }
    fail(`恢复失败，已回滚：${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await database.close();
  }
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('导出可移植的逻辑备份（gzip 压缩的 JSON 行，含每表行数与校验和）')
    .requiredOption('--out <file>', '备份文件路径，如 lvzhi-2025-06-30.lvzhi.gz')
    .action(runBackup);
  program
    .command('restore')
    .description('把备份恢复到刚迁移的空数据库（PGlite 或 PostgreSQL），并逐表核对校验和')
    .argument('<file>', '备份文件')
    .action(runRestore);
}
