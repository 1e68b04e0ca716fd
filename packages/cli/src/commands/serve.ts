import { Option, type Command } from 'commander';
import { parseCliOptions, startServer } from '@allot/server';
import { isPostgresUrl, openStore } from '@allot/store-postgres';
import type { CliContext } from '../cli-context.js';

/** `allot serve`: the HTTP server over the embedded store of the data directory. */
export function registerServe(program: Command, cli: CliContext): void {
  program
    .command('serve')
    .description('serve the allot API (vendor endpoints and /api/v1) over the data directory')
    .addOption(new Option('--port <n>', 'port to listen on (env PORT)'))
    .addOption(new Option('--host <addr>', 'address to bind (env HOST)'))
    .addOption(new Option('--log-level <level>', 'trace, debug, info, warn, error, fatal, silent'))
    .action(async (options: { port?: string; host?: string; logLevel?: string }) => {
      const spec = cli.store();
      const args = ['--data-dir', isPostgresUrl(spec) ? cli.dataDir() : spec];
      if (options.port !== undefined) args.push('--port', options.port);
      if (options.host !== undefined) args.push('--host', options.host);
      if (options.logLevel !== undefined) args.push('--log-level', options.logLevel);
      const parsed = parseCliOptions(args, cli.io.env);
      if (parsed.help) return;
      // The embedded store is opened by the server itself; any other store is ours to close.
      const store = isPostgresUrl(spec) ? await openStore(spec) : undefined;
      try {
        const server = await startServer({
          ...parsed.options,
          ...(store === undefined ? {} : { store }),
        });
        cli.io.stderr.write(`allot: serving on ${server.url}\n`);
        await server.closed;
      } finally {
        await store?.close();
      }
    });
}
