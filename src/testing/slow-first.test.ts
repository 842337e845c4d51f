import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rankOf, SLOW_FILES } from './slow-first.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('slow files first', () => {
  it('lists only test files that exist (a renamed file would silently lose its place)', () => {
    expect(SLOW_FILES.filter((f) => !existsSync(path.join(ROOT, f)))).toEqual([]);
  });
  it('ranks listed files in list order and everything else after them', () => {
    expect(rankOf(path.join(ROOT, 'src/cli/cli.test.ts'))).toBe(0);
    expect(rankOf(path.join(ROOT, 'src/fault/fault.test.ts'))).toBe(2);
    expect(rankOf(path.join(ROOT, 'src/core/calendar/local-time.test.ts'))).toBe(SLOW_FILES.length);
  });
});
