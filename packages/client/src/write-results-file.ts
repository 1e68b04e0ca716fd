import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ResultsEntry, ResultsFileContent } from '@allot/protocol';

/**
 * A committed job as its runner reports it: what a results file is made
 * from. The engine's job report has this shape (and more).
 */
export interface CommittedJob {
  jobId: number;
  namespace: string;
  expiresAt: string;
  tests: ReadonlyArray<Required<ResultsEntry>>;
}

/** The results file of a committed job: every test with its values (secrets included: tests log in with them). */
export function toResultsFile(job: CommittedJob): ResultsFileContent {
  return {
    jobId: job.jobId,
    namespace: job.namespace,
    expiresAt: job.expiresAt,
    results: job.tests.map((t) => ({
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
export async function writeResultsFile(path: string, content: ResultsFileContent): Promise<void> {
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
