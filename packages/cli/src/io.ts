/** A stream the CLI writes to; `isTTY` and `columns` decide whether progress is drawn. */
export interface OutputStream {
  write(text: string): unknown;
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
