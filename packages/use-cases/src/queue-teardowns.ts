import type { EnqueueOptions, LifecycleStore, WorkQueue } from '@allot/core';
import { TEARDOWN_KIND } from './run-teardown.js';

/** How teardowns are retried: with backoff, since a failure is usually someone else's outage. */
export const TEARDOWN_RETRY: Required<Pick<EnqueueOptions, 'maxAttempts' | 'retryDelayMs'>> = {
  maxAttempts: 6,
  retryDelayMs: 2000,
};

/**
 * Hands due teardowns to the work queue: the rows of jobs whose leases
 * lapsed become due, then up to `limit` due rows are taken (by one replica
 * only: the store marks them queued) and enqueued. Returns how many.
 */
export async function queueTeardowns(
  store: Pick<LifecycleStore, 'dueExpiredMadeRows' | 'queueDueMadeRows'>,
  queue: Pick<WorkQueue, 'enqueue'>,
  options: { now: Date; limit?: number; retry?: Partial<typeof TEARDOWN_RETRY> },
): Promise<number> {
  await store.dueExpiredMadeRows(options.now);
  const rows = await store.queueDueMadeRows(options.limit ?? 100, options.now);
  const retry = { ...TEARDOWN_RETRY, ...options.retry };
  for (const row of rows) {
    await queue.enqueue(
      row.workspace,
      TEARDOWN_KIND,
      { block: row.block, key: row.key },
      { ...retry, retryBackoff: true, timeoutSeconds: 120 },
    );
  }
  return rows.length;
}
