/**
 * @allot/cli: the `allot` command line. The bin is `dist/main.js`; this entry
 * lets other tools run the CLI in-process.
 */
export { createProgram, run } from './cli.js';
export type { CliContext } from './cli-context.js';
export { EXIT } from './exit-codes.js';
export type { Io, OutputStream } from './io.js';
// The results file's types are @allot/protocol's, under the names this package always gave them.
export type {
  ResultsEntry as ResultsFileEntry,
  ResultsFileContent as ResultsFile,
} from '@allot/protocol';
