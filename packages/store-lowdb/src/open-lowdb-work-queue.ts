import { join } from 'node:path';
import {
  AllotError,
  openMemoryWorkQueue,
  type StoredQueuedJob,
  type WorkQueue,
  type WorkQueuePersistence,
} from '@allot/core';
import { DurableJsonFile } from './durable-json-file.js';

/** The work queue's file in a data directory, beside the store's. */
export const QUEUE_FILE = 'queue.json';

interface QueueDocument {
  version: 1;
  jobs: StoredQueuedJob[];
}

/**
 * Opens the embedded work queue of a data directory: jobs run in this
 * process, and their states are written (fsynced, through a temporary file
 * and a rename) to `queue.json` on every change, so that after a restart
 * finished jobs still read as they ended and a job cut off while running is
 * queued again, or failed with WORKER_LOST when that was its last attempt.
 * Open it in the process that holds the directory's store.
 */
export function openLowdbWorkQueue(dataDir: string): Promise<WorkQueue> {
  const path = join(dataDir, QUEUE_FILE);
  const file = new DurableJsonFile<QueueDocument>(path);
  const persistence: WorkQueuePersistence = {
    async load() {
      const document = await file.read();
      if (document === null) return undefined;
      if (document.version !== 1 || !Array.isArray(document.jobs)) {
        throw new AllotError('STORE_CORRUPT', `${path} is not a work queue file of this version`, {
          file: path,
        });
      }
      return document.jobs;
    },
    save: (jobs) => file.write({ version: 1, jobs: [...jobs] }),
  };
  return openMemoryWorkQueue({ persistence });
}
