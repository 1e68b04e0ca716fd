import { isAbsolute, resolve } from 'node:path';
import type { SuiteNaming } from '@allot/client';
import { isPostgresUrl } from '@allot/store-postgres';
import { InputError } from './input-error.js';
import { parseDuration } from './parse-duration.js';

/** Where the job runs: an allot server, or embedded in the step over a store. */
export type Mode =
  { kind: 'server'; url: string; apiKey: string } | { kind: 'embedded'; store: string };

/** How the tests of the job are chosen. */
export type TestSource =
  | { kind: 'pools' }
  | { kind: 'manifest'; file: string }
  | { kind: 'playwright'; command: string; naming: SuiteNaming }
  | { kind: 'cucumber'; patterns: string[] };

/** The action's inputs, checked and with their defaults applied. */
export interface ActionInputs {
  mode: Mode;
  /** Glob patterns of pool files, relative to {@link workingDirectory}. */
  poolFiles: string[];
  /** The resolution server the job runs on (server mode). */
  server: string;
  tests: TestSource;
  /** The pool of listed or discovered tests that name none; else any pool file defining them. */
  pool: string | undefined;
  ttlSeconds: number | undefined;
  release: boolean;
  failOnMissing: boolean;
  failOnFailure: boolean;
  /** Absolute path. */
  resultsFile: string;
  /** Absolute path: where discovery runs and relative paths resolve. */
  workingDirectory: string;
}

/** Reads an input by its name in action.yml; empty when not set. */
export type InputReader = (name: string) => string;

export const DEFAULT_PLAYWRIGHT_COMMAND = 'npx playwright test --list --reporter=json';
const DEFAULT_FEATURES = 'features/**/*.feature';
const DISCOVERERS = ['playwright', 'cucumber'];

/**
 * Parses every input up front, failing fast with the input's name and the
 * accepted values: `required: true` in action.yml checks nothing by itself.
 */
export function parseInputs(read: InputReader, cwd: string): ActionInputs {
  const text = (name: string) => read(name).trim();
  const workingDirectory = resolve(cwd, text('working-directory') || '.');
  const path = (value: string) => (isAbsolute(value) ? value : resolve(workingDirectory, value));
  const poolFiles = list(read('pool-files'));
  const mode = parseMode(text, path, poolFiles);
  const tests = parseTestSource(text, path);
  if (mode.kind === 'server' && poolFiles.length === 0 && tests.kind === 'pools')
    throw new InputError(
      'pool-files',
      'is empty and so are tests and discover: with server-url, the action needs one of them to know which tests to allocate',
    );
  return {
    mode,
    poolFiles,
    server: parseName('server', text('server') || 'local'),
    tests,
    pool: text('pool') || undefined,
    ttlSeconds: text('ttl') === '' ? undefined : parseDuration('ttl', text('ttl')),
    release: parseBoolean('release', text('release'), true),
    failOnMissing: parseBoolean('fail-on-missing', text('fail-on-missing'), false),
    failOnFailure: parseBoolean('fail-on-failure', text('fail-on-failure'), true),
    resultsFile: path(text('results-file') || 'allot-results.json'),
    workingDirectory,
  };
}

function parseMode(
  text: (name: string) => string,
  path: (value: string) => string,
  poolFiles: readonly string[],
): Mode {
  const url = text('server-url');
  const apiKey = text('api-key');
  const store = text('store');
  if (url === '') {
    if (apiKey !== '')
      throw new InputError(
        'api-key',
        'is set but server-url is empty: set server-url to run the job on a server, or remove api-key to run it embedded',
      );
    if (poolFiles.length === 0)
      throw new InputError(
        'pool-files',
        'is required without server-url: name the pool files (globs, one per line or comma separated), e.g. pools/*.yaml',
      );
    return { kind: 'embedded', store: isPostgresUrl(store) ? store : path(store || '.allot') };
  }
  if (!/^https?:\/\/[^/]/i.test(url))
    throw new InputError('server-url', `must be an http:// or https:// URL, got "${url}"`);
  if (apiKey === '')
    throw new InputError(
      'api-key',
      'is required with server-url: pass a key with the tester role (manager to upload pool files), e.g. api-key: ${{ secrets.ALLOT_API_KEY }}',
    );
  if (store !== '')
    throw new InputError(
      'store',
      'applies to the embedded mode only; the server keeps its own store: remove store, or server-url',
    );
  return { kind: 'server', url, apiKey };
}

function parseTestSource(
  text: (name: string) => string,
  path: (value: string) => string,
): TestSource {
  const manifest = text('tests');
  const discover = text('discover').toLowerCase();
  if (manifest !== '' && discover !== '')
    throw new InputError(
      'tests',
      'and discover are both set: list the tests in a file (tests) or discover them from the suite (discover), not both',
    );
  if (manifest !== '') return { kind: 'manifest', file: path(manifest) };
  if (discover === '') {
    for (const name of ['playwright-command', 'suite-naming', 'feature-files'])
      if (text(name) !== '')
        throw new InputError(name, 'only applies with discover: playwright or cucumber');
    return { kind: 'pools' };
  }
  if (!DISCOVERERS.includes(discover))
    throw new InputError('discover', `must be one of ${DISCOVERERS.join(', ')}, got "${discover}"`);
  if (discover === 'playwright') {
    if (text('feature-files') !== '')
      throw new InputError('feature-files', 'only applies with discover: cucumber');
    return {
      kind: 'playwright',
      command: text('playwright-command') || DEFAULT_PLAYWRIGHT_COMMAND,
      naming: parseSuiteNaming(text('suite-naming')),
    };
  }
  for (const name of ['playwright-command', 'suite-naming'])
    if (text(name) !== '') throw new InputError(name, 'only applies with discover: playwright');
  const patterns = list(text('feature-files') || DEFAULT_FEATURES);
  return { kind: 'cucumber', patterns };
}

/** `file`, `describe`, or `fixed:<suite name>`, as the Playwright fixture's suite option. */
export function parseSuiteNaming(value: string): SuiteNaming {
  if (value === '' || value === 'file') return 'file';
  if (value === 'describe') return 'describe';
  if (value.startsWith('fixed:') && value.slice(6).trim() !== '')
    return { name: value.slice(6).trim() };
  throw new InputError(
    'suite-naming',
    `must be file, describe or fixed:<suite name>, got "${value}"`,
  );
}

/**
 * Splits a list input on new lines and on commas outside braces (so a glob
 * such as `{web,api}/*.yaml` stays whole); blank entries and `#` comments are dropped.
 */
export function list(value: string): string[] {
  const items: string[] = [];
  for (const line of value.split('\n')) {
    let depth = 0;
    let start = 0;
    for (let i = 0; i <= line.length; i++) {
      const char = line[i];
      if (char === '{') depth++;
      else if (char === '}') depth = Math.max(0, depth - 1);
      else if (i === line.length || (char === ',' && depth === 0)) {
        items.push(line.slice(start, i).trim());
        start = i + 1;
      }
    }
  }
  return items.filter((item) => item !== '' && !item.startsWith('#'));
}

/** The YAML 1.2 core schema booleans, as `core.getBooleanInput` accepts them. */
export function parseBoolean(name: string, value: string, fallback: boolean): boolean {
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputError(name, `must be true or false, got "${value}"`);
}

function parseName(name: string, value: string): string {
  if (/[/?#\s]/.test(value))
    throw new InputError(name, `must be a plain name (no spaces, slashes, ? or #), got "${value}"`);
  return value;
}
