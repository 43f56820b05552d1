import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,relay,demo,desktop,intake-page}/src/**/*.test.ts', 'e2e/**/*.test.ts', 'lint/**/*.test.ts'],
    // one empty replica for the run's tests to copy (vitest.global-setup.ts)
    globalSetup: ['./vitest.global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // suites share one PostgreSQL server; each creates its own database
    fileParallelism: true,
    maxWorkers: 2,
  },
});
