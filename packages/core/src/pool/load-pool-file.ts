import { readFile } from 'node:fs/promises';
import { AllotError } from '../errors.js';
import type { PoolDefinition } from '../model/pool-definition.js';
import { parsePoolFile, parsePoolSource, type ParsedPoolFile } from './parse-pool-file.js';

/**
 * Reads, parses and validates a pool file.
 *
 * @throws AllotError `NOT_FOUND` when the file does not exist, `INVALID_INPUT`
 *   when it cannot be read; PoolValidationError when it is not a valid pool
 */
export async function loadPoolFile(path: string): Promise<PoolDefinition> {
  return parsePoolFile(await readPoolText(path), path);
}

/**
 * {@link loadPoolFile}, keeping where the file's parts are, for the checks
 * against the blocks' columns.
 */
export async function loadPoolSource(path: string): Promise<ParsedPoolFile> {
  return parsePoolSource(await readPoolText(path), path);
}

async function readPoolText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') {
      throw new AllotError(
        'NOT_FOUND',
        `pool file not found: ${path}`,
        { file: path },
        { cause: error },
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new AllotError(
      'INVALID_INPUT',
      `cannot read pool file ${path}: ${reason}`,
      { file: path },
      { cause: error },
    );
  }
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null
    ? (error as { code?: unknown }).code
    : undefined;
}
