import type { JobProgress, JobStateRecord, JobStore } from '@allot/core';

/** Progress reaches the store at most this often: the engine reports far more often. */
export const PROGRESS_WRITE_MS = 500;

/**
 * Writes the state of one job to the store, one write after another so a
 * state never goes back, and progress at most every {@link PROGRESS_WRITE_MS}
 * (the latest progress wins). Only the process running the job has one.
 */
export class JobStateWriter {
  readonly #store: JobStore;
  readonly #clock: () => Date;
  #record: JobStateRecord;
  #chain: Promise<void> = Promise.resolve();
  #lastWrite = 0;
  #timer: NodeJS.Timeout | undefined;
  #finished = false;

  constructor(store: JobStore, record: JobStateRecord, clock: () => Date) {
    this.#store = store;
    this.#record = record;
    this.#clock = clock;
  }

  /** The state as last set (written or about to be). */
  get record(): JobStateRecord {
    return this.#record;
  }

  /** When this process last wrote the state, in ms of the system clock. */
  get lastWrite(): number {
    return this.#lastWrite;
  }

  /**
   * Sets fields and writes the state after the writes before it; resolves
   * once written. Every write moves `updatedAt`, which is also what tells
   * other replicas the job is still alive.
   */
  write(change: Partial<JobStateRecord> = {}): Promise<void> {
    this.#record = { ...this.#record, ...change, updatedAt: this.#clock().toISOString() };
    const written = this.#chain.then(async () => {
      this.#lastWrite = Date.now();
      await this.#store.putJobState(this.#record);
    });
    // A failed write must not stop the ones after it.
    this.#chain = written.catch(() => undefined);
    return written;
  }

  /** Records progress; written with the next write, or within {@link PROGRESS_WRITE_MS}. */
  progress(progress: JobProgress): void {
    this.#record = { ...this.#record, progress };
    if (this.#finished || this.#timer !== undefined) return;
    const wait = Math.max(0, this.#lastWrite + PROGRESS_WRITE_MS - Date.now());
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      // A lost progress write is made good by the next one or by the final state.
      if (!this.#finished) this.write().catch(() => undefined);
    }, wait);
    this.#timer.unref();
  }

  /** Writes the final state; no progress is written after it. */
  finish(change: Partial<JobStateRecord>): Promise<void> {
    this.#finished = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    return this.write(change);
  }
}
