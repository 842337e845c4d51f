/**
 * autocannon from this process against a server in another (bench/server.ts): a route list sent
 * round-robin on each connection, bounded by a request count and a time limit, optionally at a
 * fixed overall rate. Answers throughput, latency percentiles and the status codes seen.
 */
import autocannon from 'autocannon';
import type { Route } from './load-routes.ts';

export interface Driven {
  requests: number;
  seconds: number;
  throughput: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
  errors: number;
}

export interface DriveOptions {
  connections?: number;
  amount?: number;
  maxSeconds?: number;
  /** Requests per second over all connections (the peak-hour rate); unset = as fast as possible. */
  overallRate?: number;
}

export async function drive(
  url: string,
  routes: Route[],
  options: DriveOptions = {},
): Promise<Driven> {
  const opts: autocannon.Options = {
    url,
    connections: options.connections ?? 4,
    timeout: 30,
    requests: routes.map((r) => {
      const request: Record<string, unknown> = {
        method: r.method,
        path: r.path,
        headers: r.headers,
      };
      if (r.body)
        request.setupRequest = (req: any) => {
          const made = r.body!();
          return { ...req, body: made.body, headers: { ...req.headers, ...made.headers } };
        };
      return request;
    }) as autocannon.Request[],
  };
  const maxSeconds = options.maxSeconds ?? 60;
  if (options.amount) opts.amount = options.amount;
  else opts.duration = maxSeconds;
  if (options.overallRate) opts.overallRate = options.overallRate;
  // Bounded in time as well as in count: a slow server stops the run at maxSeconds.
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(opts, (error, r) => (error ? reject(error) : resolve(r)));
    const timer = setTimeout(() => instance.stop(), maxSeconds * 1000 + 1000);
    instance.once('done', () => clearTimeout(timer));
  });
  const statuses: Record<string, number> = {};
  const byCode = (result as unknown as { statusCodeStats?: Record<string, { count: number }> })
    .statusCodeStats;
  for (const [code, stat] of Object.entries(byCode ?? {})) statuses[code] = stat.count;
  const seconds = result.duration;
  return {
    requests: result.requests.total,
    seconds,
    throughput: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses,
    errors: result.errors + result.timeouts,
  };
}
