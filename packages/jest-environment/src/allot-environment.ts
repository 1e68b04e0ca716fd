import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import type { Circus } from '@jest/types';
import { TestEnvironment } from 'jest-environment-node';
import {
  AllotClient,
  lookupValues,
  readResultsFile,
  type ResultsFile,
  type TestRef,
} from '@allot/client';
import { parseOptions, type ResolvedOptions } from './parse-options.js';
import { noTestRunning, testData } from './test-data.js';
import { suiteOf } from './test-ref.js';

/**
 * A Node environment that sets `globalThis.allot` to the running test's
 * allocated values at `test_start` (before `beforeEach`): suite = describe
 * path (or the file, or a fixed name), test = the test's title. Values come
 * from the results file when it lists the test, else from the server.
 *
 * One "current test" global cannot serve `test.concurrent` tests, which
 * run interleaved: give those their own pool entries and read a results
 * file with `@allot/client` instead.
 */
export class AllotEnvironment extends TestEnvironment {
  private readonly options: ResolvedOptions;
  private readonly testPath: string;
  private resultsFile: ResultsFile | undefined;
  private client: AllotClient | undefined;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    this.options = parseOptions(config.projectConfig.testEnvironmentOptions.allot, process.env);
    this.testPath = context.testPath;
    // Jest copied testEnvironmentOptions onto the global: replace ours before test code can read the key.
    this.global.allot = noTestRunning();
  }

  override async setup(): Promise<void> {
    await super.setup();
    const { resultsFile, serverUrl, apiKey } = this.options;
    if (resultsFile !== undefined) this.resultsFile = await readResultsFile(resultsFile);
    if (serverUrl !== undefined) {
      if (apiKey === undefined) {
        throw new Error(
          '@allot/jest-environment: serverUrl is set but no API key: set $ALLOT_API_KEY (or testEnvironmentOptions.allot.apiKey)',
        );
      }
      this.client = new AllotClient({
        baseUrl: serverUrl,
        apiKey,
        log: (line) => process.stderr.write(`${line}\n`),
      });
    }
  }

  async handleTestEvent(event: Circus.Event): Promise<void> {
    if (event.name === 'test_start') {
      const { test } = event;
      const ref: TestRef = {
        pool: this.options.pool,
        suite: suiteOf(test, this.testPath, this.options.suite, this.options.separator),
        test: test.name,
      };
      // A skipped test needs no data, and must not allocate any on the server.
      const outcome =
        test.mode === 'skip' || test.mode === 'todo'
          ? new Error('allot: this test is skipped')
          : await this.lookup(ref);
      this.global.allot = testData(ref, outcome);
    } else if (
      event.name === 'test_done' ||
      event.name === 'test_skip' ||
      event.name === 'test_todo'
    ) {
      this.global.allot = noTestRunning();
    }
  }

  private async lookup(ref: TestRef) {
    try {
      return await lookupValues(ref, {
        ...(this.resultsFile === undefined ? {} : { resultsFile: this.resultsFile }),
        ...(this.client === undefined ? {} : { client: this.client }),
        server: this.options.server,
        allocate: this.options.allocate,
      });
    } catch (error) {
      // Thrown when the test reads its values, so tests that need none still pass.
      return error instanceof Error ? error : new Error(String(error));
    }
  }
}
