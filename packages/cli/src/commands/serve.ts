import { Option, type Command } from 'commander';
import type { CliContext } from '../cli-context.js';

/** `allot serve`: the HTTP server over the store (`--store`, `ALLOT_STORE` or the data directory). */
export function registerServe(program: Command, cli: CliContext): void {
  program
    .command('serve')
    .description(
      'serve the allot API (vendor endpoints and /api/v1) over the store: the data directory, or PostgreSQL with --store postgres://…',
    )
    .addOption(new Option('--port <n>', 'port to listen on (env PORT)'))
    .addOption(new Option('--host <addr>', 'address to bind (env HOST)'))
    .addOption(
      new Option(
        '--resolution-server <[workspace/]name=ENV_VAR>',
        'register a resolution server on the PostgreSQL database whose URL is in ENV_VAR (repeatable; env ALLOT_RESOLUTION_SERVERS)',
      ).argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]),
    )
    .addOption(
      new Option(
        '--default-server <[workspace/]name>',
        'the resolution server a server name no server has resolves to (repeatable; default local)',
      ).argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]),
    )
    .addOption(
      new Option(
        '--strict-server-names',
        'answer 404 UNKNOWN_SERVER for a server name no server has, instead of using the default',
      ),
    )
    .addOption(
      new Option(
        '--sync-wait-ms <n>',
        'how long a Curiosity execute waits for its job before answering InQueue/InProgress (default 10000)',
      ),
    )
    .addOption(new Option('--log-level <level>', 'trace, debug, info, warn, error, fatal, silent'))
    .action(
      async (options: {
        port?: string;
        host?: string;
        logLevel?: string;
        resolutionServer?: string[];
        defaultServer?: string[];
        strictServerNames?: boolean;
        syncWaitMs?: string;
      }) => {
        // Loaded only now: the server's modules would slow every other command's start.
        const { parseCliOptions, startServer } = await import('@allot/server');
        // The server opens the store itself: a directory or a postgres:// URL, closed when it stops.
        const args = ['--store', cli.store()];
        if (options.port !== undefined) args.push('--port', options.port);
        if (options.host !== undefined) args.push('--host', options.host);
        if (options.logLevel !== undefined) args.push('--log-level', options.logLevel);
        for (const entry of options.resolutionServer ?? []) args.push('--resolution-server', entry);
        for (const entry of options.defaultServer ?? []) args.push('--default-server', entry);
        if (options.strictServerNames === true) args.push('--strict-server-names');
        if (options.syncWaitMs !== undefined) args.push('--sync-wait-ms', options.syncWaitMs);
        const parsed = parseCliOptions(args, cli.io.env);
        if (parsed.help) return;
        const server = await startServer({
          ...parsed.options,
          print: (line) => cli.io.stdout.write(`${line}\n`),
        });
        cli.io.stderr.write(`allot: serving on ${server.url}\n`);
        await server.closed;
      },
    );
}
