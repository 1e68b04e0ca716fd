import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { parse } from 'yaml';
import type { RequestedTest } from './requested-test.js';

/**
 * The tests a manifest lists: a YAML or JSON list of `{pool?, suite, test}`
 * (or an object with that list under `tests`). An entry without a pool is
 * looked up in every pool file.
 */
export async function readManifest(file: string, cwd: string): Promise<RequestedTest[]> {
  const name = relative(cwd, file) || file;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const missing = (error as { code?: unknown }).code === 'ENOENT';
    throw new Error(
      `input tests: cannot read the manifest ${name}: ${missing ? 'the file does not exist' : (error as Error).message}`,
      { cause: error },
    );
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new Error(`the manifest ${name} is not YAML or JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const entries = Array.isArray(data) ? data : (data as { tests?: unknown } | null)?.tests;
  if (!Array.isArray(entries))
    throw new Error(
      `the manifest ${name} must be a list of {pool, suite, test} entries (or hold one under "tests")`,
    );
  return entries.map((entry: unknown, index) => {
    const e = (entry ?? {}) as Record<string, unknown>;
    const field = (key: string) =>
      typeof e[key] === 'string' && e[key] !== '' ? e[key] : undefined;
    const suite = field('suite');
    const test = field('test');
    const pool = field('pool');
    if (
      suite === undefined ||
      test === undefined ||
      (e['pool'] !== undefined && pool === undefined)
    )
      throw new Error(
        `the manifest ${name}: entry ${index + 1} needs suite and test (non-empty strings) and may name a pool; got ${JSON.stringify(entry)}`,
      );
    return { pool, suite, test, source: `${name}#${index + 1}` };
  });
}
