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

describe('parseCliOptions: server names and waiting', () => {
  const optionsOf = (argv: string[]) => {
    const parsed = parseCliOptions(argv, {});
    if (parsed.help) throw new Error('expected options, got help');
    return parsed.options;
  };

  it('takes default servers for every workspace and per workspace, and strict names', () => {
    expect(
      optionsOf(['--default-server', 'appdb', '--default-server', 'team-a/ledger']),
    ).toMatchObject({
      defaultServers: [{ name: 'appdb' }, { name: 'ledger', workspace: 'team-a' }],
    });
    expect(optionsOf(['--strict-server-names']).strictServerNames).toBe(true);
    expect(optionsOf([])).not.toHaveProperty('strictServerNames');
    expect(optionsOf([])).not.toHaveProperty('defaultServers');
  });

  it('refuses a default given twice for the same scope, or malformed', () => {
    expect(() => optionsOf(['--default-server', 'a', '--default-server', 'b'])).toThrow(
      '--default-server is given twice for every workspace',
    );
    expect(() => optionsOf(['--default-server', 'x/a', '--default-server', 'x/b'])).toThrow(
      '--default-server is given twice for workspace "x"',
    );
    expect(() => optionsOf(['--default-server', 'a/b/c'])).toThrow(/NAME or WORKSPACE\/NAME/);
  });

  it('takes --sync-wait-ms as an integer of milliseconds', () => {
    expect(optionsOf(['--sync-wait-ms', '0']).syncWaitMs).toBe(0);
    expect(optionsOf(['--sync-wait-ms', '2500']).syncWaitMs).toBe(2500);
    expect(optionsOf([])).not.toHaveProperty('syncWaitMs');
    expect(() => optionsOf(['--sync-wait-ms=-1'])).toThrow(/--sync-wait-ms must be an integer/);
    expect(() => optionsOf(['--sync-wait-ms', '1.5'])).toThrow(/--sync-wait-ms must be an integer/);
  });

  it('takes the session life from --session-ttl or ALLOT_SESSION_TTL, and the secret from ALLOT_SESSION_SECRET', () => {
    const parse = (argv: string[], env: NodeJS.ProcessEnv) => {
      const parsed = parseCliOptions(argv, env);
      if (parsed.help) throw new Error('expected options, got help');
      return parsed.options;
    };
    expect(parse(['--session-ttl', '3600'], {}).sessions).toEqual({ ttlSeconds: 3600 });
    expect(parse([], { ALLOT_SESSION_TTL: '600' }).sessions).toEqual({ ttlSeconds: 600 });
    const secret = 'x'.repeat(32);
    expect(parse([], { ALLOT_SESSION_SECRET: secret }).sessions).toEqual({ secret });
    expect(parse([], {})).not.toHaveProperty('sessions');
    expect(() => parse(['--session-ttl', '5'], {})).toThrow(/--session-ttl must be an integer/);
    expect(() => parse([], { ALLOT_SESSION_SECRET: 'short' })).toThrow(/at least 32 bytes/);
  });
});

describe('parseCliOptions: webhooks', () => {
  it('allows private webhook URLs only with --allow-private-webhooks', () => {
    const parsed = parseCliOptions(['--allow-private-webhooks'], {});
    expect(parsed.help ? undefined : parsed.options.allowPrivateWebhooks).toBe(true);
    const plain = parseCliOptions([], {});
    expect(plain.help ? undefined : plain.options.allowPrivateWebhooks).toBeUndefined();
  });
});
