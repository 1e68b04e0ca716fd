import type { SuiteNaming } from '@allot/client';

/**
 * The worker-scoped options users set in `use` in playwright.config
 * (`use: { allotPool: 'shop' }`). Each is a Playwright option fixture, so a
 * project can override it too.
 */
export interface AllotOptions {
  /** The pool every test allocates from; required. */
  allotPool: string | undefined;
  /**
   * How a test's suite name is derived from its title path: `file` (the spec
   * file's path relative to the test directory; the default), `describe`
   * (the describe titles), or `{ name }` (one suite for every test).
   */
  allotSuite: SuiteNaming;
  /** A results file of a job that ran before the tests; default `$ALLOT_RESULTS_FILE`. `''` means none. */
  allotResultsFile: string | undefined;
  /** An allot server, asked when there is no results file or it lacks a test; default `$ALLOT_SERVER_URL`. */
  allotServerUrl: string | undefined;
  /** The server's API key; default `$ALLOT_API_KEY` (keep keys out of committed config). */
  allotApiKey: string | undefined;
  /** The resolution server of on-demand jobs; default `local`. */
  allotServer: string;
  /** Execute a one-test job when the server holds no result for a test; default true. */
  allotAllocate: boolean;
  /** Release each test's rows on the server when the test ends; default false. */
  allotRelease: boolean;
  /** Columns to mask in the report, besides the pool's declared secrets and password-like names. */
  allotSecrets: readonly string[];
}

/** Where a worker reads values from, with the environment's defaults applied and checked. */
export interface SourceOptions {
  resultsFile: string | undefined;
  serverUrl: string | undefined;
  apiKey: string | undefined;
  server: string;
  allocate: boolean;
  release: boolean;
  secrets: readonly string[];
}

/** The defaults of {@link AllotOptions}; variables are read when a worker starts. */
export const DEFAULT_OPTIONS: AllotOptions = {
  allotPool: undefined,
  allotSuite: 'file',
  allotResultsFile: undefined,
  allotServerUrl: undefined,
  allotApiKey: undefined,
  allotServer: 'local',
  allotAllocate: true,
  allotRelease: false,
  allotSecrets: [],
};

/**
 * Applies `$ALLOT_RESULTS_FILE`, `$ALLOT_SERVER_URL` and `$ALLOT_API_KEY` to
 * options left unset, and fails on combinations that cannot work, naming
 * the option to set.
 */
export function resolveSourceOptions(
  options: Omit<AllotOptions, 'allotPool' | 'allotSuite'>,
  env: NodeJS.ProcessEnv,
): SourceOptions {
  const pick = (value: string | undefined, fallback: string | undefined) => {
    const chosen = value ?? fallback;
    return chosen === undefined || chosen === '' ? undefined : chosen;
  };
  const resolved: SourceOptions = {
    resultsFile: pick(options.allotResultsFile, env.ALLOT_RESULTS_FILE),
    serverUrl: pick(options.allotServerUrl, env.ALLOT_SERVER_URL),
    apiKey: pick(options.allotApiKey, env.ALLOT_API_KEY),
    server: options.allotServer,
    allocate: options.allotAllocate,
    release: options.allotRelease,
    secrets: options.allotSecrets,
  };
  if (resolved.serverUrl !== undefined && resolved.apiKey === undefined) {
    throw new Error(
      '@allot/playwright: a server URL is set but no API key: set $ALLOT_API_KEY (or allotApiKey in use of playwright.config)',
    );
  }
  if (resolved.resultsFile === undefined && resolved.serverUrl === undefined) {
    throw new Error(
      '@allot/playwright: no source of test data: set $ALLOT_RESULTS_FILE (written by `allot run` or the GitHub Action) or $ALLOT_SERVER_URL and $ALLOT_API_KEY, or allotResultsFile / allotServerUrl in use of playwright.config',
    );
  }
  if (resolved.release && resolved.serverUrl === undefined) {
    throw new Error(
      '@allot/playwright: allotRelease needs a server to release rows on: set $ALLOT_SERVER_URL and $ALLOT_API_KEY (or allotServerUrl), or turn allotRelease off and release the job after the run',
    );
  }
  return resolved;
}
