import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, resolveSourceOptions } from './options.js';

const defaults = { ...DEFAULT_OPTIONS };

describe('resolveSourceOptions', () => {
  it('reads unset options from the environment', () => {
    expect(
      resolveSourceOptions(defaults, {
        ALLOT_RESULTS_FILE: 'allot-results.json',
        ALLOT_SERVER_URL: 'http://allot:8080',
        ALLOT_API_KEY: 'k',
      }),
    ).toEqual({
      resultsFile: 'allot-results.json',
      serverUrl: 'http://allot:8080',
      apiKey: 'k',
      server: 'local',
      allocate: true,
      release: false,
      secrets: [],
    });
  });

  it('prefers options set in use, and reads an empty string as none', () => {
    const resolved = resolveSourceOptions(
      { ...defaults, allotResultsFile: '', allotServerUrl: 'http://mine', allotApiKey: 'mine' },
      { ALLOT_RESULTS_FILE: 'r.json', ALLOT_SERVER_URL: 'http://env', ALLOT_API_KEY: 'env' },
    );
    expect(resolved).toMatchObject({
      resultsFile: undefined,
      serverUrl: 'http://mine',
      apiKey: 'mine',
    });
  });

  it('fails naming what to set', () => {
    expect(() => resolveSourceOptions(defaults, {})).toThrow(
      'no source of test data: set $ALLOT_RESULTS_FILE',
    );
    expect(() => resolveSourceOptions(defaults, { ALLOT_SERVER_URL: 'http://a' })).toThrow(
      'a server URL is set but no API key: set $ALLOT_API_KEY',
    );
    expect(() =>
      resolveSourceOptions({ ...defaults, allotRelease: true }, { ALLOT_RESULTS_FILE: 'r.json' }),
    ).toThrow('allotRelease needs a server to release rows on');
  });
});
