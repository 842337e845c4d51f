/**
 * `lvzhi import-ledger TYPE FILE --town CODE`: imports an .xlsx into a town's ledger with a
 * progress bar (bytes read of the file), all-or-nothing like the web import; on failure prints
 * the Chinese row/column report and exits non-zero.
 */
import { createReadStream, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import cliProgress from 'cli-progress';
import type { Actor } from '../core/actor.ts';
import { DomainError } from '../core/errors.ts';
import { fail, openForCli } from './context.ts';
import { townIdByCode, townUser } from './cli.repository.ts';

export async function runImportLedger(
  typeCode: string,
  file: string,
  opts: { town: string; user?: string },
): Promise<void> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    fail(`找不到文件 ${file}`);
  }
  const { database } = await openForCli('write');
  const db = database.db;
  const town = await townIdByCode(db, opts.town);
  if (!town) fail(`乡镇编码 ${opts.town} 不存在`);
  let userId: string | null = null;
  let displayName = '命令行导入';
  if (opts.user) {
    const user = await townUser(db, town.id, opts.user);
    if (!user) fail(`用户 ${opts.user} 不在该乡镇`);
    userId = user.id;
    displayName = user.display_name;
  }
  // The operator at the console acts as the town's administrator (the audit entry says who).
  const actor: Actor = {
    userId: userId ?? '00000000-0000-0000-0000-000000000000',
    homeTownId: userId ? town.id : '',
    username: opts.user ?? 'cli',
    displayName,
    personId: null,
    grants: [{ role: 'admin', townId: town.id, unitId: null }],
    sessionId: 'cli',
  };

  const bar = new cliProgress.SingleBar(
    { format: '导入 {bar} {percentage}% | {rows} 行 | {errors} 处问题', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(size, 0, { rows: 0, errors: 0 });
  let read = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      read += chunk.length;
      bar.update(read);
      done(null, chunk);
    },
  });
  const { importLedgerWorkbook } = await import('../domains/ledgers/excel-import.ts');
  const { checkWorkbook } = await import('../domains/ledgers/workbook-guard.ts');
  try {
    await checkWorkbook(await readFile(file), path.basename(file));
    const result = await db.transaction().execute((trx) =>
      importLedgerWorkbook(
        trx,
        { actor, townId: town.id, ip: null },
        typeCode,
        createReadStream(file).pipe(counter),
        {
          onProgress: (p) => bar.update(read, { rows: p.rows, errors: p.errors }),
        },
      ),
    );
    bar.update(size);
    bar.stop();
    console.log(`✓ 已导入“${result.type.name}” ${result.imported} 条记录`);
    await database.close();
  } catch (error) {
    bar.stop();
    await database.close();
    if (error instanceof DomainError) {
      process.stderr.write(`✗ ${error.detail}\n`);
      for (const e of error.errors) process.stderr.write(`  - ${e.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}
