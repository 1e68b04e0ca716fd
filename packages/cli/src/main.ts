#!/usr/bin/env node
import { CLI_VERSION } from './version.js';

const argv = process.argv.slice(2);
const alone = (...flags: string[]) => argv.length === 1 && flags.includes(argv[0] as string);
// The answers that need no command line parser, printed before any module but
// this one loads. The help text is commander's own, kept in help-text.ts (a
// test compares the two); its default data directory is the built-in one, so
// with ALLOT_DATA_DIR set commander answers. Everything else goes through commander.
if (alone('--version', '-V')) {
  process.stdout.write(`${CLI_VERSION}\n`);
} else if (alone('--help', '-h') && process.env['ALLOT_DATA_DIR'] === undefined) {
  const { HELP_TEXT } = await import('./help-text.js');
  process.stdout.write(HELP_TEXT);
} else {
  const { run } = await import('./cli.js');
  process.exitCode = await run(argv);
}
