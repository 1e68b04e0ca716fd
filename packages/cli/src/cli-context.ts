import type { Io } from './io.js';

/** What every command gets: the process boundary, the global options, and where to put its exit code. */
export interface CliContext {
  io: Io;
  /** The data directory of the embedded store (`--data-dir`, `ALLOT_DATA_DIR`, `.allot`), resolved. */
  dataDir(): string;
  /**
   * The store to open: `--store` or `ALLOT_STORE` (a `postgres://` URL or a
   * directory), else the data directory.
   */
  store(): string;
  /** The command's verdict; 0 unless it says otherwise. */
  exitCode: number;
}
