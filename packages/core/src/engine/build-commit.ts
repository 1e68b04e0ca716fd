import type { RowObject, RowValues } from '../model/block-version.js';
import type { JobCommit, JobRecord, JobTest } from '../model/job-record.js';
import type { Resolved } from './find-classes.js';
import { DEFAULT_TTL_SECONDS } from './job-defaults.js';
import type { JobRun } from './job-run.js';
import type { JobPlan } from './plan-job.js';
import type { ResolvedTest } from './resolve-tests.js';

/** A planned attempt and what the job knew before it: what {@link buildCommit} turns into a commit. */
export interface CommitInput {
  run: JobRun;
  resolved: ResolvedTest[];
  errors: Map<Resolved, string>;
  reused: Map<Resolved, JobRecord>;
  plan: JobPlan;
  bundleKey: string;
  now: Date;
}

/**
 * Everything one attempt writes, for one atomic `store.commitJob`: a test
 * per resolved entry (failed, cached from a live holder, allocated or made),
 * the results of the tests that got rows, and the rows makes created.
 */
export function buildCommit(input: CommitInput): JobCommit {
  const { run, plan, now } = input;
  const jobId = run.jobId as number;
  const tests: JobTest[] = [];
  const results: JobCommit['results'] = [];
  const createdAt = now.toISOString();
  for (const entry of input.resolved) {
    if (entry.error !== null) {
      const base = { ...entry.ref, readOnly: false, consume: false, fromJob: null };
      tests.push({ ...base, releasedAt: null, status: 'failed', reason: entry.error, rows: [] });
      continue;
    }
    // Written out rather than spread: a bundle has tens of thousands of tests. The keys keep
    // the order a spread of the ref and the defaults gave, so stored records read the same.
    const { pool, suite, test } = entry.ref;
    const { readOnly, consume } = entry.test;
    const holder = input.reused.get(entry);
    const got = plan.tests.get(entry);
    if (holder !== undefined) {
      tests.push({
        pool,
        suite,
        test,
        readOnly,
        consume,
        fromJob: holder.id,
        releasedAt: null,
        status: 'cached',
        reason: null,
        rows: [],
      });
    } else if (got !== undefined) {
      tests.push({
        pool,
        suite,
        test,
        readOnly,
        consume,
        fromJob: null,
        releasedAt: null,
        status: got.status,
        reason: null,
        rows: got.rows.map((r) => ({ block: r.block, key: r.key })),
      });
      const columns = entry.test.columns ?? got.rows[0]?.columns ?? [];
      results.push({
        pool,
        suite,
        test,
        jobId,
        columns,
        rows: got.rows.map((r) => pick(r.columns, r.values, columns)),
        createdAt,
      });
    } else {
      const reason =
        input.errors.get(entry) ?? plan.failures.get(entry) ?? 'no rows were allocated';
      tests.push({
        pool,
        suite,
        test,
        readOnly,
        consume,
        fromJob: null,
        releasedAt: null,
        status: 'failed',
        reason,
        rows: [],
      });
    }
  }
  const ttl = run.options.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  return {
    workspace: run.workspace,
    jobId,
    bundleKey: input.bundleKey,
    namespace: run.namespace,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ttl * 1000).toISOString(),
    tests,
    results,
    madeRows: plan.madeRows,
    supersedes: run.options.refresh ? [...plan.tests.keys()].map((item) => item.ref) : [],
  };
}

/** A result row with just the columns the test asked for, in its order; a column the row lacks is null. */
function pick(columns: string[], values: RowValues, wanted: string[]): RowObject {
  const row: RowObject = {};
  for (const column of wanted) row[column] = values[columns.indexOf(column)] ?? null;
  return row;
}
