import { parseArgs } from 'node:util';
import type { LogLevel, StartServerOptions } from './options.js';
import type { DefaultServer } from './resolution/resolution-servers.js';
import {
  assertDistinctServers,
  parseResolutionServerFlag,
  parseResolutionServersEnv,
} from './resolution/resolution-server-config.js';

const LEVELS: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

export const USAGE = `Usage: allot-server [options]

Serves the allot API over a store: the embedded store of a data directory,
or PostgreSQL (several replicas may share one database).

Options:
  --port <n>          port to listen on (default 8080, env PORT)
  --host <addr>       address to bind (default 127.0.0.1, env HOST)
  --store <spec>      a postgres://…[?schema=name] URL, or a data directory (env ALLOT_STORE)
  --data-dir <dir>    the embedded store's directory when --store is not given; beats
                      ALLOT_STORE (default .allot)
  --resolution-server [WORKSPACE/]NAME=ENV_VAR
                      registers resolution server NAME on the PostgreSQL database whose
                      URL is in ENV_VAR, for every workspace or one (repeatable; also
                      env ALLOT_RESOLUTION_SERVERS: JSON or NAME=ENV_VAR entries)
  --default-server [WORKSPACE/]NAME
                      the resolution server that a server name no server has resolves to,
                      for every workspace or one (repeatable; default local)
  --strict-server-names
                      answer 404 UNKNOWN_SERVER for a server name no server has,
                      instead of using the default server
  --sync-wait-ms <n>  how long a Curiosity execute waits for its job before answering
                      InQueue/InProgress (clients then poll job/{id}); default 10000
  --allow-private-webhooks
                      let webhook URLs lead to loopback, private and link-local
                      addresses (refused by default: a webhook could reach internal services)
  --session-ttl <s>   how long a login's session token lasts, in seconds (env
                      ALLOT_SESSION_TTL; default 86400). The signing secret is env
                      ALLOT_SESSION_SECRET, else one generated once and kept in the store
  --log-level <lvl>   ${LEVELS.join(', ')} (default info)
  -h, --help          show this help`;

/** The parsed command line: server options, or a request for help. */
export type CliOptions = { help: true } | { help: false; options: StartServerOptions };

/**
 * Parses the server's command line up front, failing with the accepted
 * values in the message. Also what `allot serve` reuses.
 */
export function parseCliOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): CliOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      store: { type: 'string' },
      'data-dir': { type: 'string' },
      'resolution-server': { type: 'string', multiple: true },
      'default-server': { type: 'string', multiple: true },
      'strict-server-names': { type: 'boolean' },
      'allow-private-webhooks': { type: 'boolean' },
      'sync-wait-ms': { type: 'string' },
      'session-ttl': { type: 'string' },
      'log-level': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help === true) return { help: true };
  const portText = values.port ?? env.PORT ?? '8080';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535)
    throw new Error(`--port must be an integer from 0 to 65535, got "${portText}"`);
  const level = values['log-level'] ?? 'info';
  if (!LEVELS.includes(level as LogLevel))
    throw new Error(`--log-level must be one of ${LEVELS.join(', ')}, got "${level}"`);
  const explicitDataDir = nonEmpty(values['data-dir']);
  const dataDir = explicitDataDir ?? '.allot';
  const resolutionServers = [
    ...parseResolutionServersEnv(env.ALLOT_RESOLUTION_SERVERS ?? ''),
    ...(values['resolution-server'] ?? []).map(parseResolutionServerFlag),
  ];
  assertDistinctServers(resolutionServers);
  const options: StartServerOptions = {
    port,
    host: values.host ?? env.HOST ?? '127.0.0.1',
    dataDir,
    // A flag on the command line beats the environment: --store, then --data-dir, then ALLOT_STORE.
    storeSpec: nonEmpty(values.store) ?? explicitDataDir ?? nonEmpty(env.ALLOT_STORE) ?? dataDir,
    logLevel: level as LogLevel,
  };
  const defaults = (values['default-server'] ?? []).map(parseDefaultServerFlag);
  const scopes = defaults.map((entry) => entry.workspace ?? '');
  const twice = scopes.find((scope, index) => scopes.indexOf(scope) !== index);
  if (twice !== undefined)
    throw new Error(
      `--default-server is given twice for ${twice === '' ? 'every workspace' : `workspace "${twice}"`}`,
    );
  if (defaults.length > 0) options.defaultServers = defaults;
  if (values['strict-server-names'] === true) options.strictServerNames = true;
  if (values['allow-private-webhooks'] === true) options.allowPrivateWebhooks = true;
  const wait = values['sync-wait-ms'];
  if (wait !== undefined) {
    if (!/^\d+$/.test(wait) || Number(wait) > 3_600_000)
      throw new Error(`--sync-wait-ms must be an integer from 0 to 3600000, got "${wait}"`);
    options.syncWaitMs = Number(wait);
  }
  const sessions = parseSessionOptions(
    values['session-ttl'] ?? nonEmpty(env.ALLOT_SESSION_TTL),
    env,
  );
  if (sessions !== undefined) options.sessions = sessions;
  // Connection strings are read from the same environment when the server starts.
  if (resolutionServers.length > 0) Object.assign(options, { resolutionServers, env });
  return { help: false, options };
}

/** The session token options of the command line and environment, if any is set. */
function parseSessionOptions(
  ttl: string | undefined,
  env: NodeJS.ProcessEnv,
): StartServerOptions['sessions'] {
  const secret = nonEmpty(env.ALLOT_SESSION_SECRET);
  if (secret !== undefined && Buffer.byteLength(secret) < 32)
    throw new Error('ALLOT_SESSION_SECRET must be at least 32 bytes long');
  if (ttl !== undefined && (!/^\d+$/.test(ttl) || Number(ttl) < 60 || Number(ttl) > 31_536_000))
    throw new Error(`--session-ttl must be an integer from 60 to 31536000 seconds, got "${ttl}"`);
  if (secret === undefined && ttl === undefined) return undefined;
  return {
    ...(secret === undefined ? {} : { secret }),
    ...(ttl === undefined ? {} : { ttlSeconds: Number(ttl) }),
  };
}

/** `NAME` (every workspace) or `WORKSPACE/NAME`; at most one default for all and one per workspace. */
function parseDefaultServerFlag(value: string): DefaultServer {
  const match = /^(?:([^/\s]+)\/)?([^/\s]+)$/.exec(value);
  if (match === null)
    throw new Error(`--default-server must be NAME or WORKSPACE/NAME, got "${value}"`);
  return match[1] === undefined
    ? { name: match[2] as string }
    : { name: match[2] as string, workspace: match[1] };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
