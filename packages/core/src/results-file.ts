import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { RowObject } from './model/block-version.js';
import type { TestStatus } from './model/job-record.js';
import type { JobReport } from './engine/job-report.js';

/** One test's entry in the results file. */
export interface ResultsFileEntry {
  pool: string;
  suite: string;
  test: string;
  status: TestStatus;
  values: RowObject[];
  /** The pool's secret columns: readers mask them wherever they show values. */
  secrets: string[];
  reason: string | null;
}

/** The results file `allot run` writes for later steps and test fixtures (see the README). */
export interface ResultsFile {
  jobId: number;
  namespace: string;
  expiresAt: string;
  results: ResultsFileEntry[];
}

/** The results file of a committed job: every test with its values (secrets included: tests log in with them). */
export function toResultsFile(
  report: JobReport & { jobId: number; expiresAt: string },
): ResultsFile {
  return {
    jobId: report.jobId,
    namespace: report.namespace,
    expiresAt: report.expiresAt,
    results: report.tests.map((t) => ({
      pool: t.pool,
      suite: t.suite,
      test: t.test,
      status: t.status,
      values: t.values,
      secrets: t.secrets,
      reason: t.reason,
    })),
  };
}

/**
 * Writes the file through a temporary file and a rename, so a reader (a test
 * worker starting early) sees the old file or the new one, never half of one.
 */
export async function writeResultsFile(path: string, content: ResultsFile): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, JSON.stringify(content, null, 2) + '\n', 'utf8');
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
