/**
 * An uploaded ledger workbook is checked whole before ExcelJS streams it: it must be an .xlsx by
 * content (and by name, when it has one), within the zip-bomb limits for imports
 * (src/core/files/zip-guard.ts). The web import, the raw-body import and `lvzhi import-ledger`
 * all pass through here.
 */
import { identifyUpload } from '../../core/files/file-type.ts';
import { ZIP_LIMITS } from '../../core/files/zip-guard.ts';

export async function checkWorkbook(bytes: Uint8Array, filename: string | null): Promise<void> {
  await identifyUpload(bytes, filename, {
    allowed: ['xlsx'],
    zipLimits: ZIP_LIMITS.ledgerXlsx,
    label: '文件',
  });
}
