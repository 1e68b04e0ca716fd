import { AllotError } from '../errors.js';
import type { TestRef } from '../model/job-record.js';

/** `NOT_FOUND` for a job id a workspace never committed. */
export function unknownJobError(id: number): AllotError {
  return new AllotError('NOT_FOUND', `job ${id} does not exist`, { job: id });
}

/** `NOT_FOUND` for a test that no job allocated (it has no result). */
export function noAllocationError(ref: TestRef): AllotError {
  return new AllotError(
    'NOT_FOUND',
    `no allocation for pool "${ref.pool}", suite "${ref.suite}", test "${ref.test}"`,
    { ...ref },
  );
}

/** `DUPLICATE_KEY` for a made row whose key its data block already has. */
export function duplicateKeyError(block: string, keyColumn: string, key: string): AllotError {
  return new AllotError(
    'DUPLICATE_KEY',
    `data block "${block}" already has a row with ${keyColumn} "${key}"`,
    { block, key },
  );
}

/**
 * The first of `keys` already in `seen` or repeated among them, else
 * undefined; `seen` gains every key read, so a caller can go on checking
 * against it.
 */
export function firstRepeatedKey(keys: Iterable<string>, seen: Set<string>): string | undefined {
  for (const key of keys) {
    if (seen.has(key)) return key;
    seen.add(key);
  }
  return undefined;
}

/** `INVALID_INPUT` for a workspace id that is taken. */
export function workspaceExistsError(id: string): AllotError {
  return new AllotError('INVALID_INPUT', `workspace "${id}" already exists`, { field: 'id' });
}

/** `STORE_CORRUPT` for a block version whose parent version is not stored. */
export function missingParentError(version: {
  block: string;
  version: string;
  parent: string | null;
}): AllotError {
  return new AllotError(
    'STORE_CORRUPT',
    `version ${version.block}@${version.version} names a missing parent ${version.parent}`,
  );
}
