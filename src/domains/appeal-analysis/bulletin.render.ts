/**
 * 分析通报 as Word and HTML with its tables (表1 by village or unit: 受理量, 响应率, 解决率, 满意率,
 * 逾期未办结; 表2 top categories) placed after 诉求热点. Word keeps the GB/T 9704 look of
 * core/report/export-docx.ts: 黑体 table titles and header row, 仿宋 cells in 4号, Arabic numerals in
 * Times New Roman; HTML cells carry the metric reference so the preview drills down like the text.
 */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type FileChild,
} from 'docx';
import { exportDocx, GBT9704, GLYPH_SCALE, LATIN_FONT } from '../../core/report/export-docx.ts';
import { exportHtml } from '../../core/report/export-text.ts';
import { formatMetricValue, type ReportDocument } from '../../core/report/model.ts';
import type { BulletinData, BulletinTable, Figure } from './bulletin.compose.ts';

/** Tables go after this section. */
const TABLES_AFTER = '诉求热点';
/** 4号 (14 pt) in cells: a 3号 six-column table would not fit the 156 mm text block. */
const CELL_SIZE = 28;
const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });
const line = { line: 400, before: 40, after: 40 };

const display = (f: Figure) => formatMetricValue(f.value, f.unit).replace('〔待取数〕', '—');

/** Text runs off the character grid (cells have their own widths); digits in Times New Roman. */
function runs(text: string, fontName: string, size = CELL_SIZE): TextRun[] {
  // 3号 text needs the body's glyph scale to stay one grid cell per character (see export-docx.ts).
  return text
    .split(/([0-9.%—-]+)/u)
    .filter((p) => p !== '')
    .map(
      (part) =>
        new TextRun({
          text: part,
          size,
          snapToGrid: false,
          ...(size >= GBT9704.size.body ? { scale: GLYPH_SCALE } : {}),
          font: /^[0-9.%—-]+$/u.test(part)
            ? { ...font(fontName), ascii: LATIN_FONT, hAnsi: LATIN_FONT }
            : font(fontName),
        }),
    );
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
    width: { size: opts.width, type: WidthType.PERCENTAGE },
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 60, right: 60 },
    children: [
      new Paragraph({
        alignment: opts.align ?? AlignmentType.CENTER,
        spacing: line,
        children: runs(text, opts.header ? GBT9704.font.heading1 : GBT9704.font.body),
      }),
    ],
  });
}

const border = { style: BorderStyle.SINGLE, size: 6, color: '000000' };

/** Column widths in percent: three-character headers need 16 % to stay on one line in LibreOffice's grid. */
function widths(t: BulletinTable): number[] {
  const cols = t.columns.map((c) => ([...c.label].length > 2 ? 16 : 12));
  return [100 - cols.reduce((a, b) => a + b, 0), ...cols];
}

function docxTable(t: BulletinTable, n: number): FileChild[] {
  const w = widths(t);
  const header = new TableRow({
    tableHeader: true,
    children: [t.groupLabel, ...t.columns.map((c) => c.label)].map((label, i) =>
      cell(label, { header: true, width: w[i]! }),
    ),
  });
  const rows = t.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(r.name, { width: w[0]!, align: AlignmentType.LEFT }),
          ...r.cells.map((f, i) => cell(display(f), { width: w[i + 1]! })),
        ],
      }),
  );
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...line, before: 200 },
      keepNext: true,
      children: runs(`表${n}　${t.title}`, GBT9704.font.heading1, GBT9704.size.body),
    }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      columnWidths: w.map((p) => Math.round((p / 100) * 8958)),
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
    `<span class="metric" data-metric-id="${esc(f.metricId)}" data-params="${esc(JSON.stringify(f.params))}">${esc(display(f))}</span>`;
  const head = `<tr><th>${esc(t.groupLabel)}</th>${t.columns.map((c) => `<th>${esc(c.label)}</th>`).join('')}</tr>`;
  const body = t.rows
    .map(
      (r) =>
        `<tr><td class="name">${esc(r.name)}</td>${r.cells.map((f) => `<td>${chip(f)}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<p class="table-title">表${n}　${esc(t.title)}</p><table class="figures" data-testid="bulletin-table-${n}">${head}${body}</table>`;
}

const TABLE_STYLE =
  '<style>.table-title{text-align:center;text-indent:0;font-family:"黑体",sans-serif;margin-top:1em}table.figures{border-collapse:collapse;margin:0 auto 1em;font-size:14pt}table.figures th,table.figures td{border:1px solid #000;padding:2px 8px;text-align:center}table.figures td.name{text-align:left}table.figures th{font-family:"黑体",sans-serif;font-weight:normal}</style>';

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
