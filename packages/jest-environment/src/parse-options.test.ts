import { describe, expect, it } from 'vitest';
import { parseOptions } from './parse-options.js';
import { fileSuite } from './test-ref.js';

describe('parseOptions', () => {
  it('applies defaults and reads the environment', () => {
    expect(
      parseOptions({ pool: 'shop' }, { ALLOT_RESULTS_FILE: 'r.json', ALLOT_API_KEY: 'k' }),
    ).toEqual({
      pool: 'shop',
      resultsFile: 'r.json',
      serverUrl: undefined,
      apiKey: 'k',
      server: 'local',
      suite: 'describe',
      separator: ' > ',
      allocate: true,
    });
    expect(parseOptions({ pool: 'shop', suite: 'smoke' }, {}).suite).toEqual({ fixed: 'smoke' });
    expect(parseOptions({ pool: 'shop', suite: 'file' }, {}).suite).toBe('file');
  });

  it('fails with the accepted options', () => {
    expect(() => parseOptions(undefined, {})).toThrow(
      'set testEnvironmentOptions.allot in your Jest config',
    );
    expect(() => parseOptions({}, {})).toThrow('testEnvironmentOptions.allot.pool is required');
    expect(() => parseOptions({ pool: 'p', resultFile: 'x' }, {})).toThrow(
      'testEnvironmentOptions.allot.resultFile is not an option; accepted: pool, resultsFile, serverUrl, apiKey, server, suite, separator, allocate',
    );
  });
});

describe('fileSuite', () => {
  it('drops the extension and a .test or .spec ending', () => {
    expect(fileSuite('/a/checkout.test.ts')).toBe('checkout');
    expect(fileSuite('/a/checkout.e2e.spec.cjs')).toBe('checkout.e2e');
    expect(fileSuite('/a/profile.js')).toBe('profile');
  });
});
