import os from 'node:os';
import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './src/testing/slow-first.ts';

// Unit and domain tests. Domain tests open their own database (PGlite in memory, or a fresh
// PostgreSQL database under TEST_DATABASE_URL), so files run in parallel safely. Web tests cover
// the UI's pure modules and run in Node (no browser); scripts/ holds the API type generator.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'web/src/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // A worker keeps the modules it has loaded from one test file to the next: loading the server's
    // modules again for each of 150 files cost about a quarter of the suite. Tests that change the
    // environment put it back after themselves; a test that mocks a module loads the code under
    // test afresh (vi.resetModules, then import).
    isolate: false,
    // Vitest's default is one worker less than the cores: one worker on CI's two cores, which
    // leaves a core idle while a file waits on its database. Two at least; VITEST_MAX_WORKERS
    // lowers it (e.g. 1 while others share the machine).
    maxWorkers:
      Number(process.env.VITEST_MAX_WORKERS) || Math.max(2, os.availableParallelism() - 1),
    // Known-slow files start first, so none runs alone at the end (src/testing/slow-first.ts).
    sequence: { sequencer: SlowFirstSequencer },
    // The demo town is built once per run and copied into each file's database.
    globalSetup: ['src/testing/global-setup.ts'],
  },
});
