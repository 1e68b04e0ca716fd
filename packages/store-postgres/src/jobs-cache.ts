import { LruCache, type JobRecord } from '@allot/core';

/** Jobs kept: a bundle's engine run reads the same few jobs thousands of times. */
const SIZE = 16;

/**
 * Job records with the revision they were read at. A record is handed out
 * again only after the database confirmed its revision, so another
 * replica's release is never missed. Records are shared, as the document
 * store shares them: callers do not change them.
 */
export class JobsCache {
  readonly #entries = new LruCache<{ revision: number; record: JobRecord }>(SIZE);

  get(workspace: string, id: number): { revision: number; record: JobRecord } | undefined {
    return this.#entries.get(`${workspace}\u0000${id}`);
  }

  set(workspace: string, id: number, revision: number, record: JobRecord): void {
    this.#entries.set(`${workspace}\u0000${id}`, { revision, record });
  }

  clear(): void {
    this.#entries.clear();
  }
}
