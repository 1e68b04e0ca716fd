import type { BlockVersionMeta, RowValues } from '../model.js';

/** A block version by name. */
type VersionRef = Pick<BlockVersionMeta, 'block' | 'version'>;

/** How many resolved block versions stay in memory. */
const ROWS_CACHE_SIZE = 8;

/**
 * Resolved rows of block versions, most recently used last, so the oldest
 * goes first when the cache is full. A stored version never changes, so an
 * entry never goes stale.
 */
export class RowsCache {
  readonly #rows = new Map<string, RowValues[]>();

  /** The rows of a version if cached, marking them as just used. */
  get(workspace: string, meta: VersionRef): RowValues[] | undefined {
    const cacheKey = keyOf(workspace, meta);
    const cached = this.#rows.get(cacheKey);
    if (cached !== undefined) {
      this.#rows.delete(cacheKey);
      this.#rows.set(cacheKey, cached);
    }
    return cached;
  }

  /** Caches the rows of a version, dropping the least recently used past the size. */
  set(workspace: string, meta: VersionRef, rows: RowValues[]): void {
    this.#rows.set(keyOf(workspace, meta), rows);
    while (this.#rows.size > ROWS_CACHE_SIZE) {
      const oldest = this.#rows.keys().next().value;
      if (oldest === undefined) break;
      this.#rows.delete(oldest);
    }
  }
}

function keyOf(workspace: string, meta: VersionRef): string {
  return `${workspace}/${meta.block}/${meta.version}`;
}
