import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AllotClient } from '@allot/client';
import { describeTest, readResultsFile, type Row, type TestRef } from '@allot/client';
import { runAllot, testList } from './run-allot.js';

/** Where the values of the placeholders come from. */
export type PlaceholderSource =
  /** A results file of a job that already ran (`allot run`, the GitHub Action): nothing is allocated. */
  | { kind: 'results-file'; path: string }
  /** An allot server: the tests run as one job there. */
  | { kind: 'server'; client: AllotClient; server?: string }
  /** No server: pool files and the embedded store of a data directory, run by `allot run`. */
  | { kind: 'embedded'; poolFiles: readonly string[]; dataDir: string; ttlSeconds?: number };

/** The rows of each test, and the job that holds them. */
export interface ResolvedRows {
  jobId: number | null;
  rows: Map<string, readonly Row[]>;
  /** Tests that got no rows, with the reason. */
  failures: Array<{ ref: TestRef; reason: string }>;
}

/** Allocates (or reads) every test as ONE bundle. */
export async function resolveRows(
  refs: readonly TestRef[],
  source: PlaceholderSource,
  key: (ref: TestRef) => string,
  resultsOut?: string,
): Promise<ResolvedRows> {
  const rows = new Map<string, readonly Row[]>();
  const failures: ResolvedRows['failures'] = [];
  if (source.kind === 'results-file') {
    const file = await readResultsFile(source.path);
    for (const ref of refs) {
      try {
        rows.set(key(ref), file.get(ref.pool, ref.suite, ref.test).values);
      } catch (error) {
        failures.push({ ref, reason: (error as Error).message });
      }
    }
    return { jobId: file.jobId, rows, failures };
  }
  if (source.kind === 'server') {
    const job = await source.client.execute(refs, {
      server: source.server ?? 'local',
      failOnError: false,
    });
    await Promise.all(
      refs.map(async (ref) => {
        try {
          rows.set(key(ref), await source.client.rows(ref.pool, ref.suite, ref.test));
        } catch (error) {
          failures.push({ ref, reason: (error as Error).message });
        }
      }),
    );
    if (failures.length > 0 && job.jobState !== 'Complete')
      failures.unshift({
        ref: refs[0] as TestRef,
        reason: `job ${job.id}: ${job.progressMessage}`,
      });
    return { jobId: job.id, rows, failures };
  }
  const scratch = await mkdtemp(join(tmpdir(), 'allot-cucumber-'));
  try {
    const testsFile = join(scratch, 'tests.json');
    await writeFile(testsFile, testList(refs));
    const resultsFile = resultsOut ?? join(scratch, 'allot-results.json');
    await runAllot({
      poolFiles: source.poolFiles,
      testsFile,
      dataDir: source.dataDir,
      resultsFile,
      ...(source.ttlSeconds === undefined ? {} : { ttlSeconds: source.ttlSeconds }),
    });
    const file = await readResultsFile(resultsFile);
    for (const ref of refs) {
      const entry = file.find(ref.pool, ref.suite, ref.test);
      if (entry === undefined || entry.status === 'failed')
        failures.push({
          ref,
          reason: `${describeTest(ref)}: ${entry?.reason ?? 'no reason given'}`,
        });
      else rows.set(key(ref), entry.values);
    }
    return { jobId: file.jobId, rows, failures };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
