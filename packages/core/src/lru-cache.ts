/**
 * A map that keeps its `size` most recently used entries: a read or a write
 * makes an entry the newest, and a write past the size drops the oldest.
 * Backed by a `Map`, whose keys iterate in insertion order.
 */
export class LruCache<V> {
  readonly #entries = new Map<string, V>();

  constructor(readonly size: number) {}

  /** The value of `key` if kept, marking it as just used. */
  get(key: string): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  /** Keeps `value` as the newest entry, dropping the oldest past the size. */
  set(key: string, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    while (this.#entries.size > this.size) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  clear(): void {
    this.#entries.clear();
  }
}
