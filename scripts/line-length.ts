/**
 * The line-length rule (STYLE.md "Size and format"): no line of code over 120 characters. eslint's
 * max-len reports it while editing; this check is the one CI trusts, because it reads the files
 * themselves: an `eslint-disable` comment or an entry in eslint-suppressions.json cannot hide a
 * long line from it, and a max-len suppression is itself an error (`npm run lint`).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const MAX_LINE = 120;
/** Code, styles and markup; prose (Markdown) and data (JSON, fixtures) wrap as they need. */
const CODE = /\.(ts|tsx|js|cjs|mjs|css|html)$/;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface LongLine {
  file: string;
  line: number;
  length: number;
}

/** Width as eslint's max-len counts it: UTF-16 code units, a tab as two columns. */
export const width = (line: string) => line.replace(/\t/g, '  ').length;

export function longLinesIn(file: string, text: string, max = MAX_LINE): LongLine[] {
  return text.split('\n').flatMap((l, i) => {
    const length = width(l.replace(/\r$/, ''));
    return length > max ? [{ file, line: i + 1, length }] : [];
  });
}

/** Committed and new (not ignored) code files of the repository. */
export function codeFiles(root = ROOT): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return out.split('\n').filter((f) => CODE.test(f));
}

/** Every long line of the repository's code, and every max-len suppression. */
export function lineLengthProblems(root = ROOT): string[] {
  const problems: string[] = [];
  for (const file of codeFiles(root)) {
    let text: string;
    try {
      text = readFileSync(`${root}/${file}`, 'utf8');
    } catch {
      continue; // listed by git but deleted in the working tree
    }
    for (const l of longLinesIn(file, text))
      problems.push(`${l.file}:${l.line}: ${l.length} characters (at most ${MAX_LINE})`);
  }
  const suppressions = JSON.parse(
    readFileSync(`${root}/eslint-suppressions.json`, 'utf8'),
  ) as Record<string, Record<string, unknown>>;
  for (const [file, rules] of Object.entries(suppressions))
    if ('max-len' in rules)
      problems.push(`${file}: max-len is suppressed in eslint-suppressions.json (wrap the lines)`);
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const problems = lineLengthProblems();
  for (const p of problems) console.error(p);
  if (problems.length) {
    console.error(`${problems.length} line(s) over ${MAX_LINE} characters`);
    process.exit(1);
  }
  console.log(`no line of code over ${MAX_LINE} characters`);
}
