import { defineConfig } from 'vitest/config';

/**
 * Unit, service and API tests. Browser tests (test/e2e, *.e2e.test.ts) run with
 * vitest.e2e.config.ts. On PGlite every test file opens its own in-memory database;
 * with DATABASE_URL the global setup creates one fresh database for the run.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', '**/*.e2e.test.ts', '**/node_modules/**', 'dist/**'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
  },
});
