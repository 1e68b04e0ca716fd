import { parseArgs } from 'node:util';
import type { LogLevel, StartServerOptions } from './options.js';
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
  // Connection strings are read from the same environment when the server starts.
  if (resolutionServers.length > 0) Object.assign(options, { resolutionServers, env });
  return { help: false, options };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
