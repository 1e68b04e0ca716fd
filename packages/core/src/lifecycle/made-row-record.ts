/**
 * Made rows with a lifecycle: rows a make created that must be torn down
 * once their test is done with them, and rows made ahead of demand by a
 * pool's top-up. Plain data only.
 */
import type { RowValues } from '../model/block-version.js';
import type { TestRef } from '../model/job-record.js';
import type { Teardown } from '../model/pool-definition.js';

/**
 * Where a made row is: `held` (a job holds it, or it waits free in the pool),
 * `due` (its job ended: teardown to run), `queued` (handed to the work queue),
 * `running`, then `done` or `failed` (retried until the queue gives up; listed).
 * `kept` rows were made with `keep: true` or without a teardown.
 */
export type MadeRowState = 'held' | 'due' | 'queued' | 'running' | 'done' | 'failed' | 'kept';

/** One made row and its teardown. Unique by (workspace, block, key): a row is torn down once. */
export interface MadeRowRecord extends TestRef {
  workspace: string;
  /** The block the row joined (`@server` for a resolution server's rows). */
  block: string;
  key: string;
  columns: string[];
  values: RowValues;
  /** The resolution server the row was made on, for a SQL teardown. */
  server: string | null;
  teardown: Teardown | null;
  /** `make` for a job's make, `top-up` for a row made ahead of demand. */
  origin: 'make' | 'top-up';
  /** The job holding the row: its release or expiry makes the teardown due. */
  jobId: number | null;
  /** When the holding job's leases lapse (ISO); null while no job holds the row. */
  expiresAt: string | null;
  state: MadeRowState;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A made row to record. */
export type NewMadeRow = Omit<
  MadeRowRecord,
  'state' | 'attempts' | 'lastError' | 'createdAt' | 'updatedAt'
>;

/** Which made rows {@link LifecycleStore.listMadeRows} returns. */
export interface MadeRowFilter {
  state?: MadeRowState;
  pool?: string;
  origin?: MadeRowRecord['origin'];
}

/** What a teardown attempt came to. */
export type TeardownOutcome = { ok: true } | { ok: false; error: string };

/** The id of a made row within its workspace. */
export function madeRowId(row: { block: string; key: string }): string {
  return `${row.block}\u0000${row.key}`;
}
