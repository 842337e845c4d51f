import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { lineLengthProblems, longLinesIn, MAX_LINE } from './line-length.ts';

describe('line length (no line of code over 120 characters)', () => {
  it('holds for every code file of the repository, with no max-len suppression', () => {
    expect(lineLengthProblems()).toEqual([]);
  });

  it('counts characters, not bytes: 120 Chinese characters pass, 121 fail', () => {
    expect(longLinesIn('a.ts', '字'.repeat(MAX_LINE))).toEqual([]);
    expect(longLinesIn('a.ts', `ok\n${'字'.repeat(MAX_LINE + 1)}`)).toEqual([
      { file: 'a.ts', line: 2, length: MAX_LINE + 1 },
    ]);
  });

  it('finds a long line behind an eslint-disable comment and a max-len suppression', () => {
    const dir = mkdtempSync(join(tmpdir(), 'line-length-'));
    try {
      execFileSync('git', ['init', '-q'], { cwd: dir });
      const long = `// eslint-disable-next-line max-len\nexport const s = '${'x'.repeat(120)}';\n`;
      writeFileSync(join(dir, 'long.ts'), long);
      writeFileSync(join(dir, 'notes.md'), `${'x'.repeat(200)}\n`);
      writeFileSync(
        join(dir, 'eslint-suppressions.json'),
        JSON.stringify({ 'long.ts': { 'max-len': { count: 1 } } }),
      );
      expect(lineLengthProblems(dir)).toEqual([
        `long.ts:2: 140 characters (at most ${MAX_LINE})`,
        'long.ts: max-len is suppressed in eslint-suppressions.json (wrap the lines)',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
