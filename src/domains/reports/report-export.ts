/**
 * Export of a report as a file: Word in the GB/T 9704 layout, Markdown, standalone HTML, and PDF
 * converted from the Word file by LibreOffice when the server has it (DESIGN 8). A draft exports
 * with today's numbers; a frozen report with its snapshot.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { InvalidInput } from '../../core/errors.ts';
import { exportDocx } from '../../core/report/export-docx.ts';
import { exportHtml, exportMarkdown } from '../../core/report/export-text.ts';
import type { ReportDocument } from '../../core/report/model.ts';

export const EXPORT_FORMATS = ['docx', 'md', 'html', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const CONTENT_TYPE: Record<ExportFormat, string> = {
  docx: DOCX_TYPE,
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

/** The LibreOffice binary on PATH, if any. */
export function findSoffice(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of ['soffice', 'libreoffice']) {
      const candidate = path.join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return null;
}

/**
 * The official font names the .docx asks for, each with the closest Debian font as a fallback
 * (fontconfig `accept`: a server that has the real font uses it). Without these, 仿宋_GB2312 and
 * 方正小标宋简体 fall back to whatever CJK font fontconfig picks first, often a sans-serif one.
 */
const FONT_FALLBACKS: Array<[string[], string]> = [
  [
    ['仿宋_GB2312', '仿宋', 'FangSong', '方正小标宋简体', '方正小标宋_GBK', '宋体', 'SimSun'],
    'Noto Serif CJK SC',
  ],
  [['黑体', 'SimHei', '方正黑体_GBK'], 'Noto Sans CJK SC'],
  [['楷体_GB2312', '楷体', 'KaiTi', '方正楷体_GBK'], 'AR PL KaitiM GB'],
  [['Times New Roman'], 'Liberation Serif'],
];

/** A fontconfig file: the system configuration plus FONT_FALLBACKS. */
export function fontConfig(): string {
  const alias = (family: string, fallback: string) =>
    `<alias binding="same"><family>${family}</family><accept><family>${fallback}</family></accept></alias>`;
  return [
    '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>',
    '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    ...FONT_FALLBACKS.flatMap(([names, fallback]) => names.map((n) => alias(n, fallback))),
    '</fontconfig>',
  ].join('\n');
}

/**
 * Word → PDF with LibreOffice in a throwaway directory; its own profile lives there too
 * (`-env:UserInstallation`), so nothing is left in the service account's home. The official
 * font names are mapped to installed fonts (fontConfig) for this conversion only.
 */
export async function docxToPdf(docx: Buffer): Promise<Buffer> {
  const soffice = findSoffice();
  if (!soffice)
    throw new InvalidInput('服务器未安装 LibreOffice，暂不能导出 PDF；请导出 Word 后自行转换');
  const dir = await mkdtemp(path.join(tmpdir(), 'lvzhi-pdf-'));
  try {
    const input = path.join(dir, 'report.docx');
    await writeFile(input, docx);
    await writeFile(path.join(dir, 'fonts.conf'), fontConfig());
    await promisify(execFile)(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        input,
      ],
      { timeout: 120_000, env: { ...process.env, FONTCONFIG_FILE: path.join(dir, 'fonts.conf') } },
    );
    return await readFile(path.join(dir, 'report.pdf'));
  } catch (error) {
    if (error instanceof InvalidInput) throw error;
    throw new InvalidInput('PDF 转换失败，请改为导出 Word 文件');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function renderReport(
  doc: ReportDocument,
  format: ExportFormat,
): Promise<{ body: Uint8Array; contentType: string }> {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  switch (format) {
    case 'docx':
      return { body: new Uint8Array(await exportDocx(doc)), contentType: CONTENT_TYPE.docx };
    case 'md':
      return { body: utf8(exportMarkdown(doc)), contentType: CONTENT_TYPE.md };
    case 'html':
      return { body: utf8(exportHtml(doc)), contentType: CONTENT_TYPE.html };
    case 'pdf':
      return {
        body: new Uint8Array(await docxToPdf(await exportDocx(doc))),
        contentType: CONTENT_TYPE.pdf,
      };
  }
}

/** "2025年度述职报告-张三.docx" */
export function exportFilename(
  personName: string | null,
  year: number,
  format: ExportFormat,
): string {
  return `${year}年度述职报告${personName ? `-${personName}` : ''}.${format}`;
}
