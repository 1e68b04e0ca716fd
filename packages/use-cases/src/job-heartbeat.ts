/** How often a running job's state is written while it runs, so readers can tell it is alive. */
export const HEARTBEAT_MS = 5_000;

/**
 * A queued or running job whose state has not moved for this long is taken
 * for dead: the process running it stopped (its heartbeat comes every
 * {@link HEARTBEAT_MS}).
 */
export const STALE_AFTER_MS = 6 * HEARTBEAT_MS;
