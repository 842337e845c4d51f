/**
 * A closed round's results as Excel and Word: turnout per electorate group, then per person the
 * count and share of each grade (and of each 德能勤绩廉 item), the 优秀 cap and its check. Every
 * figure is the view's, which recounts the stored ballots.
 */
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import { gradeLabel, SCALE_LABELS, topGrade } from '../../core/appraisal/ballot.ts';
import { InvalidTransition } from '../../core/errors.ts';
import type { RoundView } from './appraisal.results.ts';

type View = Omit<RoundView, 'openedAt' | 'closedAt'>;

function closedTally(v: View) {
  if (!v.tally) throw new InvalidTransition('测评结束后才能导出结果');
  return v.tally;
}

/** The text lines above the tables (also the Word document's body paragraphs). */
export function resultNotes(v: View): string[] {
  const t = closedTally(v);
  const top = gradeLabel(v.scale, topGrade(v.scale));
  return [
    `评价等次：${SCALE_LABELS[v.scale]}${v.withItems ? '，另按德、能、勤、绩、廉分项评价' : ''}。`,
    `发放选票${v.turnout.ballots}张，收回有效票${t.ballots}张，参评率${v.turnout.percent}%。`,
    `测评对象${v.people.length}人，每张选票“${top}”不超过${t.cap}人（${v.capPercent}%，四舍五入，至少1人）；` +
      `有效票中超过名额的${t.overCap}张，投票时因超过名额被拒收${v.refusedOverCap}次。`,
  ];
}

function resultRows(v: View): string[][] {
  const t = closedTally(v);
  const head = [
    '序号',
    '姓名',
    ...t.people[0]!.grades.flatMap((g) => [`${g.label}（票）`, `${g.label}（%）`]),
  ];
  const body = t.people.map((p, i) => [
    String(i + 1),
    p.name,
    ...p.grades.flatMap((g) => [String(g.count), g.percent.toFixed(1)]),
  ]);
  return [head, ...body];
}

function itemRows(v: View): string[][] {
  const t = closedTally(v);
  if (!v.withItems) return [];
  const grades = t.people[0]!.grades.map((g) => g.label);
  return [
    ['姓名', '分项', ...grades.map((g) => `${g}（票）`)],
    ...t.people.flatMap((p) =>
      p.items.map((it) => [p.name, it.label, ...it.grades.map((g) => String(g.count))]),
    ),
  ];
}

const turnoutRows = (v: View) => [
  ['参评人员类别', '发放（张）', '收回（张）', '参评率（%）'],
  ...v.groups.map((g) => [g.name, String(g.ballots), String(g.voted), g.percent.toFixed(1)]),
  ['合计', String(v.turnout.ballots), String(v.turnout.voted), v.turnout.percent.toFixed(1)],
];

export async function roundWorkbook(v: View): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const numeric = (cell: string) => (/^\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell);
  const sheet = (name: string, rows: string[][], notes: string[] = []) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([v.title]).font = { bold: true, size: 14 };
    for (const n of notes) ws.addRow([n]);
    ws.addRow(rows[0]!).font = { bold: true };
    for (const r of rows.slice(1))
      ws.addRow(r.map((cell, i) => (i === 0 && name !== '参评情况' ? cell : numeric(cell))));
    ws.columns.forEach((c, i) => (c.width = i === 1 || i === 0 ? 14 : 12));
  };
  sheet('测评结果', resultRows(v), resultNotes(v));
  sheet('参评情况', turnoutRows(v));
  if (v.withItems) sheet('分项评价', itemRows(v));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const FANGSONG = '仿宋_GB2312';
const para = (
  text: string,
  opts: { bold?: boolean; center?: boolean; size?: number; font?: string } = {},
) =>
  new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { line: 560 },
    children: [
      new TextRun({ text, bold: opts.bold, size: opts.size ?? 32, font: opts.font ?? FANGSONG }),
    ],
  });

function table(rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (r, i) =>
        new TableRow({
          tableHeader: i === 0,
          children: r.map(
            (cell) =>
              new TableCell({
                children: [
                  new Paragraph({
                    alignment: AlignmentType.CENTER,
                    children: [
                      new TextRun({
                        text: cell,
                        size: 21,
                        bold: i === 0,
                        font: i === 0 ? '黑体' : FANGSONG,
                      }),
                    ],
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

export async function roundDocx(v: View): Promise<Buffer> {
  const children = [
    para(`${v.title}结果`, { center: true, size: 44, font: '方正小标宋简体' }),
    ...resultNotes(v).map((n) => para(n)),
    para('一、参评情况', { font: '黑体' }),
    table(turnoutRows(v)),
    para('二、测评结果', { font: '黑体' }),
    table(resultRows(v)),
    ...(v.withItems ? [para('三、分项评价', { font: '黑体' }), table(itemRows(v))] : []),
  ];
  const doc = new Document({
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
