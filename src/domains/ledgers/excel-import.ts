/**
 * Streaming Excel import (DESIGN 6): reads an .xlsx with ExcelJS's WorkbookReader row by row
 * (memory stays flat however long the sheet), validates every row against the ledger type,
 * inserts in batches inside the caller's transaction, and — if any row is bad — throws one
 * InvalidInput naming sheet, row, column and problem in Chinese, so the transaction rolls back
 * and nothing of the file is written (all-or-nothing per file).
 */
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { DomainError, InvalidInput } from '../../core/errors.ts';
import type { LedgerType } from '../../core/ledger/type.ts';
import type { DB } from '../../db/schema.ts';
import { buildDirectory } from './excel-columns.ts';
import * as records from './ledger-record.repository.ts';
import { scopedType, type Ctx } from './ledger-record.service.ts';
import { auditWrite } from '../audit/audit.service.ts';
import { ImportRun, MAX_REPORTED, type ImportOptions } from './excel-import-run.ts';

export { MAX_REPORTED };
export type { ImportOptions, ImportProgress } from './excel-import-run.ts';

/**
 * Imports the first worksheet of an .xlsx stream into ledger `code`. Run it inside a
 * transaction: on failure it throws after validating the whole file, and the caller's rollback
 * removes the batches already inserted.
 */
export async function importLedgerWorkbook(
  db: Kysely<DB>,
  ctx: Ctx,
  code: string,
  input: Readable,
  options: ImportOptions = {},
): Promise<{ imported: number; type: LedgerType }> {
  const { type, scope } = await scopedType(db, ctx.actor, ctx.townId, code, true);
  const names = await records.nameDirectory(db, ctx.townId);
  const run = new ImportRun(db, ctx, type, scope, buildDirectory(names.people, names.units));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  let sheets = 0;
  let headerSeen = false;
  try {
    sheets: for await (const worksheet of reader) {
      sheets++;
      const ws = worksheet as unknown as AsyncIterable<{ number: number; values: unknown[] }> & {
        name: string;
      };
      for await (const row of ws) {
        if (sheets > 1) continue; // only the first sheet holds records; later ones (说明) are drained
        if (!headerSeen) {
          headerSeen = true;
          run.readHeader(ws.name, row.values);
          if (run.issues.length) break sheets;
          continue;
        }
        await run.readRow(row.number, row.values);
        if (run.rows % 100 === 0)
          options.onProgress?.({
            rows: run.rows,
            imported: run.imported,
            errors: run.issues.length,
          });
      }
    }
  } catch (error) {
    // Database errors and our own pass through; anything else came from unzipping/parsing.
    const code = (error as { code?: unknown }).code;
    if (error instanceof DomainError || (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)))
      throw error;
    throw new InvalidInput('无法读取该文件，请上传 Excel（.xlsx）文件', [
      { path: 'file', label: '文件', message: '文件不是有效的 .xlsx 工作簿' },
    ]);
  }
  input.destroy();
  if (!headerSeen)
    throw new InvalidInput('文件中没有数据：第 1 行应为表头', [
      { path: 'file', label: '文件', message: '工作簿为空' },
    ]);
  if (!run.issues.length) await run.flush();
  options.onProgress?.({ rows: run.rows, imported: run.imported, errors: run.issues.length });
  if (run.issues.length) {
    const more = run.truncated ? `，仅列出前 ${MAX_REPORTED} 处` : '';
    throw new InvalidInput(
      `导入失败，未写入任何记录：共发现 ${run.issues.length}${run.truncated ? '+' : ''} 处问题${more}。${run.issues[0]!.message}`,
      run.issues,
    );
  }
  if (run.rows === 0)
    throw new InvalidInput('文件中没有记录行', [
      { path: 'file', label: '文件', message: '表头以下没有数据' },
    ]);
  await auditWrite(db, ctx, 'import', 'ledger_type', type.code, null, {
    typeCode: type.code,
    imported: run.imported,
  });
  return { imported: run.imported, type };
}
