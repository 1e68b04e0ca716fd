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
 * The end of a window is kept free: a make granted there would run in the
 * next window (the grant and the make's own write are moments apart), and
 * a system counting its writes per window would see more than the quota.
 */
export function quotaGuardMs(windowMs: number): number {
  return Math.min(250, windowMs * 0.2);
}

/** The start of the next window when `now` is in the guarded end of its window; else null. */
export function lateInWindow(now: Date, windowMs: number): Date | null {
  const start = windowStart(now, windowMs);
  const late = now.getTime() - start >= windowMs - quotaGuardMs(windowMs);
  return late ? new Date(start + windowMs) : null;
}

/**
 * Decides one take against a window's count and returns the count to keep.
 * A take in a later window starts that window afresh; a take in the guarded
 * end of a window waits for the next ({@link quotaGuardMs}).
 */
export function takeFromWindow(
  current: QuotaWindow | undefined,
  limit: number,
  windowMs: number,
  now: Date,
): { take: QuotaTake; window: QuotaWindow } {
  const late = lateInWindow(now, windowMs);
  if (late !== null)
    return { take: { granted: false, retryAt: late }, window: current ?? { start: 0, used: 0 } };
  const start = windowStart(now, windowMs);
  const used = current !== undefined && current.start === start ? current.used : 0;
  if (used < limit) return { take: { granted: true }, window: { start, used: used + 1 } };
  return {
    take: { granted: false, retryAt: new Date(start + windowMs) },
    window: current ?? { start, used },
  };
}
