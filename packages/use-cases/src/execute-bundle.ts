import {
  DEFAULT_TTL_SECONDS,
  DEFAULT_WORKSPACE,
  executeJob,
  type ExecuteOptions,
  type JobReport,
  type LifecycleStore,
  type Quota,
  type QuotaGate,
  type RowRef,
} from '@allot/core';
import { lifecycleHooks } from './lifecycle-hooks.js';

/** The store slices a job reads and writes: whatever the engine asks for, and made rows' lifecycle where the store keeps it. */
export type ExecuteStore = Parameters<typeof executeJob>[0] & Partial<LifecycleStore>;

/** What {@link executeBundle} runs: a job, and the quotas its makes wait for. */
export interface BundleOptions extends ExecuteOptions {
  /** The process's quota gate; without one, makes wait for no quota. */
  gate?: QuotaGate;
  /** The quota of the job's resolution server. */
  serverQuota?: Quota;
}

/**
 * Runs a bundle of allocation tests as one job (or answers it from a live
 * earlier job) and reports every test's outcome. The server runs it through
 * its job runner; the CLI and the action run it in their own process.
 *
 * Made rows with a teardown are recorded as they are made, and once the job
 * commits, every recorded row it holds (made now or ahead) is its until it
 * is released or expires.
 */
export async function executeBundle(
  store: ExecuteStore,
  options: BundleOptions,
): Promise<JobReport> {
  const { gate, serverQuota, ...execute } = options;
  const workspace = options.workspace ?? DEFAULT_WORKSPACE;
  const clock = options.clock ?? (() => new Date());
  if (!isLifecycleStore(store) || options.dryRun === true) {
    const report = await executeJob(store, execute);
    return isLifecycleStore(store) && report.dryRun
      ? withMadeAhead(store, workspace, report)
      : report;
  }
  const jobId = options.jobId ?? (await store.reserveJobId(workspace));
  const ttl = options.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  const makeHooks = lifecycleHooks({
    store,
    workspace,
    jobId,
    expiresAt: new Date(clock().getTime() + ttl * 1000).toISOString(),
    gate,
    serverName: options.server?.name,
    serverQuota,
    clock,
  });
  const report = await executeJob(store, { ...execute, jobId, makeHooks });
  if (report.jobId !== null && !report.cached) {
    const job = await store.getJob(workspace, report.jobId);
    const rows: RowRef[] = job?.tests.flatMap((test) => test.rows) ?? [];
    if (job !== undefined && rows.length > 0)
      await store.holdMadeRows(workspace, job.id, rows, job.expiresAt, clock());
  }
  return report;
}

/** Whether a store keeps made rows' lifecycle (every adapter does; test doubles may not). */
export function isLifecycleStore<S extends object>(store: S): store is S & LifecycleStore {
  return typeof (store as Partial<LifecycleStore>).recordMadeRows === 'function';
}

/** A dry run's forecast, with the rows made ahead that wait free for each find. */
async function withMadeAhead(
  store: LifecycleStore,
  workspace: string,
  report: JobReport,
): Promise<JobReport> {
  const forecast = await Promise.all(
    report.forecast.map(async (find) => {
      if (find.topUp === null) return find;
      const ahead = await store.listMadeRows(
        workspace,
        { pool: find.pool, origin: 'top-up' },
        { offset: 0, limit: 100_000 },
      );
      const tests = new Set(find.refs.map((ref) => `${ref.suite}\u0000${ref.test}`));
      const madeAhead = ahead.filter(
        (row) =>
          row.jobId === null &&
          (row.state === 'held' || row.state === 'kept') &&
          tests.has(`${row.suite}\u0000${row.test}`),
      ).length;
      return { ...find, madeAhead };
    }),
  );
  return { ...report, forecast };
}
