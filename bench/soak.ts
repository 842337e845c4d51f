/**
 * Soak (issue 15): the real server on PGlite in its own process, driven over HTTP for a bounded
 * time by a mix of the public intake and staff pages (bench/load-routes.ts, autocannon) and, at
 * the same time, the outside probe's other kinds (bench/soak-requests.ts, by fetch: Open311,
 * intake with a photo, logins, the similar-orders hint, Word and Excel exports); its resident
 * memory (VmRSS) is sampled, start and end printed, and the growth checked against a limit.
 *
 *   npm run soak                       # 60 s after a warm-up; limit 150 MB
 *   SOAK_SECONDS=600 SOAK_MAX_GROWTH_MB=200 npm run soak
 *   SOAK_NODE_FLAGS="--max-old-space-size=4096" npm run soak   # the server's V8 flags
 *
 * Not in CI (a timed run on a shared machine); the numbers go to docs/performance.md.
 */
import { drive } from './drive.ts';
import { demoRoutes, type Route } from './load-routes.ts';
import { PASSWORD, startServer } from './server.ts';
import { soakKinds, type SoakKind } from './soak-requests.ts';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const LIMIT_MB = Number(process.env.SOAK_MAX_GROWTH_MB ?? 150);
const WARMUP = Number(process.env.SOAK_WARMUP ?? 1500);
const flags = process.env.SOAK_NODE_FLAGS?.split(/\s+/).filter(Boolean);

const served = await startServer({
  databaseUrl: process.env.SOAK_DATABASE_URL,
  nodeFlags: flags,
  env: { LVZHI_TRUST_PROXY: '1' },
});
const mb = (n: number) => `${n.toFixed(0)} MB`;

/** V8 heap and external memory of the server (its /metrics, loopback), in MB. */
async function processMemory() {
  const text = await (await fetch(`${served.url}/metrics`)).text();
  const value = (name: string) =>
    Math.round(Number(new RegExp(`^${name} (\\S+)`, 'm').exec(text)?.[1] ?? NaN) / 1048576);
  return {
    heap: value('lvzhi_nodejs_heap_size_used_bytes'),
    external: value('lvzhi_nodejs_external_memory_bytes'),
  };
}

/** Sends the kinds round-robin from `workers` loops until `seconds` have passed. */
async function loopKinds(kinds: SoakKind[], seconds: number, workers = 2) {
  const until = Date.now() + seconds * 1000;
  const statuses: Record<string, number> = {};
  let requests = 0;
  let next = 0;
  const worker = async () => {
    while (Date.now() < until) {
      const i = next++;
      const status = await kinds[i % kinds.length]!.send(i);
      statuses[status] = (statuses[status] ?? 0) + 1;
      requests++;
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return { requests, statuses };
}

/** Diagnosis: each route or kind alone for SOAK_PER_ROUTE seconds, with the RSS growth. */
async function perRoute(routes: Route[], kinds: SoakKind[]) {
  const only = process.env.SOAK_ONLY;
  const seconds = Number(process.env.SOAK_PER_ROUTE);
  const all: { name: string; route?: Route; kind?: SoakKind }[] = [
    ...routes.map((route) => ({ name: route.name, route })),
    ...kinds.map((kind) => ({ name: kind.name, kind })),
  ];
  for (const one of all.filter((o) => !only || o.name.includes(only))) {
    const before = served.rssMb();
    const memBefore = await processMemory();
    const run = one.route
      ? await drive(served.url, [one.route], { connections: 2, maxSeconds: seconds })
      : await loopKinds([one.kind!], seconds);
    const after = served.rssMb();
    const memAfter = await processMemory();
    console.log(
      `  V8 heap used ${memBefore.heap} → ${memAfter.heap}, external ${memBefore.external} → ${memAfter.external}`,
    );
    console.log(
      `${one.name}: ${run.requests} requests, RSS ${mb(before)} → ${mb(after)} ` +
        `(${(((after - before) * 1024) / Math.max(1, run.requests)).toFixed(0)} KB per request)`,
    );
  }
}
try {
  const routes = await demoRoutes(served);
  const call = (p: string, init?: RequestInit) => fetch(`${served.url}${p}`, init);
  const kinds = await soakKinds(call, process.env.BENCH_PASSWORD ?? PASSWORD);
  console.log(
    `server pid ${served.pid} on ${served.location}, flags: ${flags?.join(' ') || '(default)'}`,
  );
  console.log(`after start: ${mb(served.rssMb())}`);
  await drive(served.url, routes, { connections: 4, amount: WARMUP });
  await loopKinds(kinds, 10);
  if (process.env.SOAK_PER_ROUTE) await perRoute(routes, kinds);
  const start = served.rssMb();
  let peak = start;
  const samples: string[] = [];
  const t0 = Date.now();
  const sampler = setInterval(() => {
    const rss = served.rssMb();
    peak = Math.max(peak, rss);
    samples.push(`${((Date.now() - t0) / 1000).toFixed(0)} s ${rss.toFixed(0)}`);
  }, 5000);
  const [run, other] = await Promise.all([
    drive(served.url, routes, { connections: 2, maxSeconds: SECONDS }),
    loopKinds(kinds, SECONDS),
  ]);
  clearInterval(sampler);
  await new Promise((r) => setTimeout(r, 2000));
  const end = served.rssMb();
  peak = Math.max(peak, end);
  console.log(`samples (MB): ${samples.join(', ')}`);
  console.log(
    `${run.requests} requests in ${run.seconds} s (${run.throughput.toFixed(0)}/s), ` +
      `statuses ${JSON.stringify(run.statuses)}, errors ${run.errors}; other kinds ` +
      `${other.requests} requests, statuses ${JSON.stringify(other.statuses)}`,
  );
  const growth = end - start;
  console.log(
    `RSS start ${mb(start)} → end ${mb(end)} (peak ${mb(peak)}): growth ${mb(growth)}, limit ${mb(LIMIT_MB)} ` +
      (growth <= LIMIT_MB ? '✓' : '✗'),
  );
  process.exitCode = growth <= LIMIT_MB && run.errors === 0 ? 0 : 1;
} finally {
  await served.stop();
}
