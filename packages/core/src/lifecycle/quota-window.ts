/** What a store answers when a make asks its quota for one more. */
export type QuotaTake = { granted: true } | { granted: false; retryAt: Date };

/** A quota window's count as a store keeps it. */
export interface QuotaWindow {
  /** Epoch milliseconds of the window's start. */
  start: number;
  used: number;
}

/** The start of the window of `windowMs` containing `now`: windows count from the epoch, so every replica agrees. */
export function windowStart(now: Date, windowMs: number): number {
  return Math.floor(now.getTime() / windowMs) * windowMs;
}

/**
 * Decides one take against a window's count and returns the count to keep.
 * A take in a later window starts that window afresh.
 */
export function takeFromWindow(
  current: QuotaWindow | undefined,
  limit: number,
  windowMs: number,
  now: Date,
): { take: QuotaTake; window: QuotaWindow } {
  const start = windowStart(now, windowMs);
  const used = current !== undefined && current.start === start ? current.used : 0;
  if (used < limit) return { take: { granted: true }, window: { start, used: used + 1 } };
  return {
    take: { granted: false, retryAt: new Date(start + windowMs) },
    window: current ?? { start, used },
  };
}
