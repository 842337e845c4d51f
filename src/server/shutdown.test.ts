import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { countRuns, gracefulShutdown, trackInFlight } from './shutdown.ts';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('graceful shutdown', () => {
  it('closes the database only after a handler whose client went away has finished', async () => {
    const events: string[] = [];
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const handlers = countRuns(async () => {
      started();
      await released; // a handler half-way through its queries
      events.push('handler finished');
      return new Response('ok');
    });
    const server = serve({ fetch: handlers.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
    const inFlight = trackInFlight(server, handlers);
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;

    const client = request(`http://127.0.0.1:${port}/`);
    const gone = new Promise((resolve) => client.once('error', resolve));
    client.end();
    await running;
    client.destroy(); // the client leaves: its response closes, its handler runs on
    await gone;
    await expect.poll(() => inFlight.count()).toBe(1); // the handler alone

    let exitCode: number | undefined;
    const shutdown = gracefulShutdown({
      server,
      inFlight,
      logger: pino({ level: 'silent' }),
      graceSeconds: 30,
      stop: async () => {
        events.push('database closed');
      },
      exit: (code) => (exitCode = code),
    });
    const closed = new Promise((resolve) => server.once('close', resolve));
    shutdown('SIGTERM');
    await closed; // every connection is closed; the handler still runs
    await tick(200);
    expect(events).toEqual([]);
    expect(inFlight.count()).toBe(1);

    release();
    await expect.poll(() => exitCode, { timeout: 5_000 }).toBe(0);
    expect(events).toEqual(['handler finished', 'database closed']);
  });
});
