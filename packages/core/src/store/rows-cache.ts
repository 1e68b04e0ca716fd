import { LruCache } from '../lru-cache.js';
import type { BlockVersionMeta, RowValues } from '../model/block-version.js';

/** A block version by name. */
type VersionRef = Pick<BlockVersionMeta, 'block' | 'version'>;

/** How many resolved block versions stay in memory. */
const ROWS_CACHE_SIZE = 8;

/**
 * Resolved rows of block versions, the least recently used dropped first
 * when the cache is full. A stored version never changes, so an entry never
 * goes stale; both stores keep one.
 */
export class RowsCache<T = RowValues[]> {
  readonly #rows = new LruCache<T>(ROWS_CACHE_SIZE);

  /** The rows of a version if cached, marking them as just used. */
  get(workspace: string, meta: VersionRef): T | undefined {
    return this.#rows.get(keyOf(workspace, meta));
  }

  /** Caches the rows of a version (as arrays, or by column). */
  set(workspace: string, meta: VersionRef, rows: T): void {
    this.#rows.set(keyOf(workspace, meta), rows);
  }

  clear(): void {
    this.#rows.clear();
  }
}

function keyOf(workspace: string, meta: VersionRef): string {
  return `${workspace}\u0000${meta.block}\u0000${meta.version}`;
}
