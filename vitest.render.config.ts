import { defineConfig } from 'vitest/config';

// Layout checks of the Word export rendered by LibreOffice (render/*.render.ts): they need
// soffice and the CJK fonts, which `npm test` does not, so they run as their own CI step.
export default defineConfig({
  test: {
    include: ['render/**/*.render.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
