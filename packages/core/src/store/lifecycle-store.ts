import type {
  MadeRowFilter,
  MadeRowRecord,
  NewMadeRow,
  TeardownOutcome,
} from '../lifecycle/made-row-record.js';
import type { QuotaTake } from '../lifecycle/quota-window.js';
import type { RowRef } from '../model/job-record.js';
import type { Page } from './page.js';

/** A made row addressed within its workspace. */
export interface MadeRowRef extends RowRef {
  workspace: string;
}

/**
 * The made-rows slice of the {@link Store}: the lifecycle of rows makes
 * created (teardown once, never twice) and the make quotas every replica
 * shares. Each operation is atomic.
 */
export interface LifecycleStore {
  /** Records made rows; a row already recorded (same workspace, block and key) is left as it is. */
  recordMadeRows(rows: readonly NewMadeRow[], now: Date): Promise<void>;
  /** A job committed holding these rows: recorded rows among them become its, until `expiresAt`. */
  holdMadeRows(
    workspace: string,
    jobId: number,
    rows: readonly RowRef[],
    expiresAt: string,
    now: Date,
  ): Promise<void>;
  /**
   * Held rows of a job (all of them, or only `rows`) become due for
   * teardown; returns them. Rows without a teardown are left held.
   */
  dueMadeRows(
    workspace: string,
    jobId: number,
    rows: readonly RowRef[] | null,
    now: Date,
  ): Promise<MadeRowRecord[]>;
  /** Held rows whose job's leases lapsed by `now`, in every workspace, become due; returns them. */
  dueExpiredMadeRows(now: Date): Promise<MadeRowRecord[]>;
  /**
   * Takes up to `limit` due rows of every workspace for the work queue
   * (`queued`), those that fell due first (by the time they became due), and
   * returns them in that order.
   */
  queueDueMadeRows(limit: number, now: Date): Promise<MadeRowRecord[]>;
  /**
   * Starts one teardown attempt: a `queued`, `failed` or `due` row (or one
   * `running` since before `staleBefore`, whose worker died) becomes
   * `running` with one more attempt. Undefined when the row is done, kept,
   * held, or running elsewhere: a row is never torn down twice.
   */
  startTeardown(row: MadeRowRef, staleBefore: Date, now: Date): Promise<MadeRowRecord | undefined>;
  /** Ends a running attempt: `done` (the row also counts as consumed: it is gone) or `failed`. */
  finishTeardown(row: MadeRowRef, outcome: TeardownOutcome, now: Date): Promise<MadeRowRecord>;
  /** Made rows of a workspace, newest first. */
  listMadeRows(workspace: string, filter: MadeRowFilter, page: Page): Promise<MadeRowRecord[]>;
  /**
   * Takes one make from a quota's window: granted while fewer than `limit`
   * were taken in the window containing `now` (windows of `windowMs` from
   * the epoch), else the start of the next window.
   */
  takeQuota(bucket: string, limit: number, windowMs: number, now: Date): Promise<QuotaTake>;
}
