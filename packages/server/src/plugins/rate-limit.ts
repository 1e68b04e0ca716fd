import type { RateLimitOptions } from '../options.js';

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 6000, timeWindowMs: 60_000 };

/** Buckets kept before expired ones are swept. */
const SWEEP_AT = 10_000;

/**
 * Fixed-window request counts per key. Written here rather than taken from
 * `@fastify/rate-limit`: that plugin's extra hook and headers on every
 * request cost about a third of the throughput of the Curiosity read route,
 * which suites call once per test.
 */
export class RateLimiter {
  readonly #max: number;
  readonly #windowMs: number;
  readonly #buckets = new Map<string, { start: number; count: number }>();

  constructor(options: RateLimitOptions) {
    this.#max = options.max;
    this.#windowMs = options.timeWindowMs;
  }

  /**
   * Counts a request of `bucket`. Returns 0 when it is allowed, else the
   * seconds until its window resets.
   */
  take(bucket: string, now = Date.now()): number {
    let entry = this.#buckets.get(bucket);
    if (entry === undefined || now - entry.start >= this.#windowMs) {
      if (entry === undefined && this.#buckets.size >= SWEEP_AT) this.#sweep(now);
      entry = { start: now, count: 0 };
      this.#buckets.set(bucket, entry);
    }
    entry.count++;
    if (entry.count <= this.#max) return 0;
    return Math.max(1, Math.ceil((entry.start + this.#windowMs - now) / 1000));
  }

  get max(): number {
    return this.#max;
  }

  get windowMs(): number {
    return this.#windowMs;
  }

  #sweep(now: number): void {
    for (const [bucket, entry] of this.#buckets) {
      if (now - entry.start >= this.#windowMs) this.#buckets.delete(bucket);
    }
  }
}
