import { parseArgs } from 'node:util';
import type { LogLevel, StartServerOptions } from './options.js';

const LEVELS: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

export const USAGE = `Usage: allot-server [options]

Serves the allot API over the embedded store of a data directory.

Options:
  --port <n>          port to listen on (default 8080, env PORT)
  --host <addr>       address to bind (default 127.0.0.1, env HOST)
  --data-dir <dir>    the embedded store's directory (default .allot)
  --log-level <lvl>   ${LEVELS.join(', ')} (default info)
  -h, --help          show this help`;

/** The parsed command line: server options, or a request for help. */
export type CliOptions = { help: true } | { help: false; options: StartServerOptions };

/**
 * Parses the server's command line up front, failing with the accepted
 * values in the message. Also what `allot serve` can reuse.
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
      'data-dir': { type: 'string' },
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
  return {
    help: false,
    options: {
      port,
      host: values.host ?? env.HOST ?? '127.0.0.1',
      dataDir: values['data-dir'] ?? '.allot',
      logLevel: level as LogLevel,
    },
  };
}
