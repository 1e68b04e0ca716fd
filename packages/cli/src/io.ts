/** A stream the CLI writes to; `isTTY` and `columns` decide whether progress is drawn. */
export interface OutputStream {
  /** Text, or the bytes of a binary export (a SQLite file). */
  write(chunk: string | Uint8Array): unknown;
  /** Where writes may be refused until `drain` (a pipe, a file): large exports wait for it. */
  once?(event: 'drain', listener: () => void): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** The process boundary of the CLI, so commands never reach for `process` themselves. */
export interface Io {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Readonly<Record<string, string | undefined>>;
}

export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}
