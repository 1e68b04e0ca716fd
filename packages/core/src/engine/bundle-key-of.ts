import { createHash } from 'node:crypto';
import { testId } from '../model/job-record.js';
import type { ResolvedTest } from './resolve-tests.js';

/** Identifies a bundle by its tests and their definitions, in any order. */
export function bundleKeyOf(resolved: readonly ResolvedTest[], server: string): string {
  const parts = resolved
    .map((r) => JSON.stringify([testId(r.ref), r.test ?? null, r.pool?.key ?? null]))
    .sort();
  return createHash('sha256')
    .update(`${server}\n${parts.join('\n')}`)
    .digest('hex');
}
