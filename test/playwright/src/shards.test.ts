import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResultsFile } from '@allot/client';
import { rowKeys } from '@allot/test-support/json-report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allotRun } from './support/allot-run.js';
import { ALLOCATED_TESTS } from './support/paths.js';
import { RUN_TIMEOUT_MS, runPlaywright } from './support/playwright-run.js';

let dir: string;
let results: ResultsFile;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'allot-pw-shards-'));
  results = await allotRun(dir);
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('npx playwright test --shard, two processes sharing one results file', () => {
  it(
    'runs each test on one shard, and no row goes to two tests across shards',
    { timeout: RUN_TIMEOUT_MS },
    async () => {
      const shard = (index: number) =>
        runPlaywright({
          dir: join(dir, `shard-${index}`),
          args: ['--shard', `${index}/2`, '--workers', '2', '--grep-invert', '@no-allocation'],
          env: { ALLOT_RESULTS_FILE: results.path },
        });
      const runs = await Promise.all([shard(1), shard(2)]);

      for (const run of runs) {
        expect(run.exitCode, run.stdout + run.stderr).toBe(0);
        expect(run.tests.length).toBeGreaterThan(0);
        expect(run.tests.filter((t) => t.status !== 'expected')).toEqual([]);
      }
      // Each shard's report lists the tests that shard ran: together, every test once.
      const ran = runs.flatMap((run) => run.tests);
      const names = ran.map((t) => t.name);
      expect(new Set(names).size).toBe(ALLOCATED_TESTS);
      expect(names).toHaveLength(ALLOCATED_TESTS);

      const keys = rowKeys(ran);
      expect(keys).toHaveLength(ALLOCATED_TESTS + 1);
      expect(new Set(keys).size).toBe(keys.length);
      const inFile = results.entries.flatMap((e) => e.values.map((row) => String(row.id)));
      expect([...keys].sort()).toEqual([...inFile].sort());
    },
  );
});
