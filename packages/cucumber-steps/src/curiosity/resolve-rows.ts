import { resolve } from 'node:path';
import type { AllotClient } from '@allot/client';
import {
  describeTest,
  readResultsFile,
  writeResultsFile,
  type ResultsFileContent,
  type Row,
  type TestRef,
} from '@allot/client';
import { DEFAULT_WORKSPACE, executeJob, syncPoolFiles } from '@allot/core';
import { openLowdbStore } from '@allot/store-lowdb';

/** Where the values of the placeholders come from. */
export type PlaceholderSource =
  /** A results file of a job that already ran (`allot run`, the GitHub Action): nothing is allocated. */
  | { kind: 'results-file'; path: string }
  /** An allot server: the tests run as one job there. */
  | { kind: 'server'; client: AllotClient; server?: string }
  /** No server: pool files and the embedded store of a data directory, like `allot run`. */
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
  const store = await openLowdbStore(resolve(source.dataDir));
  try {
    await syncPoolFiles(store, DEFAULT_WORKSPACE, source.poolFiles);
    const report = await executeJob(store, {
      tests: refs,
      workspace: DEFAULT_WORKSPACE,
      ...(source.ttlSeconds === undefined ? {} : { ttlSeconds: source.ttlSeconds }),
    });
    for (const outcome of report.tests) {
      const ref = { pool: outcome.pool, suite: outcome.suite, test: outcome.test };
      if (outcome.status === 'failed')
        failures.push({
          ref,
          reason: `${describeTest(ref)}: ${outcome.reason ?? 'no reason given'}`,
        });
      else rows.set(key(ref), outcome.values);
    }
    if (resultsOut !== undefined && report.jobId !== null) {
      const output: ResultsFileContent = {
        jobId: report.jobId,
        namespace: report.namespace,
        expiresAt: report.expiresAt ?? '',
        results: report.tests.map((t) => ({
          pool: t.pool,
          suite: t.suite,
          test: t.test,
          status: t.status,
          values: t.values,
          reason: t.reason,
        })),
      };
      await writeResultsFile(resultsOut, output);
    }
    return { jobId: report.jobId, rows, failures };
  } finally {
    await store.close();
  }
}
