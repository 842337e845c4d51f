/**
 * 分析通报 as Word and HTML with its tables (表1 by village or unit: 受理量, 响应率, 解决率, 满意率,
 * 逾期未办结; 表2 top categories) placed after 诉求热点. Word keeps the GB/T 9704 look of
 * core/report/export-docx.ts: 黑体 table titles and header row, 仿宋 cells in 4号, Arabic numerals in
 * Times New Roman, columns as wide as their content so no figure or unit wraps; HTML cells carry
 * the metric reference so the preview drills down like the text.
 */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
  type FileChild,
} from 'docx';
import { exportDocx } from '../../core/report/export-docx.ts';
import { GBT9704, runs, TEXT_WIDTH, textTwips } from '../../core/report/export-docx-layout.ts';
import { exportHtml } from '../../core/report/export-text.ts';
import { formatMetricValue, type ReportDocument } from '../../core/report/model.ts';
import type { BulletinData, BulletinTable, Figure } from './bulletin.compose.ts';

/** Tables go after this section. */
const TABLES_AFTER = '诉求热点';
/** 4号 (14 pt) in cells: a 3号 six-column table would not fit the 156 mm text block. */
const CELL_SIZE = 28;
/** Left and right cell margins in twips. */
const CELL_MARGIN = 80;
const line = { line: 400, before: 40, after: 40 };

const display = (f: Figure) => formatMetricValue(f.value, f.unit).replace('〔待取数〕', '—');

/** Width of a cell's text in twips at 4号: what the column needs to keep it on one line. */
export const cellTextTwips = (text: string) => textTwips(text, CELL_SIZE);

/**
 * Column widths in twips from the content (first row: headers, first column: names). A figure
 * never wraps: its column is at least its widest cell. Headers and names get their full width when
 * the text block has room; when it has not, the room left over is shared out in proportion to what
 * each still lacks (a header or a long name then wraps). Spare room widens the figure columns.
 */
export function columnWidths(rows: string[][]): number[] {
  const pad = 2 * CELL_MARGIN + 60;
  const widest = (c: number, from: number) =>
    Math.max(0, ...rows.slice(from).map((r) => cellTextTwips(r[c] ?? ''))) + pad;
  const columns = rows[0]!.map((_, c) => c);
  const hard = columns.map((c) => (c === 0 ? 4 * CELL_SIZE * 10 + pad : widest(c, 1)));
  const soft = columns.map((c) => Math.max(hard[c]!, widest(c, 0)));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (sum(hard) >= TEXT_WIDTH) return hard.map((w) => Math.floor((w * TEXT_WIDTH) / sum(hard)));
  if (sum(soft) > TEXT_WIDTH) {
    const share = (TEXT_WIDTH - sum(hard)) / (sum(soft) - sum(hard));
    return columns.map((c) => Math.floor(hard[c]! + (soft[c]! - hard[c]!) * share));
  }
  const spare = (TEXT_WIDTH - sum(soft)) / (columns.length - 1);
  return columns.map((c) => Math.floor(soft[c]! + (c === 0 ? 0 : spare)));
}

function cell(
  text: string,
  opts: {
    header?: boolean;
    width: number;
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  },
): TableCell {
  return new TableCell({
    width: { size: opts.width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN },
    children: [
      new Paragraph({
        alignment: opts.align ?? AlignmentType.CENTER,
        spacing: line,
        children: runs(text, opts.header ? GBT9704.font.heading1 : GBT9704.font.body, {
          size: CELL_SIZE,
        }),
      }),
    ],
  });
}

const border = { style: BorderStyle.SINGLE, size: 6, color: '000000' };

function docxTable(t: BulletinTable, n: number): FileChild[] {
  const head = [t.groupLabel, ...t.columns.map((c) => c.label)];
  const body = t.rows.map((r) => [r.name, ...r.cells.map(display)]);
  const w = columnWidths([head, ...body]);
  const header = new TableRow({
    tableHeader: true,
    children: head.map((label, i) => cell(label, { header: true, width: w[i]! })),
  });
  const rows = body.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: r.map((text, i) =>
          cell(text, { width: w[i]!, ...(i === 0 ? { align: AlignmentType.LEFT } : {}) }),
        ),
      }),
  );
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...line, before: 200 },
      keepNext: true,
      children: runs(`表${n}\u3000${t.title}`, GBT9704.font.heading1),
    }),
    new Table({
      width: { size: w.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      layout: TableLayoutType.FIXED,
      columnWidths: w,
      borders: {
        top: border,
        bottom: border,
        left: border,
        right: border,
        insideHorizontal: border,
        insideVertical: border,
      },
      rows: [header, ...rows],
    }),
    new Paragraph({ spacing: line, children: [] }),
  ];
}

/** The bulletin as Word: its document (with 版头 and 落款 when issued) and its tables after 诉求热点. */
export function bulletinDocx(
  doc: ReportDocument,
  data: Pick<BulletinData, 'tables'>,
): Promise<Buffer> {
  return exportDocx(doc, (s) =>
    s.heading === TABLES_AFTER ? data.tables.flatMap((t, i) => docxTable(t, i + 1)) : [],
  );
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function htmlTable(t: BulletinTable, n: number): string {
  const chip = (f: Figure) =>
    `<span class="metric" data-metric-id="${esc(f.metricId)}" ` +
    `data-params="${esc(JSON.stringify(f.params))}">${esc(display(f))}</span>`;
  const headCells = t.columns.map((c) => `<th>${esc(c.label)}</th>`).join('');
  const head = `<tr><th>${esc(t.groupLabel)}</th>${headCells}</tr>`;
  const body = t.rows
    .map(
      (r) =>
        `<tr><td class="name">${esc(r.name)}</td>${r.cells.map((f) => `<td>${chip(f)}</td>`).join('')}</tr>`,
    )
    .join('');
  return (
    `<p class="table-title">表${n}\u3000${esc(t.title)}</p>` +
    `<table class="figures" data-testid="bulletin-table-${n}">${head}${body}</table>`
  );
}

const TABLE_STYLE =
  '<style>' +
  '.table-title{text-align:center;text-indent:0;font-family:"黑体",sans-serif;margin-top:1em}' +
  'table.figures{border-collapse:collapse;margin:0 auto 1em;font-size:14pt}' +
  'table.figures th,table.figures td{border:1px solid #000;padding:2px 8px;text-align:center}' +
  'table.figures td.name{text-align:left}' +
  'table.figures th{font-family:"黑体",sans-serif;font-weight:normal}' +
  '</style>';

/** The HTML page of core/report with the tables inserted before the section after 诉求热点. */
export function bulletinHtml(doc: ReportDocument, data: Pick<BulletinData, 'tables'>): string {
  let html = exportHtml(doc).replace('</head>', `${TABLE_STYLE}</head>`);
  const index = doc.sections.findIndex((s) => s.heading === TABLES_AFTER);
  if (index < 0 || !data.tables.length) return html;
  const tables = data.tables.map((t, i) => htmlTable(t, i + 1)).join('\n');
  const next = doc.sections[index + 1];
  const marker = next ? html.indexOf(`id="${next.id}"`) : -1;
  const at = marker >= 0 ? html.lastIndexOf('<', marker) : html.indexOf('</body>');
  html = `${html.slice(0, at)}${tables}\n${html.slice(at)}`;
  return html;
}
