import type { RowValues } from '../model/block-version.js';
import type { TestRef } from '../model/job-record.js';
import type { Make, SqlMake } from '../model/pool-definition.js';

/** Rows one make created for one test. */
export interface MadeRowsOf {
  ref: TestRef;
  make: Make | SqlMake;
  /** The block the rows join (`@server` for a resolution server's rows). */
  block: string;
  keyIndex: number;
  columns: string[];
  values: RowValues[];
  /** The resolution server the rows were inserted on; null for a data block's rows. */
  server: string | null;
}

/**
 * What the engine asks around each make: a permit per row (quotas), and
 * where to report the rows it made (their lifecycle). Both are the
 * caller's: the engine only calls them.
 */
export interface MakeHooks {
  /**
   * Waits until one row of `make` may be made; the returned function ends
   * the make. Throws (`QUOTA_EXCEEDED`) when the row cannot be made in time:
   * the test fails with the message. `onWait` says why it waits.
   */
  permit(
    ref: TestRef,
    make: Make | SqlMake,
    onWait: (message: string) => void,
  ): Promise<() => void>;
  /** Told of rows as soon as they exist, before the job commits. */
  made(rows: MadeRowsOf): Promise<void>;
}
