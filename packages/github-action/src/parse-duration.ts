import { InputError } from './input-error.js';

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };
/** The longest lease a server accepts: 30 days. */
const MAX_SECONDS = 30 * 86_400;

/** Seconds from `7200`, `90m`, `2h` or `1d`: a whole number, optionally with a unit. */
export function parseDuration(input: string, value: string): number {
  const match = /^(\d+)\s*([smhd]?)$/i.exec(value.trim());
  const seconds =
    match === null ? NaN : Number(match[1]) * (UNITS[(match[2] || 's').toLowerCase()] ?? NaN);
  if (!Number.isSafeInteger(seconds) || seconds < 1 || seconds > MAX_SECONDS)
    throw new InputError(
      input,
      `must be a lease time from 1 second to 30 days: seconds (7200) or a number with s, m, h or d (90m, 2h), got "${value}"`,
    );
  return seconds;
}
