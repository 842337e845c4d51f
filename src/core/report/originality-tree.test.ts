/**
 * The originality rule over the whole product, not only templates and phrases: no line of our
 * source, web UI, demo data or docs shares a run of 12 or more characters with a reference report.
 * Tests (and their fixtures) are exempt: the importer's expected outputs quote the references'
 * headings on purpose.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRunIndex, longestRunIn } from './originality.ts';
import {
  hasReference,
  readAllReferences,
  REFERENCE_SKIP_MESSAGE,
  repoRoot,
} from './reference-corpus.ts';

const LIMIT = 12;
const ROOTS = ['src', 'web/src', 'docs', 'bench', 'e2e', 'README.md', 'CHANGELOG.md'];
const SKIP_DIRS = new Set(['node_modules', 'dist', 'fixtures', 'screenshots', 'samples']);

function* files(entry: string): Generator<string> {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) {
    yield entry;
    return;
  }
  for (const name of fs.readdirSync(entry))
    if (!SKIP_DIRS.has(name)) yield* files(path.join(entry, name));
}

const isTest = (file: string) => /\.(test|e2e)\.tsx?$/.test(file);

if (!hasReference) console.warn(REFERENCE_SKIP_MESSAGE);

describe.skipIf(!hasReference)('originality of the whole tree', () => {
  const index = buildRunIndex(readAllReferences().join('\n\u0000\n'));

  it('finds a copied line when one is planted (the check can fail)', () => {
    const copied = readAllReferences()[0]!
      .split('\n')
      .find((l) => l.replace(/\s/g, '').length > 30)!;
    expect(longestRunIn(index, copied).length).toBeGreaterThanOrEqual(LIMIT);
  });

  it('no line of source, UI, demo data or docs shares 12+ characters with a reference report', () => {
    const offences: string[] = [];
    let scanned = 0;
    for (const root of ROOTS) {
      for (const file of files(path.join(repoRoot, root))) {
        if (!/\.(ts|tsx|md|txt|css|html)$/.test(file) || isTest(file)) continue;
        scanned++;
        fs.readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (!/[\u4e00-\u9fff]/.test(line)) return;
            const run = longestRunIn(index, line);
            if (run.length >= LIMIT)
              offences.push(`${path.relative(repoRoot, file)}:${i + 1}: “${run.run}”`);
          });
      }
    }
    expect(scanned).toBeGreaterThan(300);
    expect(offences).toEqual([]);
  });
});
