/**
 * What the layout checks need besides npm: LibreOffice (`soffice`) and the fonts the official
 * names map to (report-export.ts fontConfig). Missing pieces fail the run with the Debian packages
 * to install — these checks never pass by skipping (`.ci/run` installs them).
 */
import { execFileSync } from 'node:child_process';
import { docxToPdf, findSoffice } from '../src/domains/reports/report-export.ts';

const FONTS: Array<[family: string, pkg: string]> = [
  ['Noto Serif CJK SC', 'fonts-noto-cjk'],
  ['Noto Sans CJK SC', 'fonts-noto-cjk'],
  ['AR PL KaitiM GB', 'fonts-arphic-gkai00mp'],
  ['Liberation Serif', 'fonts-liberation2'],
];

/** Throws, naming the packages, unless LibreOffice and the fonts are installed. */
export function requireRenderer(): void {
  const missing: string[] = [];
  if (!findSoffice()) missing.push('libreoffice-writer');
  let families = '';
  try {
    families = execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' });
  } catch {
    missing.push('fontconfig');
  }
  for (const [family, pkg] of FONTS)
    if (!families.includes(family) && !missing.includes(pkg)) missing.push(pkg);
  if (missing.length)
    throw new Error(
      `版式检查需要 LibreOffice 和字体：apt-get install ${missing.join(' ')}（.ci/run 会安装）`,
    );
}

/** The server's own PDF conversion (report-export.ts docxToPdf). */
export const renderPdf = (docx: Buffer) => docxToPdf(docx);
