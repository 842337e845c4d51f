import { defineConfig } from 'vitest/config';

// Browser journeys: playwright-core driving Debian's chromium against a real server.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // One file at a time: two at once (each with its own server and browser) took as long in CI
    // (596 s against 580–660 s) and let modals and pickers miss their 30 s waits.
    fileParallelism: false,
    // The demo town is built by one server start and copied for each file's server.
    globalSetup: ['e2e/support/global-setup.ts'],
    // A page that loads its data after the shell needs more than vitest's 1 s default on a busy
    // machine (CI shares two cores with the server and chromium).
    expect: { poll: { timeout: 15_000 } },
  },
});
