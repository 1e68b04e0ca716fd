import type { ResultsEntry, ResultsFileContent, TestRef } from '@allot/protocol';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { AllotClientError } from './allot-client-error.js';
import { describeTest } from './model.js';
import { nearestNames } from './nearest-names.js';

const SEP = '\u0000';

/**
 * A results file, indexed by pool, suite and test. `get` throws an error a
 * person can act on: which test was looked up, the nearest known names, or
 * the reason the job gave for a failure.
 */
export class ResultsFile {
  readonly path: string;
  readonly content: ResultsFileContent;
  private readonly index = new Map<string, ResultsEntry>();

  constructor(path: string, content: ResultsFileContent) {
    this.path = path;
    this.content = content;
    for (const entry of content.results) this.index.set(keyOf(entry), entry);
  }

  get jobId(): number {
    return this.content.jobId;
  }

  get expiresAt(): string {
    return this.content.expiresAt;
  }

  get entries(): readonly ResultsEntry[] {
    return this.content.results;
  }

  /** The entry of a test, whatever its status, or undefined. */
  find(pool: string, suite: string, test: string): ResultsEntry | undefined {
    return this.index.get(keyOf({ pool, suite, test }));
  }

  /** The entry of a test that got its rows; throws naming the test (and what is near it) otherwise. */
  get(pool: string, suite: string, test: string): ResultsEntry {
    const ref = { pool, suite, test };
    const entry = this.find(pool, suite, test);
    if (entry === undefined) {
      throw new AllotClientError({ code: 'NO_ALLOCATION', message: this.explainMissing(ref), ref });
    }
    if (entry.status === 'failed') {
      throw new AllotClientError({
        code: 'NO_ALLOCATION',
        message: `${describeTest(ref)} got no data in job ${this.jobId} (results file ${this.path}): ${entry.reason ?? 'no reason given'}`,
        ref,
      });
    }
    return entry;
  }

  private explainMissing(ref: TestRef): string {
    const head = `no allocation for ${describeTest(ref)} in results file ${this.path} (job ${this.jobId})`;
    const entries = this.content.results;
    if (entries.length === 0) return `${head}: the file lists no tests`;
    const samePool = entries.filter((e) => e.pool === ref.pool);
    if (samePool.length === 0) {
      const pools = [...new Set(entries.map((e) => e.pool))];
      return `${head}: the file has no pool ${JSON.stringify(ref.pool)}; its pools are ${pools.map((p) => JSON.stringify(p)).join(', ')}`;
    }
    const names = samePool.map((e) => `${e.suite} / ${e.test}`);
    const nearest = nearestNames(`${ref.suite} / ${ref.test}`, names);
    return `${head}. Nearest tests of pool ${JSON.stringify(ref.pool)} (suite / test): ${nearest.map((n) => JSON.stringify(n)).join(', ')}. Add the test to the pool file, or check how the suite and test names are derived.`;
  }
}

/** Reads and checks a results file. */
export async function readResultsFile(path: string): Promise<ResultsFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw unreadable(path, error);
  }
  return parseResultsFile(path, text);
}

/** {@link readResultsFile}, synchronously: for environments whose setup cannot wait. */
export function readResultsFileSync(path: string): ResultsFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw unreadable(path, error);
  }
  return parseResultsFile(path, text);
}

/** Checks the shape of a results file's text. */
export function parseResultsFile(path: string, text: string): ResultsFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw bad(path, `it is not JSON (${(error as Error).message})`);
  }
  if (
    typeof data !== 'object' ||
    data === null ||
    !Array.isArray((data as { results?: unknown }).results)
  ) {
    throw bad(
      path,
      'it has no "results" list (is it a file written by `allot run` or the GitHub Action?)',
    );
  }
  const content = data as ResultsFileContent;
  content.results.forEach((entry, index) => {
    const e = entry as Partial<ResultsEntry> | null;
    const ok =
      e !== null &&
      typeof e === 'object' &&
      typeof e.pool === 'string' &&
      typeof e.suite === 'string' &&
      typeof e.test === 'string' &&
      typeof e.status === 'string' &&
      Array.isArray(e.values);
    if (!ok)
      throw bad(
        path,
        `results[${index}] needs pool, suite, test, status (strings) and values (a list)`,
      );
  });
  return new ResultsFile(path, content);
}

function keyOf(ref: TestRef): string {
  return `${ref.pool}${SEP}${ref.suite}${SEP}${ref.test}`;
}

function bad(path: string, why: string): AllotClientError {
  return new AllotClientError({
    code: 'RESULTS_FILE',
    message: `results file ${path} is not valid: ${why}`,
  });
}

function unreadable(path: string, error: unknown): AllotClientError {
  const code = (error as { code?: unknown }).code;
  const why = code === 'ENOENT' ? 'it does not exist' : (error as Error).message;
  return new AllotClientError({
    code: 'RESULTS_FILE',
    message: `cannot read results file ${path}: ${why}`,
    cause: error,
  });
}
