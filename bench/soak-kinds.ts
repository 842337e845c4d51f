/**
 * Locating memory growth (issue 15): the app in this process on a PGlite data directory (as
 * `lvzhi serve` opens it) with the demo town, driven by `app.request()` one request kind at a
 * time; after each kind a forced GC, then resident memory, V8 heap, external and ArrayBuffer
 * memory are printed with their change per request. The kinds are those the outside probe sent
 * that the HTTP soak's mix lacked (bench/soak-requests.ts).
 *
 *   node --expose-gc --import tsx bench/soak-kinds.ts            # 300 requests per kind
 *   SOAK_KIND_N=1000 SOAK_EVERY=250 SOAK_KINDS=相似,受理 node --expose-gc --import tsx bench/soak-kinds.ts
 *
 * Not in CI: it takes minutes; the figures go to docs/performance.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createDemoTown } from '../src/demo/demo-town.ts';
import * as text from '../src/core/text/index.ts';
import { soakKinds, type Call } from './soak-requests.ts';
import { benchApp } from './app.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const N = Number(process.env.SOAK_KIND_N ?? 300);
/** Print memory every this many requests of a kind (0: only at its end). */
const EVERY = Number(process.env.SOAK_EVERY ?? 0);
const only = process.env.SOAK_KINDS?.split(',').filter(Boolean);
const PASSWORD = 'Soak-Passw0rd-2026';
process.env.LVZHI_TRUST_PROXY = '1';

const mb = (n: number) => n / 1048576;
function memory() {
  gc!();
  gc!();
  const m = process.memoryUsage();
  return {
    rss: mb(m.rss),
    heap: mb(m.heapUsed),
    external: mb(m.external),
    buffers: mb(m.arrayBuffers),
  };
}
type Memory = ReturnType<typeof memory>;
const fmt = (a: Memory, b: Memory, n: number) =>
  (Object.keys(a) as (keyof Memory)[])
    .map(
      (k) =>
        `${k} ${a[k].toFixed(0)}→${b[k].toFixed(0)} (${(((b[k] - a[k]) * 1024) / n).toFixed(1)} KB/req)`,
    )
    .join(', ');

const dir = mkdtempSync(path.join(os.tmpdir(), 'lvzhi-soak-'));
const database = await openDatabase({ dataDir: dir });
try {
  await migrateToLatest(database.db);
  const t0 = Date.now();
  await createDemoTown(database.db, PASSWORD);
  console.log(`demo town on PGlite ${dir} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  const app = benchApp(database.db);
  const call: Call = (url, init) => Promise.resolve(app.request(url, init));
  const kinds = await soakKinds(call, PASSWORD);
  const start = memory();
  console.log(`start: ${fmt(start, start, 1)}`);
  for (const kind of kinds.filter((k) => !only || only.some((o) => k.name.includes(o)))) {
    for (let i = 0; i < 10; i++) await kind.send(i); // warm-up: first-use allocations
    const before = memory();
    const t = Date.now();
    const statuses: Record<number, number> = {};
    for (let i = 10; i < N + 10; i++) {
      const status = await kind.send(i);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (EVERY && (i - 9) % EVERY === 0) {
        const m = memory();
        const memo = (text as Partial<typeof text>).tokenCacheStats?.();
        console.log(
          `  ${i - 9}: ${fmt(before, m, i - 9)}` +
            (memo ? `; token memo ${memo.entries}, ${mb(memo.bytes).toFixed(1)} MB` : ''),
        );
      }
    }
    const after = memory();
    const secs = (Date.now() - t) / 1000;
    console.log(`${kind.name}: ${N} in ${secs.toFixed(0)} s ${JSON.stringify(statuses)}`);
    console.log(`  ${fmt(before, after, N)}`);
    // (Absent before the memo was bounded by bytes: the script also measures the old code.)
    const memo = (text as Partial<typeof text>).tokenCacheStats?.();
    if (memo) console.log(`  token memo ${memo.entries} entries, ${mb(memo.bytes).toFixed(1)} MB`);
  }
  const end = memory();
  console.log(`end: ${fmt(start, end, 1)}`);
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
