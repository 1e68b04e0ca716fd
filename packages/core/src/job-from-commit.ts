import type { JobCommit, JobRecord } from './model/job-record.js';

/** The job record a commit creates, with its counts; every store adapter builds it the same way. */
export function jobFromCommit(commit: JobCommit): JobRecord {
  const count = (status: string) => commit.tests.filter((t) => t.status === status).length;
  const failed = count('failed');
  return {
    id: commit.jobId,
    workspace: commit.workspace,
    bundleKey: commit.bundleKey,
    state: failed > 0 ? 'failed' : 'complete',
    namespace: commit.namespace,
    createdAt: commit.createdAt,
    expiresAt: commit.expiresAt,
    releasedAt: null,
    tests: commit.tests,
    allocated: count('allocated'),
    made: count('made'),
    cached: count('cached'),
    failed,
  };
}
