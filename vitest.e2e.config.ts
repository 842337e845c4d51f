import { defineConfig } from 'vitest/config';

// Browser journeys: playwright-core driving Debian's chromium against a real server.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
