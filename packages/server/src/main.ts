#!/usr/bin/env node
import { parseCliOptions, USAGE } from './parse-cli-options.js';
import { startServer } from './start-server.js';

try {
  const parsed = parseCliOptions(process.argv.slice(2));
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
  } else {
    const server = await startServer(parsed.options);
    await server.closed;
  }
} catch (error) {
  process.stderr.write(`allot-server: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
