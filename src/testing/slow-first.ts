/**
 * Test files in a clean checkout (CI) have no timing cache, so vitest orders them by size and a
 * three-minute file can start last and run alone at the end while the other worker idles (the
 * PostgreSQL run ended on src/cli/cli.test.ts: 392 s for 607 s of work on two workers). Files
 * known to be slow start first; the rest keep vitest's order. The list is a scheduling hint only:
 * a file missing from it, or listed but gone, changes nothing but the order.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Slowest first, from a CI run (seconds on PGlite / PostgreSQL). */
export const SLOW_FILES = [
  'src/cli/cli.test.ts', // 133 / 122
  'src/db/backup.test.ts', // 92 / 59
  'src/fault/fault.test.ts', // 66 / 42
  'src/server/scope-matrix.test.ts', // 59 / 40
  'src/cli/cli-database.test.ts', // 37 / 36
  'src/domains/reports/reports.test.ts', // 32 / 19
  'src/demo/demo-town.test.ts', // 30 / 19
  'src/domains/reports/report-drafts.quality.test.ts', // 25 / 15
  'src/server/operations.test.ts', // 20 / 10
  'src/server/input-fuzz.test.ts', // 18
  'src/domains/reports/report-lint.fresh.test.ts', // 17 / 11
  'src/db/migrations/0016_attachment_owner.test.ts', // 16 / 10
  'src/domains/metrics/metrics.test.ts', // 16
  'src/cli/doctor.test.ts', // 16 / 14
  'src/demo/demo-clock.test.ts', // 15
];

export function rankOf(moduleId: string): number {
  const i = SLOW_FILES.findIndex((f) => moduleId.replaceAll('\\', '/').endsWith(f));
  return i < 0 ? SLOW_FILES.length : i;
}

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // Array.prototype.sort is stable: files off the list keep vitest's own order.
    return [...sorted].sort((a, b) => rankOf(a.moduleId) - rankOf(b.moduleId));
  }
}
