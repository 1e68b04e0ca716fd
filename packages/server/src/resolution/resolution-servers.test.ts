import { describe, expect, it } from 'vitest';
import { LOCAL_SERVER, ResolutionServers, type ResolutionServer } from './resolution-servers.js';

const server = (name: string, workspace?: string): ResolutionServer => ({
  ...LOCAL_SERVER,
  name,
  description: name,
  ...(workspace === undefined ? {} : { workspace }),
});

describe('ResolutionServers: names no server has', () => {
  const servers = [server('appdb'), server('ledger', 'team-a')];

  it('resolve to local by default, and say they fell back', () => {
    const known = new ResolutionServers(servers);
    expect(known.resolve('DESKTOP-ABC123', 'ws')).toMatchObject({
      server: { name: 'local' },
      fallback: true,
    });
    expect(known.resolve('appdb', 'ws')).toMatchObject({
      server: { name: 'appdb' },
      fallback: false,
    });
    expect(known.resolve(undefined, 'ws')).toMatchObject({
      server: { name: 'local' },
      fallback: false,
    });
  });

  it("resolve to the configured default, a workspace's own beating the one for all", () => {
    const known = new ResolutionServers(servers, {
      defaults: [{ name: 'appdb' }, { name: 'ledger', workspace: 'team-a' }],
    });
    expect(known.resolve('DESKTOP-ABC123', 'ws').server.name).toBe('appdb');
    expect(known.resolve('DESKTOP-ABC123', 'team-a').server.name).toBe('ledger');
    // Another workspace's server is, for this one, a name like any unknown one.
    expect(known.resolve('ledger', 'ws')).toMatchObject({
      server: { name: 'appdb' },
      fallback: true,
    });
  });

  it('are an UNKNOWN_SERVER error when names are strict', () => {
    const strict = new ResolutionServers(servers, { strict: true });
    expect(() => strict.resolve('DESKTOP-ABC123', 'ws', 'params.server')).toThrow(
      expect.objectContaining({
        code: 'UNKNOWN_SERVER',
        field: 'params.server',
        message: 'resolution server "DESKTOP-ABC123" does not exist (known servers: appdb, local)',
      }),
    );
    expect(strict.resolve(undefined, 'ws').server.name).toBe('local');
  });

  it('refuse, at start, a default that is not registered where it applies', () => {
    expect(() => new ResolutionServers(servers, { defaults: [{ name: 'nope' }] })).toThrow(
      'the default resolution server "nope" is not registered (known: appdb, local)',
    );
    expect(() => new ResolutionServers(servers, { defaults: [{ name: 'ledger' }] })).toThrow(
      /not registered/,
    );
  });
});
