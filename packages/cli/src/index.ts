/**
 * @allot/cli: the `allot` command line. The bin is `dist/main.js`; this entry
 * lets other tools run the CLI in-process.
 */
export { createProgram, run } from './cli.js';
export type { CliContext } from './cli-context.js';
export { EXIT } from './exit-codes.js';
export type { Io, OutputStream } from './io.js';
export type { ResultsFile, ResultsFileEntry } from '@allot/core';
