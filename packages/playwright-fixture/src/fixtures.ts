import {
  test as base,
  type Fixtures,
  type PlaywrightTestArgs,
  type PlaywrightTestOptions,
  type PlaywrightWorkerArgs,
  type PlaywrightWorkerOptions,
  type TestType,
} from '@playwright/test';
import { attachValues } from './attach-values.js';
import { DEFAULT_OPTIONS, resolveSourceOptions, type AllotOptions } from './options.js';
import { createTestData, type Columns, type TestData } from './test-data.js';
import { testRefOf, withNamingHint } from './test-ref.js';
import { WorkerSource } from './worker-source.js';

/** The test-scoped fixtures: `testData`, typed by the columns `C`. */
export interface AllotTestFixtures<C extends object = Columns> {
  testData: TestData<C>;
}

/** The worker-scoped fixtures: the options, and the worker's source of values (internal). */
export interface AllotWorkerFixtures extends AllotOptions {
  allotSource: WorkerSource;
}

/** `test` with allot's fixtures, typed by the columns `C` of `testData`. */
export type AllotTest<C extends object = Columns> = TestType<
  PlaywrightTestArgs & PlaywrightTestOptions & AllotTestFixtures<C>,
  PlaywrightWorkerArgs & PlaywrightWorkerOptions & AllotWorkerFixtures
>;

const option = { scope: 'worker', option: true } as const;

/**
 * allot's fixtures, for `base.extend(allotFixtures)` on a test of your own
 * (or use the exported `test`, and `mergeTests` it with yours).
 */
export const allotFixtures: Fixtures<
  AllotTestFixtures,
  AllotWorkerFixtures,
  PlaywrightTestArgs & PlaywrightTestOptions,
  PlaywrightWorkerArgs & PlaywrightWorkerOptions
> = {
  allotPool: [DEFAULT_OPTIONS.allotPool, option],
  allotSuite: [DEFAULT_OPTIONS.allotSuite, option],
  allotResultsFile: [DEFAULT_OPTIONS.allotResultsFile, option],
  allotServerUrl: [DEFAULT_OPTIONS.allotServerUrl, option],
  allotApiKey: [DEFAULT_OPTIONS.allotApiKey, option],
  allotServer: [DEFAULT_OPTIONS.allotServer, option],
  allotAllocate: [DEFAULT_OPTIONS.allotAllocate, option],
  allotRelease: [DEFAULT_OPTIONS.allotRelease, option],
  allotSecrets: [DEFAULT_OPTIONS.allotSecrets, option],
  allotSource: [
    async (
      {
        allotResultsFile,
        allotServerUrl,
        allotApiKey,
        allotServer,
        allotAllocate,
        allotRelease,
        allotSecrets,
      },
      use,
    ) => {
      const options = resolveSourceOptions(
        {
          allotResultsFile,
          allotServerUrl,
          allotApiKey,
          allotServer,
          allotAllocate,
          allotRelease,
          allotSecrets,
        },
        process.env,
      );
      await use(await WorkerSource.open(options));
    },
    { scope: 'worker', box: true },
  ],
  testData: async ({ allotSource, allotPool, allotSuite }, use, testInfo) => {
    const ref = testRefOf(testInfo.titlePath, allotPool, allotSuite);
    const values = await allotSource.lookup(ref).catch((error: unknown) => {
      throw withNamingHint(error, testInfo.titlePath, allotSuite);
    });
    await attachValues(testInfo, values, await allotSource.secretColumns(ref.pool));
    await use(createTestData(values));
    if (allotSource.options.release) await allotSource.release(ref);
  },
};

/** Playwright's `test` with a `testData` fixture holding the running test's allocated values. */
export const test: AllotTest = base.extend<AllotTestFixtures, AllotWorkerFixtures>(allotFixtures);

/**
 * `test` with `testData` typed by your columns:
 * `const test = typedTest<{ email: string; password: string }>();`
 * (the same fixtures; only the type differs).
 */
export function typedTest<C extends object>(): AllotTest<C> {
  return test as unknown as AllotTest<C>;
}
