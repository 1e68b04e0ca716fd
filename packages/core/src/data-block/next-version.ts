import { AllotError } from '../errors.js';

const VERSION = /^\d+(?:\.\d+)*$/;

/**
 * The version that follows a data block's latest one: `1.0` for a new
 * block, else the last part plus one (`1.9` → `1.10`).
 *
 * @throws AllotError `INVALID_INPUT` when `latest` is not dot-separated numbers
 */
export function nextVersion(latest: string | null): string {
  if (latest === null) return '1.0';
  const parts = versionParts(latest);
  const last = parts.length - 1;
  parts[last] = (parts[last] ?? 0) + 1;
  return parts.join('.');
}

/**
 * Orders versions part by part as numbers (`1.9` < `1.10`); a missing part
 * counts as 0, so `1` equals `1.0`.
 *
 * @returns a negative number when `a` comes first, positive when `b` does, 0 when equal
 * @throws AllotError `INVALID_INPUT` when either is not dot-separated numbers
 */
export function compareVersions(a: string, b: string): number {
  const left = versionParts(a);
  const right = versionParts(b);
  const length = Math.max(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

function versionParts(version: string): number[] {
  if (!VERSION.test(version)) {
    throw new AllotError('INVALID_INPUT', `"${version}" is not a version such as 1.0 or 1.12`, {
      version,
    });
  }
  return version.split('.').map(Number);
}
