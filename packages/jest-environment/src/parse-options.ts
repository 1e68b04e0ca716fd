/** How the suite name of a test is derived. */
export type SuiteNaming = 'describe' | 'file' | { fixed: string };

/** What users put under `testEnvironmentOptions.allot` in jest.config.js. */
export interface AllotJestOptions {
  /** The pool every test of the project allocates from. */
  pool: string;
  /** A results file written by `allot run` or the GitHub Action; default `$ALLOT_RESULTS_FILE`. */
  resultsFile?: string;
  /** An allot server, asked when the results file does not list a test; default `$ALLOT_SERVER_URL`. */
  serverUrl?: string;
  /** The server's API key; default `$ALLOT_API_KEY` (prefer the variable: config files get committed). */
  apiKey?: string;
  /** The resolution server of on-demand jobs; default `local`. */
  server?: string;
  /**
   * The suite name: `describe` (the describe titles joined by `separator`,
   * the file's name for a test outside any describe; the default), `file`
   * (the test file's name without `.test.js`-like endings), or any other
   * string as the suite of every test.
   */
  suite?: string;
  /** Joins nested describe titles; default `' > '`. */
  separator?: string;
  /** Allocate on demand from the server when it has no result for a test; default true. */
  allocate?: boolean;
}

/** The options with defaults applied. */
export interface ResolvedOptions {
  pool: string;
  resultsFile: string | undefined;
  serverUrl: string | undefined;
  apiKey: string | undefined;
  server: string;
  suite: SuiteNaming;
  separator: string;
  allocate: boolean;
}

const KNOWN = [
  'pool',
  'resultsFile',
  'serverUrl',
  'apiKey',
  'server',
  'suite',
  'separator',
  'allocate',
];

/** Checks `testEnvironmentOptions.allot`, failing with the accepted keys and values. */
export function parseOptions(raw: unknown, env: NodeJS.ProcessEnv): ResolvedOptions {
  const where = 'testEnvironmentOptions.allot';
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error(
      `@allot/jest-environment: set ${where} in your Jest config, e.g. { allot: { pool: "shop" } }`,
    );
  }
  const options = raw as Record<string, unknown>;
  for (const key of Object.keys(options)) {
    if (!KNOWN.includes(key))
      throw new Error(
        `@allot/jest-environment: ${where}.${key} is not an option; accepted: ${KNOWN.join(', ')}`,
      );
  }
  const text = (key: string, fallback?: string): string | undefined => {
    const value = options[key] ?? fallback;
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string')
      throw new Error(`@allot/jest-environment: ${where}.${key} must be a string`);
    return value;
  };
  const pool = text('pool');
  if (pool === undefined)
    throw new Error(
      `@allot/jest-environment: ${where}.pool is required (the pool your tests allocate from)`,
    );
  const suite = text('suite') ?? 'describe';
  if (options.allocate !== undefined && typeof options.allocate !== 'boolean') {
    throw new Error(`@allot/jest-environment: ${where}.allocate must be true or false`);
  }
  return {
    pool,
    resultsFile: text('resultsFile', env.ALLOT_RESULTS_FILE),
    serverUrl: text('serverUrl', env.ALLOT_SERVER_URL),
    apiKey: text('apiKey', env.ALLOT_API_KEY),
    server: text('server') ?? 'local',
    suite: suite === 'describe' || suite === 'file' ? suite : { fixed: suite },
    separator: text('separator') ?? ' > ',
    allocate: options.allocate !== false,
  };
}
