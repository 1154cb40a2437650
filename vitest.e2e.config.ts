import { defineConfig } from 'vitest/config';

/**
 * Browser tests: build the web app, start a real Koe server (PGlite in memory, or the
 * run's PostgreSQL when DATABASE_URL is set) and drive the system's Chromium.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
