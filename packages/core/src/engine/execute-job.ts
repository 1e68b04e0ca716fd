import { randomBytes } from 'node:crypto';
import { AllotError, LeaseConflictError } from '../errors.js';
import type { JobRecord } from '../model/job-record.js';
import type { BlockStore, JobStore, PoolStore } from '../store/store.js';
import { buildCommit } from './build-commit.js';
import { bundleKeyOf } from './bundle-key-of.js';
import { dryRunReport } from './dry-run-report.js';
import type { ExecuteOptions } from './execute-options.js';
import { classifyTests, type Resolved } from './find-classes.js';
import { DEFAULT_WORKSPACE } from './job-defaults.js';
import type { JobReport } from './job-report.js';
import type { JobRun } from './job-run.js';
import { liveHolders, sameHolders, unheld } from './live-holders.js';
import { planJob } from './plan-job.js';
import { reportJob } from './report-job.js';
import { resolveTests } from './resolve-tests.js';

/** Commits lost to a concurrent job are retried on fresh leases for this long. */
const RETRY_BUDGET_MS = 60_000;

/**
 * Executes a bundle of allocation tests as one job: gathers candidates,
 * matches rows to tests, runs makes for the rest, and commits the job, its
 * leases and results in one atomic store operation.
 */
export async function executeJob(
  store: BlockStore & PoolStore & JobStore,
  options: ExecuteOptions,
): Promise<JobReport> {
  const workspace = options.workspace ?? DEFAULT_WORKSPACE;
  const clock = options.clock ?? (() => new Date());
  const progress = options.onProgress ?? (() => undefined);
  progress({ phase: 'resolve', done: 0, total: options.tests.length });
  const resolved = await resolveTests(store, workspace, options.tests);
  const bundleKey = bundleKeyOf(resolved, options.server?.name ?? 'local');
  if (!options.refresh && !options.dryRun) {
    const live = await store.findLiveJob(workspace, bundleKey, clock());
    // A job that left tests without rows is not an answer: run again, keeping the rows it gave.
    if (live !== undefined && live.failed === 0) return reportJob(store, live, true);
  }
  const ok = resolved.filter((r): r is Resolved => r.error === null);
  const reuses = !options.refresh && !options.dryRun;
  let reused = reuses
    ? await liveHolders(store, workspace, ok, clock())
    : new Map<Resolved, JobRecord>();
  let { classes, errors } = await classifyTests(
    store,
    workspace,
    unheld(ok, reused),
    options.server,
  );
  const jobId = options.dryRun ? null : (options.jobId ?? (await store.reserveJobId(workspace)));
  const namespace = options.namespace ?? randomBytes(4).toString('hex');
  const run: JobRun = { store, workspace, options, classes, progress, jobId, namespace };
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    const now = clock();
    try {
      const plan = await planJob(run, now);
      if (options.dryRun) return dryRunReport(resolved, errors, plan, namespace);
      const commit = buildCommit({ run, resolved, errors, reused, plan, bundleKey, now });
      progress({ phase: 'commit', done: 0, total: 1 });
      const job = await store.commitJob(commit, now);
      progress({ phase: 'done', done: 1, total: 1 });
      return reportJob(store, job, false, commit.results);
    } catch (error) {
      const retry =
        error instanceof LeaseConflictError ||
        (error instanceof AllotError && error.code === 'DUPLICATE_KEY');
      if (!retry || Date.now() - started > RETRY_BUDGET_MS) throw error;
      await backoff(attempt);
      if (!reuses || !(error instanceof LeaseConflictError)) continue;
      // The job that won may hold this bundle, or some of its tests: reuse what it holds
      // rather than allocate those tests a second time.
      const live = await store.findLiveJob(workspace, bundleKey, clock());
      if (live !== undefined && live.failed === 0) return reportJob(store, live, true);
      const holders = await liveHolders(store, workspace, ok, clock());
      if (sameHolders(holders, reused)) continue;
      reused = holders;
      ({ classes, errors } = await classifyTests(
        store,
        workspace,
        unheld(ok, reused),
        options.server,
      ));
      run.classes = classes;
    }
  }
}

/** Jittered exponential backoff, so jobs that lost a race do not collide again in lockstep. */
function backoff(attempt: number): Promise<void> {
  const ceiling = Math.min(250, 2 ** Math.min(attempt, 8));
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}
