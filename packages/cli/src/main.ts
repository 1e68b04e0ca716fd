#!/usr/bin/env node
import { CLI_VERSION } from './version.js';

const argv = process.argv.slice(2);
// The one answer that needs no command line parser: printed before any module
// but this one loads. Everything else, `--help` included, goes through commander.
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${CLI_VERSION}\n`);
} else {
  const { run } = await import('./cli.js');
  process.exitCode = await run(argv);
}
