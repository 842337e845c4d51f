/**
 * Streaming Excel export (DESIGN 6): writes a filtered record list, page by page, through
 * ExcelJS's WorkbookWriter into a stream, with the same columns the importer reads — so an
 * export can be edited and imported again. Also writes the blank template of a type.
 */
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { LedgerType } from '../../core/ledger/type.ts';
import { excelFields, sheetName, toCell, type NameDirectory } from './excel-columns.ts';
import type { RecordRow } from './ledger-record.repository.ts';

const TYPE_WORDS: Record<string, string> = {
  text: '文字',
  long_text: '长文字',
  number: '数字',
  money: '金额（元）',
  date: '日期',
  enum: '选项',
  boolean: '是/否',
  person: '人员（填姓名）',
  unit: '单位/村（填名称）',
  attachment: '附件编号',
};

function columnsOf(type: LedgerType, markRequired: boolean) {
  return excelFields(type).map((f) => ({
    header: markRequired && f.required ? `${f.label}*` : f.label,
    key: f.key,
    width: f.type === 'long_text' ? 40 : f.type === 'date' ? 14 : 18,
    style: f.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
}

/**
 * Streams the workbook of `pages` (each an array of records) into a web ReadableStream.
 * Rows are committed as they are written, so memory holds one page at a time.
 */
export function exportWorkbook(
  type: LedgerType,
  dir: NameDirectory,
  pages: AsyncIterable<RecordRow[]>,
): ReadableStream {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet(sheetName(type));
  ws.columns = columnsOf(type, false);
  const fields = excelFields(type);
  void (async () => {
    try {
      for await (const page of pages) {
        for (const r of page) ws.addRow(fields.map((f) => toCell(f, r.data[f.key], dir))).commit();
      }
      ws.commit();
      await wb.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return Readable.toWeb(out) as ReadableStream;
}

/** The blank template: headers (required ones marked *) and a sheet explaining each column. */
export async function templateWorkbook(type: LedgerType): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName(type));
  ws.columns = columnsOf(type, true);
  ws.getRow(1).font = { bold: true };
  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列', width: 10 },
    { header: '字段', width: 18 },
    { header: '类型', width: 16 },
    { header: '必填', width: 6 },
    { header: '可选值/说明', width: 60 },
  ];
  excelFields(type).forEach((f, i) => {
    const options = f.type === 'enum' ? f.options.map((o) => o.label).join('、') : (f.help ?? '');
    help.addRow([i + 1, f.label, TYPE_WORDS[f.type], f.required ? '是' : '', options]);
  });
  help.addRow([]);
  help.addRow([
    '',
    '说明',
    '第一个工作表第 1 行为表头，请勿修改；从第 2 行起每行一条记录。整个文件任一行有误则全部不导入，并列出出错的行和列。',
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
