/**
 * `npm run bench [name]`: runs bench/<name>.bench.ts, or every bench, prints each report and
 * exits non-zero when any ratio misses its declared target.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { printReport, type Bench } from './lib.ts';

const dir = import.meta.dirname;
const wanted = process.argv[2];
const available = (await readdir(dir))
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort();
const names = wanted ? [wanted] : available;
if (wanted && !available.includes(wanted)) {
  console.error(`没有名为 ${wanted} 的基准；可用：${available.join('、')}`);
  process.exit(1);
}

const missed: string[] = [];
for (const name of names) {
  const bench = (await import(pathToFileURL(path.join(dir, `${name}.bench.ts`)).href))
    .default as Bench;
  console.log(`▶ ${name}: ${bench.description}`);
  const report = await bench.run();
  missed.push(...printReport(report).map((f) => `${name}: ${f}`));
}
if (missed.length) {
  console.error(`\n✗ 未达目标：\n  ${missed.join('\n  ')}`);
  process.exit(1);
}
console.log('\n✓ 全部达到目标');
