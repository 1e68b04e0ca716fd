import { describe, expect, it } from 'vitest';
import { parseCliOptions } from './parse-cli-options.js';

const storeOf = (argv: string[], env: NodeJS.ProcessEnv) => {
  const parsed = parseCliOptions(argv, env);
  if (parsed.help) throw new Error('expected options, got help');
  return parsed.options.storeSpec;
};

describe('parseCliOptions: which store', () => {
  const env = { ALLOT_STORE: 'postgres://db/allot' };

  it('takes an explicit --data-dir over ALLOT_STORE', () => {
    expect(storeOf(['--data-dir', '/tmp/here'], env)).toBe('/tmp/here');
  });

  it('takes --store over --data-dir and ALLOT_STORE', () => {
    expect(storeOf(['--store', '/tmp/store', '--data-dir', '/tmp/here'], env)).toBe('/tmp/store');
    expect(storeOf(['--store', '/tmp/store'], env)).toBe('/tmp/store');
  });

  it('takes ALLOT_STORE when no flag names a store, else the default directory', () => {
    expect(storeOf([], env)).toBe('postgres://db/allot');
    expect(storeOf([], { ALLOT_STORE: '' })).toBe('.allot');
    expect(storeOf([], {})).toBe('.allot');
  });
});
