import type { WorkQueue } from '@allot/core';
import { openLowdbWorkQueue } from '@allot/store-lowdb';
import { isPostgresUrl } from '@allot/store-postgres';
import type { PostgresWorkQueueOptions } from '@allot/store-postgres/work-queue';

/**
 * The work queue of the store a `--store` value names: pg-boss on the
 * PostgreSQL database of a URL (any replica runs a job, every replica reads
 * it), else the embedded queue in the data directory. The PostgreSQL queue
 * is loaded only when asked for, so an embedded server never loads pg-boss.
 */
export async function openWorkQueue(
  spec: string,
  options: PostgresWorkQueueOptions = {},
): Promise<WorkQueue> {
  if (!isPostgresUrl(spec)) return openLowdbWorkQueue(spec);
  const { openPostgresWorkQueue } = await import('@allot/store-postgres/work-queue');
  return openPostgresWorkQueue(spec, options);
}
