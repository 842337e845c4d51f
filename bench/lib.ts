/**
 * What every bench shares: timing samples, median/p95, and the report format. A bench compares
 * a figure with a floor measured in the same run (raw SQL over the same rows) and declares the
 * largest ratio it accepts; machines differ, ratios travel.
 */
import { performance } from 'node:perf_hooks';

export interface Figure {
  /** What is measured, e.g. "人员列表首页 (API)". */
  name: string;
  samples: number[];
  floor: number[];
  /** Largest acceptable median(figure) / median(floor). */
  target: number;
}

export interface BenchReport {
  title: string;
  /** Scale and back-end, printed above the table. */
  setting: string;
  figures: Figure[];
}

export interface Bench {
  description: string;
  run(): Promise<BenchReport>;
}

/** Runs `work` `warmup` times unmeasured, then `iterations` times, returning milliseconds. */
export async function sample(
  work: () => Promise<unknown>,
  iterations: number,
  warmup = Math.ceil(iterations / 10),
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await work();
  const out: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await work();
    out.push(performance.now() - start);
  }
  return out;
}

/** Alternates figure and floor so drift (GC, cache warmth) hits both alike. */
export async function compare(
  figure: () => Promise<unknown>,
  floor: () => Promise<unknown>,
  iterations: number,
): Promise<{ samples: number[]; floor: number[] }> {
  const a: number[] = [];
  const b: number[] = [];
  const rounds = 5;
  for (let r = 0; r < rounds; r++) {
    a.push(...(await sample(figure, Math.ceil(iterations / rounds))));
    b.push(...(await sample(floor, Math.ceil(iterations / rounds))));
  }
  return { samples: a, floor: b };
}

export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

export const median = (values: number[]) => quantile(values, 0.5);

/** Prints the table; returns the names of figures whose ratio misses the target. */
export function printReport(report: BenchReport): string[] {
  const rows = report.figures.map((f) => {
    const ratio = median(f.samples) / median(f.floor);
    return {
      f,
      ratio,
      cells: [
        f.name,
        ms(median(f.samples)),
        ms(quantile(f.samples, 0.95)),
        ms(median(f.floor)),
        ms(quantile(f.floor, 0.95)),
        ratio.toFixed(2),
        `≤ ${f.target}`,
        ratio <= f.target ? '✓' : '✗',
      ],
    };
  });
  const head = ['figure', 'median', 'p95', 'floor median', 'floor p95', 'ratio', 'target', ''];
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r.cells[i]!))));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? pad(c, widths[i]!) : pad(c, widths[i]!, true))).join('  ');
  console.log(`\n${report.title}\n${report.setting}\n`);
  console.log(line(head));
  for (const r of rows) console.log(line(r.cells));
  return rows.filter((r) => !(r.ratio <= r.f.target)).map((r) => r.f.name);
}

const ms = (v: number) => `${v.toFixed(2)} ms`;
/** Display width: CJK characters take two columns. */
const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u2e80-\uffff]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, w: number, right = false) =>
  right ? ' '.repeat(w - width(s)) + s : s + ' '.repeat(w - width(s));
