import {
  AllotClient,
  describeTest,
  lookupValues,
  readResultsFile,
  type ResultsFile,
} from '@allot/client';
import { poolTag } from './list-feature-tests.js';
import { ScenarioData } from './scenario-data.js';
import {
  featureSuiteName,
  scenarioTestName,
  type GherkinDocumentLike,
} from './scenario-test-name.js';
import type { AllotOptions } from './world-options.js';

/** A pickle as the Before hook gets it. */
export interface HookPickle {
  name: string;
  astNodeIds: readonly string[];
  tags: ReadonlyArray<{ name: string }>;
}

// One read of the results file per worker process, shared by its scenarios.
const files = new Map<string, Promise<ResultsFile>>();
const clients = new Map<string, AllotClient>();

/** The values of a scenario: pool from its `@pool:` tag or the options, suite = feature, test = {@link scenarioTestName}. */
export async function loadScenarioData(
  pickle: HookPickle,
  document: GherkinDocumentLike,
  options: AllotOptions,
): Promise<ScenarioData> {
  const suite = featureSuiteName(document);
  const test = scenarioTestName(pickle, document);
  const pool = poolTag(pickle.tags.map((t) => t.name)) ?? options.pool;
  if (pool === undefined) {
    const error = new Error(
      `@allot/cucumber: no pool for suite ${JSON.stringify(suite)}, test ${JSON.stringify(test)}: tag the feature or scenario with @pool:<name>, or set worldParameters.allot.pool`,
    );
    return new ScenarioData({ pool: '', suite, test }, error);
  }
  const ref = { pool, suite, test };
  try {
    const resultsFile =
      options.resultsFile === undefined ? undefined : await resultsFileOf(options.resultsFile);
    const client = clientOf(options);
    const values = await lookupValues(ref, {
      ...(resultsFile === undefined ? {} : { resultsFile }),
      ...(client === undefined ? {} : { client }),
      server: options.server,
      allocate: options.allocate,
    });
    return new ScenarioData(ref, values);
  } catch (error) {
    const wrapped =
      error instanceof Error ? error : new Error(`${describeTest(ref)}: ${String(error)}`);
    return new ScenarioData(ref, wrapped);
  }
}

/** The client of the options' server, one per URL and key in a process; undefined when no server is configured. */
export function clientOf(options: AllotOptions): AllotClient | undefined {
  if (options.serverUrl === undefined) return undefined;
  if (options.apiKey === undefined) {
    throw new Error(
      '@allot/cucumber: a server URL is set but no API key: set $ALLOT_API_KEY (or worldParameters.allot.apiKey)',
    );
  }
  const id = `${options.serverUrl}\u0000${options.apiKey}`;
  let client = clients.get(id);
  if (client === undefined) {
    client = new AllotClient({
      baseUrl: options.serverUrl,
      apiKey: options.apiKey,
      log: (line) => process.stderr.write(`${line}\n`),
    });
    clients.set(id, client);
  }
  return client;
}

function resultsFileOf(path: string): Promise<ResultsFile> {
  let file = files.get(path);
  if (file === undefined) {
    file = readResultsFile(path);
    files.set(path, file);
  }
  return file;
}
