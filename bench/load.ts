/**
 * Load bench (issue 15): the real server on PostgreSQL in its own process (bench/server.ts), driven
 * over HTTP on 127.0.0.1 by autocannon from this one. Every figure is a ratio against a floor
 * measured in the same run: the same server answering a constant route (no session, no query).
 *
 *   npm run bench:load                                   # dev PostgreSQL at 127.0.0.1:55432
 *   BENCH_DATABASE_URL=postgres://… BENCH_LOAD_REQUESTS=500 npm run bench:load
 *   BENCH_LOAD_EXISTING_URL=postgres://…/lvzhi_city BENCH_PASSWORD=… npm run bench:load
 *       # on a database as it is, e.g. the city of `lvzhi demo --scale city` (its printed password)
 *
 * 1. Each route alone at saturation (8 connections, BENCH_LOAD_REQUESTS requests, ≤ 20 s):
 *    throughput, p50, p99 — and the ratio to the floor.
 * 2. The city's peak hour (derivation below) as one mixed stream at its rate for 20 s: p50, p99.
 * 3. A flooding resident (one address, as fast as it can) while other residents and staff are
 *    served: the flood is answered 429 after the limit, the others 2xx.
 *
 * Peak hour of DESIGN 11's city (200 towns, 1,000,000 appeals a year): 1,000,000 / 250 working
 * days = 4,000 a day; the busiest day carries twice the average and its busiest hour 15 % of the
 * day → 1,200 intakes an hour (0.33/s). Each order brings about 25 staff page views over its life
 * (queue, detail, dashboards, ledgers, reports) → 30,000 an hour (8.3/s). Peak ≈ 8.7 requests/s.
 */
import { drive, type Driven } from './drive.ts';
import { demoRoutes, FLOOR, type Route } from './load-routes.ts';
import { startServer } from './server.ts';

const REQUESTS = Number(process.env.BENCH_LOAD_REQUESTS ?? 300);
const PEAK_INTAKES_PER_S = ((1_000_000 / 250) * 2 * 0.15) / 3600;
const PEAK_STAFF_PER_S = PEAK_INTAKES_PER_S * 25;
const PEAK_PER_S = PEAK_INTAKES_PER_S + PEAK_STAFF_PER_S;

const served = await startServer({
  existingUrl: process.env.BENCH_LOAD_EXISTING_URL,
  databaseUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:55432/postgres',
  env: { LVZHI_TRUST_PROXY: '1' },
});
const ms = (n: number) => `${n.toFixed(1)} ms`;
const row = (name: string, d: Driven, floor: Driven) =>
  `| ${name} | ${d.requests} | ${d.throughput.toFixed(0)}/s | ${ms(d.p50)} | ${ms(d.p99)} | ` +
  `${(floor.throughput / d.throughput).toFixed(2)} | ${(d.p50 / Math.max(floor.p50, 0.1)).toFixed(2)} | ` +
  `${(d.throughput / PEAK_PER_S).toFixed(1)} | ${JSON.stringify(d.statuses)} |`;

try {
  const routes = await demoRoutes(served);
  console.log(
    `server pid ${served.pid} on ${served.location}; client: autocannon in pid ${process.pid}`,
  );
  console.log(
    `peak hour: ${(PEAK_INTAKES_PER_S * 3600).toFixed(0)} intakes + ${(PEAK_STAFF_PER_S * 3600).toFixed(0)} ` +
      `staff views an hour = ${PEAK_PER_S.toFixed(2)} requests/s`,
  );
  const saturate = (r: Route) =>
    drive(served.url, [r], { connections: 8, amount: REQUESTS, maxSeconds: 20 });
  await saturate(FLOOR); // warm-up
  const floor = await saturate(FLOOR);
  console.log(
    '\n| 路由 | 请求数 | 吞吐 | p50 | p99 | 地板吞吐/吞吐 | p50/地板 p50 | 吞吐/全市高峰 | 状态码 |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|');
  console.log(row(FLOOR.name, floor, floor));
  let failed = floor.errors > 0;
  for (const route of routes) {
    const d = await saturate(route);
    console.log(row(route.name, d, floor));
    const ok = Object.entries(d.statuses).every(([code]) => code.startsWith('2'));
    // Each page must keep up with its own share of the peak (the intake its 0.33/s, a staff page
    // a fifth of the staff views); the mixed stream below must hold the whole peak rate.
    const share = route === routes[0] ? PEAK_INTAKES_PER_S : PEAK_STAFF_PER_S / (routes.length - 1);
    if (!ok || d.errors || d.throughput < share) failed = true;
  }

  // The peak hour as one stream: 1 intake to every 25 staff views, round-robin over the pages.
  const mix = [
    routes[0]!,
    ...Array.from({ length: 25 }, (_, i) => routes[1 + (i % (routes.length - 1))]!),
  ];
  const peak = await drive(served.url, mix, {
    connections: 4,
    overallRate: Math.ceil(PEAK_PER_S),
    maxSeconds: 20,
  });
  console.log(
    `\npeak-hour mix at ${Math.ceil(PEAK_PER_S)} requests/s for ${peak.seconds} s: ${peak.requests} requests, ` +
      `p50 ${ms(peak.p50)}, p99 ${ms(peak.p99)} (floor p50 ${ms(floor.p50)}, p99 ${ms(floor.p99)}), ` +
      `statuses ${JSON.stringify(peak.statuses)}`,
  );
  failed ||=
    peak.errors > 0 ||
    peak.throughput < 0.95 * Math.ceil(PEAK_PER_S) ||
    Object.keys(peak.statuses).some((c) => !c.startsWith('2'));

  // A flooding resident (one address) next to ordinary residents and a dispatcher at work.
  const flooder: Route = {
    ...routes[0]!,
    name: 'flood',
    body: () => {
      const made = routes[0]!.body!();
      return { ...made, headers: { ...made.headers, 'x-forwarded-for': '203.0.113.9' } };
    },
  };
  const [flood, others] = await Promise.all([
    drive(served.url, [flooder], { connections: 4, maxSeconds: 10 }),
    drive(served.url, [routes[0]!, routes[1]!], { connections: 2, overallRate: 4, maxSeconds: 10 }),
  ]);
  console.log(
    `\nflood from one address: ${flood.requests} requests, statuses ${JSON.stringify(flood.statuses)}; ` +
      `others meanwhile: ${others.requests} requests, statuses ${JSON.stringify(others.statuses)}, ` +
      `p50 ${ms(others.p50)}, p99 ${ms(others.p99)}`,
  );
  const accepted = flood.statuses['201'] ?? 0;
  failed ||=
    accepted > 5 ||
    !flood.statuses['429'] ||
    Object.keys(others.statuses).some((c) => !c.startsWith('2'));
  process.exitCode = failed ? 1 : 0;
} finally {
  await served.stop();
}
