// End-to-end tests: a real server on loopback and Debian's Chromium. Run by `npm run test:e2e`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One browser at a time on two cores.
    maxWorkers: 1,
    fileParallelism: false,
  },
});
