import { defineConfig } from 'vitest/config';

// Unit and domain tests. Domain tests open their own database (PGlite in memory, or a fresh
// PostgreSQL database under TEST_DATABASE_URL), so files run in parallel safely.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
