/**
 * Graceful stop of `lvzhi serve` on SIGTERM/SIGINT: stop accepting connections, let every request
 * in flight finish (its response says `Connection: close`), close kept-alive connections once
 * nothing has been in flight for a moment, then stop the scheduler (waiting for a running tick)
 * and close the database. Past the grace period the process exits 1 without the stragglers.
 *
 * "In flight" counts responses not yet sent and handlers still running: a client that goes away
 * closes its response at once, but its handler runs on (an intake half-way through its queries),
 * and closing the database under it answered "driver has already been destroyed".
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';
import type { Logger } from 'pino';

export interface InFlight {
  count(): number;
  /** From now on every response not yet started says `Connection: close`. */
  drain(): void;
}

/** A fetch handler that counts its runs, so a shutdown can wait for those whose client left. */
export function countRuns<A extends unknown[], R>(
  fetch: (...args: A) => R | Promise<R>,
): { fetch: (...args: A) => Promise<R>; running: () => number } {
  let running = 0;
  return {
    fetch: async (...args) => {
      running++;
      try {
        return await fetch(...args);
      } finally {
        running--;
      }
    },
    running: () => running,
  };
}

/** Counts requests being answered: responses until fully sent or aborted, plus handler runs. */
export function trackInFlight(server: Server, handlers?: { running(): number }): InFlight {
  const open = new Set<ServerResponse>();
  let draining = false;
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    open.add(res);
    if (draining) res.setHeader('connection', 'close');
    res.once('close', () => open.delete(res));
  });
  return {
    count: () => open.size + (handlers?.running() ?? 0),
    drain() {
      draining = true;
      for (const res of open) if (!res.headersSent) res.setHeader('connection', 'close');
    },
  };
}

export interface ShutdownOptions {
  server: Server;
  inFlight: InFlight;
  logger: Logger;
  graceSeconds: number;
  /** Stops what runs beside the server (the scheduler, then the database), in order. */
  stop: () => Promise<void>;
  exit?: (code: number) => void;
}

/** Quiet time with nothing in flight before kept-alive connections are closed. */
const QUIET_MS = 300;

export function gracefulShutdown(options: ShutdownOptions): (signal: string) => void {
  const { server, inFlight, logger } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  return (signal) => {
    if (stopping) return;
    stopping = true;
    logger.info(
      { signal, inFlight: inFlight.count() },
      'shutting down: no new connections, finishing requests in flight',
    );
    const force = setTimeout(() => {
      logger.error(
        { inFlight: inFlight.count(), graceSeconds: options.graceSeconds },
        'requests still running after the grace period: exiting without them',
      );
      exit(1);
    }, options.graceSeconds * 1000);
    force.unref();
    inFlight.drain();
    // http.Server#close would also drop every idle kept-alive connection at once, resetting a
    // request that is on its way over one but not yet parsed (the event loop may be busy with a
    // PGlite import). So only stop listening here, and close idle connections once quiet.
    NetServer.prototype.close.call(server, () => {
      clearInterval(quiet);
      void whenIdle(inFlight)
        .then(options.stop)
        .then(
          () => exit(0),
          (err: unknown) => {
            logger.error({ err }, 'shutdown failed');
            exit(1);
          },
        );
    });
    let quietSince = performance.now();
    const quiet = setInterval(() => {
      if (inFlight.count() > 0) quietSince = performance.now();
      else if (performance.now() - quietSince >= QUIET_MS) server.closeIdleConnections();
    }, 50);
  };
}

/** Resolves once nothing is in flight (connections may all be closed while handlers still run). */
async function whenIdle(inFlight: InFlight): Promise<void> {
  while (inFlight.count() > 0) await new Promise((resolve) => setTimeout(resolve, 20));
}
