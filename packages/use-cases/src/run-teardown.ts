import {
  teardownRequest,
  type LifecycleStore,
  type MadeRowRecord,
  type MadeRowRef,
  type TeardownRequest,
} from '@allot/core';

/** The queue kind of teardown attempts. */
export const TEARDOWN_KIND = 'teardown';

/** Runs a bound teardown: a statement on a resolution server or an HTTP request. Throws when it failed. */
export type TeardownExecutor = (request: TeardownRequest, row: MadeRowRecord) => Promise<void>;

/** A worker that stopped mid-teardown leaves its row `running`: after this long another may take it. */
export const TEARDOWN_STALE_MS = 5 * 60 * 1000;

/**
 * One teardown attempt of a made row: claims it (a row done, kept or
 * running elsewhere is left alone, so no row is torn down twice), binds
 * its teardown, runs it, and records the outcome. A failure is recorded
 * and thrown again, for the queue to retry with backoff.
 *
 * @returns the row as recorded, or undefined when there was nothing to do
 */
export async function runTeardown(
  store: Pick<LifecycleStore, 'startTeardown' | 'finishTeardown'>,
  ref: MadeRowRef,
  execute: TeardownExecutor,
  options: { clock: () => Date; env: Readonly<Record<string, string | undefined>> },
): Promise<MadeRowRecord | undefined> {
  const now = options.clock();
  const row = await store.startTeardown(ref, new Date(now.getTime() - TEARDOWN_STALE_MS), now);
  if (row === undefined) return undefined;
  try {
    await execute(teardownRequest(row, options.env), row);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await store.finishTeardown(ref, { ok: false, error: message }, options.clock());
    throw error;
  }
  return store.finishTeardown(ref, { ok: true }, options.clock());
}
