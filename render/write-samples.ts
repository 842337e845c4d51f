/**
 * Renders the sample duty report and the sample issued 分析通报 with the server's PDF conversion
 * into docs/samples (PNG pages, 80 dpi) and prints what the layout checks measure: the white space
 * after each figure, the letter spacing of justified lines. Run: npx tsx render/write-samples.ts
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportDocx } from '../src/core/report/export-docx.ts';
import { documentText } from '../src/core/report/model.ts';
import { bulletinDocx } from '../src/domains/appeal-analysis/bulletin.render.ts';
import { figureGaps, justifySpace, linesOf, pdfTextItems } from './pdf-layout.ts';
import { renderPdf, requireRenderer } from './render-env.ts';
import { sampleIssuedBulletin, sampleReport } from './samples.ts';

const OUT = path.resolve(import.meta.dirname, '../docs/samples');
const PITCH = 15.65;

async function pages(pdf: Buffer, name: string): Promise<string[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lvzhi-samples-'));
  try {
    await writeFile(path.join(dir, 'doc.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '80', '-png', path.join(dir, 'doc.pdf'), path.join(dir, 'p')]);
    const files = (await readdir(dir)).filter((f) => f.endsWith('.png')).sort();
    const written: string[] = [];
    for (const [i, f] of files.entries()) {
      const target = path.join(OUT, `${name}-page-${i + 1}.png`);
      await copyFile(path.join(dir, f), target);
      written.push(path.relative(process.cwd(), target));
    }
    return written;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function report(name: string, docx: Buffer, source: string): Promise<void> {
  const pdf = await renderPdf(docx);
  const items = await pdfTextItems(pdf);
  const gaps = figureGaps(items, PITCH, source);
  const after = gaps.flatMap((g) => (g.after === null ? [] : [g.after]));
  const before = gaps.flatMap((g) => (g.before === null ? [] : [g.before - g.justify]));
  const spread = linesOf(items)
    .filter((l) => l.items.every((i) => i.size < 17))
    .map((l) => justifySpace(l, PITCH));
  const fmt = (xs: number[]) => `最大 ${Math.max(...xs).toFixed(2)} pt（${xs.length} 处）`;
  console.log(`${name}: ${(await pages(pdf, name)).join(', ')}`);
  console.log(`  数字后的空白 ${fmt(after)}；数字前（扣除两端对齐的字距）${fmt(before)}`);
  console.log(`  两端对齐行的字间增量 ${fmt(spread)}`);
}

requireRenderer();
await mkdir(OUT, { recursive: true });
const doc = sampleReport('propaganda_member');
await report('duty-report-sample', await exportDocx(doc), documentText(doc));
const issued = sampleIssuedBulletin();
const tables = issued.data.tables.flatMap((t) =>
  t.rows.map((r) => [r.name, ...r.cells.map((c) => `${c.value}${c.unit}`)].join('\n')),
);
await report(
  'appeal-bulletin',
  await bulletinDocx(issued.document, issued.data),
  [documentText(issued.document), ...tables].join('\n'),
);
