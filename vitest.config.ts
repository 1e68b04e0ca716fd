import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/github-action/test/**/*.test.ts',
      'test/*/src/**/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A PostgreSQL (embedded unless ALLOT_TEST_POSTGRES_URL names one) and a Chromium for the run.
    globalSetup: ['./test/support/src/global-setup.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
