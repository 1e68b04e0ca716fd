import { describe, expect, it } from 'vitest';
import { list, parseInputs, parseSuiteNaming } from './inputs.js';
import { parseDuration } from './parse-duration.js';

const read = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';

describe('parseInputs', () => {
  it('applies the defaults of the embedded mode', () => {
    const inputs = parseInputs(read({ 'pool-files': 'pools/*.yaml' }), '/repo');
    expect(inputs).toEqual({
      mode: { kind: 'embedded', store: '/repo/.allot' },
      poolFiles: ['pools/*.yaml'],
      server: 'local',
      tests: { kind: 'pools' },
      pool: undefined,
      ttlSeconds: undefined,
      release: true,
      failOnMissing: false,
      failOnFailure: true,
      resultsFile: '/repo/allot-results.json',
      workingDirectory: '/repo',
    });
  });

  it('keeps a database URL as it is and resolves paths from working-directory', () => {
    const inputs = parseInputs(
      read({
        'pool-files': 'a.yaml',
        store: 'postgres://u:p@db/allot',
        'working-directory': 'e2e',
        'results-file': 'out/r.json',
        tests: 'tests.yaml',
      }),
      '/repo',
    );
    expect(inputs.mode).toEqual({ kind: 'embedded', store: 'postgres://u:p@db/allot' });
    expect(inputs.resultsFile).toBe('/repo/e2e/out/r.json');
    expect(inputs.tests).toEqual({ kind: 'manifest', file: '/repo/e2e/tests.yaml' });
  });

  it('reads the server mode and the discovery options', () => {
    const inputs = parseInputs(
      read({
        'server-url': 'https://allot.example.com',
        'api-key': ' k ',
        discover: 'Playwright',
        'suite-naming': 'fixed:web',
      }),
      '/repo',
    );
    expect(inputs.mode).toEqual({ kind: 'server', url: 'https://allot.example.com', apiKey: 'k' });
    expect(inputs.tests).toEqual({
      kind: 'playwright',
      command: 'npx playwright test --list --reporter=json',
      naming: { name: 'web' },
    });
  });

  it('refuses a store in server mode and Playwright options for Cucumber', () => {
    const server = { 'server-url': 'http://s', 'api-key': 'k', tests: 't.yaml' };
    expect(() => parseInputs(read({ ...server, store: '.allot' }), '/')).toThrow(
      /input store applies to the embedded mode only/,
    );
    expect(() =>
      parseInputs(
        read({ ...server, tests: '', discover: 'cucumber', 'suite-naming': 'file' }),
        '/',
      ),
    ).toThrow(/input suite-naming only applies with discover: playwright/);
  });
});

describe('small parsers', () => {
  it('splits lists on lines and commas, dropping blanks and comments', () => {
    expect(list('a.yaml, b.yaml\n\n# old\n  c/*.yaml  ')).toEqual(['a.yaml', 'b.yaml', 'c/*.yaml']);
    expect(list('{web,api}/*.yaml,x.yaml')).toEqual(['{web,api}/*.yaml', 'x.yaml']);
  });

  it('reads lease times with units', () => {
    expect(parseDuration('ttl', '7200')).toBe(7200);
    expect(parseDuration('ttl', '90m')).toBe(5400);
    expect(parseDuration('ttl', '2H')).toBe(7200);
    expect(() => parseDuration('ttl', '0')).toThrow(/input ttl/);
    expect(() => parseDuration('ttl', '31d')).toThrow(/30 days/);
  });

  it('reads the suite naming as the fixture does', () => {
    expect(parseSuiteNaming('')).toBe('file');
    expect(parseSuiteNaming('describe')).toBe('describe');
    expect(() => parseSuiteNaming('fixed:')).toThrow(/file, describe or fixed:<suite name>/);
  });
});
