import { readFile } from 'node:fs/promises';
import type { TestRef } from '@allot/core';
import { UsageError } from './exit-codes.js';

/**
 * The tests a `--tests` file names: a JSON array of `{ pool, suite, test }`.
 * A file that is missing or of another shape is a mistake in the command line.
 */
export async function readTestList(path: string): Promise<TestRef[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`--tests ${path}: ${(error as Error).message}`);
  }
  const isRef = (item: unknown): item is TestRef =>
    typeof item === 'object' &&
    item !== null &&
    ['pool', 'suite', 'test'].every(
      (field) => typeof (item as Record<string, unknown>)[field] === 'string',
    );
  if (!Array.isArray(parsed) || !parsed.every(isRef))
    throw new UsageError(
      `--tests ${path}: expected a JSON array of {"pool", "suite", "test"} strings`,
    );
  return parsed.map(({ pool, suite, test }) => ({ pool, suite, test }));
}
