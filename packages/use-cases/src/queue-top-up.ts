import type { PoolStore, WorkQueue } from '@allot/core';
import { TOP_UP_KIND } from './top-up-pool.js';

/**
 * Queues a top-up of each pool that declares watermarks (the others are
 * skipped); returns the queued jobs' ids.
 */
export async function queueTopUp(
  store: PoolStore,
  queue: Pick<WorkQueue, 'enqueue'>,
  workspace: string,
  pools: readonly string[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const name of new Set(pools)) {
    const pool = await store.getPool(workspace, name);
    if (!pool?.tests.some((test) => test.topUp !== undefined)) continue;
    ids.push(
      await queue.enqueue(
        workspace,
        TOP_UP_KIND,
        { pool: name },
        {
          maxAttempts: 2,
          retryDelayMs: 1000,
        },
      ),
    );
  }
  return ids;
}
