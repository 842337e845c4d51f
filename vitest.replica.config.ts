import { defineConfig } from 'vitest/config';

// Read replica routing on a real streaming standby (src/**/*.replica.ts): it starts its own
// PostgreSQL primary and standby from the Debian binaries, which `npm test` does not need, so it
// runs as its own CI step.
export default defineConfig({
  test: {
    include: ['src/**/*.replica.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
