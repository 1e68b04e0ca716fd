/** What users put under `worldParameters.allot` (cucumber config or `--world-parameters`). */
export interface AllotWorldParameters {
  /** The pool of scenarios with no `@pool:<name>` tag. */
  pool?: string;
  /** A results file written by `allot run` or the GitHub Action; default `$ALLOT_RESULTS_FILE`. */
  resultsFile?: string;
  /** An allot server, asked when the results file does not list a scenario; default `$ALLOT_SERVER_URL`. */
  serverUrl?: string;
  /** The server's API key; default `$ALLOT_API_KEY` (prefer the variable). */
  apiKey?: string;
  /** The resolution server of on-demand jobs; default `local`. */
  server?: string;
  /** Allocate on demand from the server when it has no result for a scenario; default true. */
  allocate?: boolean;
  /** Release each scenario's rows on the server after it ran; default false. */
  release?: boolean;
}

/** The options with the environment's defaults applied. */
export interface AllotOptions {
  pool: string | undefined;
  resultsFile: string | undefined;
  serverUrl: string | undefined;
  apiKey: string | undefined;
  server: string;
  allocate: boolean;
  release: boolean;
}

const KNOWN = ['pool', 'resultsFile', 'serverUrl', 'apiKey', 'server', 'allocate', 'release'];

/** Checks `worldParameters.allot`, failing with the accepted keys. */
export function parseWorldParameters(parameters: unknown, env: NodeJS.ProcessEnv): AllotOptions {
  const raw =
    (typeof parameters === 'object' && parameters !== null
      ? (parameters as { allot?: unknown }).allot
      : undefined) ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error(
      '@allot/cucumber: worldParameters.allot must be an object, e.g. {"allot": {"pool": "shop"}}',
    );
  }
  const options = raw as Record<string, unknown>;
  for (const key of Object.keys(options)) {
    if (!KNOWN.includes(key))
      throw new Error(
        `@allot/cucumber: worldParameters.allot.${key} is not an option; accepted: ${KNOWN.join(', ')}`,
      );
  }
  const text = (key: string, fallback?: string): string | undefined => {
    const value = options[key] ?? fallback;
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string')
      throw new Error(`@allot/cucumber: worldParameters.allot.${key} must be a string`);
    return value;
  };
  const flag = (key: string, fallback: boolean): boolean => {
    const value = options[key];
    if (value === undefined) return fallback;
    if (typeof value !== 'boolean')
      throw new Error(`@allot/cucumber: worldParameters.allot.${key} must be true or false`);
    return value;
  };
  return {
    pool: text('pool'),
    resultsFile: text('resultsFile', env.ALLOT_RESULTS_FILE),
    serverUrl: text('serverUrl', env.ALLOT_SERVER_URL),
    apiKey: text('apiKey', env.ALLOT_API_KEY),
    server: text('server') ?? 'local',
    allocate: flag('allocate', true),
    release: flag('release', false),
  };
}
