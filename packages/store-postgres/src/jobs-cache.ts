import type { JobRecord } from '@allot/core';

/** Jobs kept: a bundle's engine run reads the same few jobs thousands of times. */
const SIZE = 16;

/**
 * Job records with the revision they were read at. A record is handed out
 * again only after the database confirmed its revision, so another
 * replica's release is never missed. Records are shared, as the document
 * store shares them: callers do not change them.
 */
export class JobsCache {
  readonly #entries = new Map<string, { revision: number; record: JobRecord }>();

  get(workspace: string, id: number): { revision: number; record: JobRecord } | undefined {
    const key = `${workspace}\u0000${id}`;
    const entry = this.#entries.get(key);
    if (entry !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  set(workspace: string, id: number, revision: number, record: JobRecord): void {
    const key = `${workspace}\u0000${id}`;
    this.#entries.delete(key);
    this.#entries.set(key, { revision, record });
    while (this.#entries.size > SIZE) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  clear(): void {
    this.#entries.clear();
  }
}
