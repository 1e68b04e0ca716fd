import type { TestRef } from '@allot/protocol';
import { AllocatedValues } from './allocated-values.js';
import { AllotClientError, isAllotClientError } from './allot-client-error.js';
import type { AllotClient } from './allot-client.js';
import { describeTest } from './model.js';
import type { ResultsFile } from './results-file.js';

/** Where an integration finds a test's values. */
export interface ValueSources {
  /** Read first: the job already ran (the GitHub Action or `allot run`), no network needed. */
  resultsFile?: ResultsFile;
  /** Asked when the results file does not list the test, or there is none. */
  client?: AllotClient;
  /** The resolution server of on-demand jobs; default `local`. */
  server?: string;
  /** Execute a one-test job when the server holds no result for the test; default true. */
  allocate?: boolean;
}

/**
 * The values of one test: from the results file when it lists the test
 * (a failed entry throws with the job's reason), else from the server,
 * allocating on demand when it has none yet.
 */
export async function lookupValues(ref: TestRef, sources: ValueSources): Promise<AllocatedValues> {
  const { resultsFile, client } = sources;
  if (resultsFile !== undefined) {
    const entry = resultsFile.find(ref.pool, ref.suite, ref.test);
    if (entry !== undefined || client === undefined) {
      // Throws the explanation (nearest names, or the failure's reason) when the entry is missing or failed.
      const found = resultsFile.get(ref.pool, ref.suite, ref.test);
      return new AllocatedValues(ref, found.values, `results file ${resultsFile.path}`);
    }
  }
  if (client === undefined) {
    throw new AllotClientError({
      code: 'INVALID_INPUT',
      message: `cannot look up ${describeTest(ref)}: no results file and no server URL are configured`,
      ref,
    });
  }
  const source = `server ${client.baseUrl}`;
  try {
    return new AllocatedValues(ref, await client.rows(ref.pool, ref.suite, ref.test), source);
  } catch (error) {
    if (!(isAllotClientError(error) && error.status === 404 && sources.allocate !== false))
      throw error;
  }
  await client.execute([ref], { server: sources.server ?? 'local' });
  return new AllocatedValues(ref, await client.rows(ref.pool, ref.suite, ref.test), source);
}
