import type { RowValues } from '@allot/core';
import type { StoredVersion } from './records.js';

/** A block version by name. */
type VersionRef = Pick<StoredVersion, 'block' | 'version'>;

/** How many resolved block versions stay in memory, as in the document store. */
const SIZE = 8;

/**
 * Resolved rows of block versions, least recently used first out. Safe
 * across replicas: a committed version never changes, and only committed
 * versions are put here.
 */
export class RowsCache {
  readonly #entries = new Map<string, RowValues[]>();

  get(workspace: string, version: VersionRef): RowValues[] | undefined {
    const key = keyOf(workspace, version);
    const rows = this.#entries.get(key);
    if (rows !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, rows);
    }
    return rows;
  }

  set(workspace: string, version: VersionRef, rows: RowValues[]): void {
    const key = keyOf(workspace, version);
    this.#entries.delete(key);
    this.#entries.set(key, rows);
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

function keyOf(workspace: string, version: VersionRef): string {
  return `${workspace}\u0000${version.block}\u0000${version.version}`;
}
