import { describe, expect, it } from 'vitest';
import { parseCliOptions } from '../parse-cli-options.js';
import { openResolutionServers } from './open-resolution-servers.js';
import {
  parseResolutionServerFlag,
  parseResolutionServersEnv,
} from './resolution-server-config.js';

const SECRET_URL = 'postgres://app:s3cret-pw@db.internal:5432/shop';

describe('resolution servers from configuration', () => {
  it('reads NAME=ENV_VAR flags, optionally scoped to a workspace', () => {
    expect(parseResolutionServerFlag('appdb=APP_DB_URL')).toEqual({
      name: 'appdb',
      connectionEnv: 'APP_DB_URL',
    });
    expect(parseResolutionServerFlag('team-a/appdb=TEAM_A_DB')).toEqual({
      name: 'appdb',
      workspace: 'team-a',
      connectionEnv: 'TEAM_A_DB',
    });
  });

  it('refuses a connection string on the command line without repeating it', () => {
    const attempt = () => parseResolutionServerFlag(`appdb=${SECRET_URL}`);
    expect(attempt).toThrow(/put the connection string in an environment variable/);
    expect(attempt).not.toThrow(/s3cret/);
    expect(() => parseResolutionServerFlag(SECRET_URL)).toThrow(/without "="/);
    expect(() => parseResolutionServerFlag(SECRET_URL)).not.toThrow(/s3cret/);
  });

  it('reads ALLOT_RESOLUTION_SERVERS as entries or as JSON', () => {
    expect(parseResolutionServersEnv(`appdb=APP_DB_URL\n  billing/ledger=${SECRET_URL}`)).toEqual([
      { name: 'appdb', connectionEnv: 'APP_DB_URL' },
      { name: 'ledger', workspace: 'billing', connection: SECRET_URL },
    ]);
    const json = JSON.stringify([
      { name: 'appdb', connectionEnv: 'APP_DB_URL', statementTimeoutMs: 2000, workspace: 'w1' },
    ]);
    expect(parseResolutionServersEnv(json)).toEqual([
      { name: 'appdb', connectionEnv: 'APP_DB_URL', statementTimeoutMs: 2000, workspace: 'w1' },
    ]);
    expect(parseResolutionServersEnv('  ')).toEqual([]);
  });

  it('reads readWrite and a quota from JSON, and says what is wrong with them', () => {
    const json = (extra: object) =>
      JSON.stringify([{ name: 'appdb', connectionEnv: 'APP_DB_URL', ...extra }]);
    expect(
      parseResolutionServersEnv(
        json({ readWrite: true, quota: { makes: 5, perSeconds: 1, concurrency: 2 } }),
      ),
    ).toEqual([
      {
        name: 'appdb',
        connectionEnv: 'APP_DB_URL',
        readWrite: true,
        quota: { makes: 5, perSeconds: 1, concurrency: 2 },
      },
    ]);
    expect(() => parseResolutionServersEnv(json({ readWrite: 'yes' }))).toThrow(
      /ALLOT_RESOLUTION_SERVERS\[0\]\.readWrite must be true or false/,
    );
    expect(() => parseResolutionServersEnv(json({ quota: { perSeconds: 1 } }))).toThrow(
      /\.quota\.makes is required/,
    );
    expect(() => parseResolutionServersEnv(json({ quota: { makes: 5, burst: 2 } }))).toThrow(
      /\.quota has unknown field\(s\) burst/,
    );
  });

  it('says what is wrong with a JSON entry', () => {
    expect(() => parseResolutionServersEnv('[{"name":"a"}]')).toThrow(
      /\[0\] needs exactly one of connectionEnv/,
    );
    expect(() => parseResolutionServersEnv('[{"name":"a","connectionEnv":"X","url":"y"}]')).toThrow(
      /unknown field\(s\) url/,
    );
    expect(() =>
      parseResolutionServersEnv('[{"name":"a","connectionEnv":"X","statementTimeoutMs":0}]'),
    ).toThrow(/statementTimeoutMs must be a positive integer/);
    expect(() => parseResolutionServersEnv('[{"name":"a b","connectionEnv":"X"}]')).toThrow(
      /not a resolution server name/,
    );
    expect(() => parseResolutionServersEnv('{')).toThrow(/not valid JSON/);
  });

  it('takes --store, ALLOT_STORE and resolution servers on the server command line', () => {
    const env = { ALLOT_STORE: SECRET_URL, ALLOT_RESOLUTION_SERVERS: 'ledger=LEDGER_URL' };
    const parsed = parseCliOptions(['--resolution-server', 'appdb=APP_DB_URL'], env);
    expect(parsed).toMatchObject({
      options: {
        storeSpec: SECRET_URL,
        resolutionServers: [
          { name: 'ledger', connectionEnv: 'LEDGER_URL' },
          { name: 'appdb', connectionEnv: 'APP_DB_URL' },
        ],
      },
    });
    expect(parseCliOptions(['--store', '/srv/allot'], env)).toMatchObject({
      options: { storeSpec: '/srv/allot' },
    });
    expect(() =>
      parseCliOptions(['--resolution-server', 'a=X', '--resolution-server', 'a=Y'], {}),
    ).toThrow(/"a" is configured twice/);
    expect(() => parseCliOptions(['--resolution-server', 'local=X'], {})).toThrow(/built-in/);
  });

  it('fails at start when the variable is missing or not a postgres URL, naming the variable only', async () => {
    expect(() =>
      openResolutionServers([{ name: 'appdb', connectionEnv: 'APP_DB_URL' }], {}),
    ).toThrow('resolution server "appdb": environment variable APP_DB_URL is not set');
    const notPostgres = () =>
      openResolutionServers([{ name: 'appdb', connectionEnv: 'APP_DB_URL' }], {
        APP_DB_URL: 'mysql://app:s3cret-pw@db/shop',
      });
    expect(notPostgres).toThrow(/APP_DB_URL does not hold a postgres/);
    expect(notPostgres).not.toThrow(/s3cret/);
    const [server] = openResolutionServers([{ name: 'appdb', connectionEnv: 'APP_DB_URL' }], {
      APP_DB_URL: SECRET_URL,
    });
    expect(server).toMatchObject({ name: 'appdb', kind: 'postgres' });
    expect(JSON.stringify(server)).not.toContain('s3cret');
    await server?.close?.();
  });
});
