import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './src/testing/slow-first.ts';

// Browser journeys: playwright-core driving Debian's chromium against a real server.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Two files at a time, each with its own server and browser: a journey waits on its server
    // and browser most of the time (about 60 % of two cores in a serial run). The longest
    // journeys start first so none runs alone at the end.
    fileParallelism: true,
    maxWorkers: 2,
    sequence: { sequencer: SlowFirstSequencer },
    // The demo town is built by one server start and copied for each file's server.
    globalSetup: ['e2e/support/global-setup.ts'],
    // A page that loads its data after the shell needs more than vitest's 1 s default on a busy
    // machine (CI shares two cores with the server and chromium).
    expect: { poll: { timeout: 15_000 } },
  },
});
