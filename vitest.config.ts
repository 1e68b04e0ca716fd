import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { slowestFirst } from './test/slowest-first-sequencer.js';

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
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core CI
    // machine, which leaves a core idle while a file waits on its servers, browsers and
    // child processes. At least two keep both cores busy; larger machines keep the default.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // The slowest files first, also on a fresh clone where vitest has no durations of its own.
    sequence: { sequencer: slowestFirst(new URL('./test/durations.json', import.meta.url)) },
    // A PostgreSQL (embedded unless ALLOT_TEST_POSTGRES_URL names one) and a Chromium for the run.
    globalSetup: ['./test/support/src/global-setup.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
