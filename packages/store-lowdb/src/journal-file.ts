import { open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AllotError } from '@allot/core';
import { syncDirectory } from './durable-write.js';

/**
 * An append-only file of JSON lines, each the changes of one save. A line is
 * whole once its append returned (written, then fsynced); a crash during an
 * append leaves at most a torn last line, which {@link JournalFile.replay}
 * drops.
 */
export class JournalFile {
  readonly path: string;
  #handle: FileHandle | undefined;
  #bytes: number;

  constructor(path: string, bytes = 0) {
    this.path = path;
    this.#bytes = bytes;
  }

  /** Bytes in the file. */
  get bytes(): number {
    return this.#bytes;
  }

  /**
   * Calls `apply` with every whole entry, oldest first, and returns the file
   * ready for appends. A torn last entry (no newline, from a crash mid-append)
   * is cut off; a damaged entry before the last is an error naming the file.
   */
  static async replay(path: string, apply: (entry: unknown) => void): Promise<JournalFile> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new JournalFile(path);
      throw error;
    }
    const whole = text.lastIndexOf('\n') + 1;
    const lines = text.slice(0, whole).split('\n');
    lines.pop();
    lines.forEach((line, index) => {
      let entry: unknown;
      try {
        entry = JSON.parse(line);
      } catch (error) {
        throw new AllotError(
          'STORE_CORRUPT',
          `line ${index + 1} of the store journal ${path} cannot be parsed (${(error as Error).message}); it was left untouched: restore the data directory from a backup`,
          { file: path },
          { cause: error },
        );
      }
      try {
        apply(entry);
      } catch (error) {
        throw new AllotError(
          'STORE_CORRUPT',
          `line ${index + 1} of the store journal ${path} is not a change this store can apply (${(error as Error).message}); it was left untouched: restore the data directory from a backup`,
          { file: path },
          { cause: error },
        );
      }
    });
    const bytes = Buffer.byteLength(text.slice(0, whole));
    if (whole < text.length) await truncate(path, bytes);
    return new JournalFile(path, bytes);
  }

  /** Appends one entry and returns once it is on disk. */
  async append(entry: unknown): Promise<void> {
    const line = `${JSON.stringify(entry)}\n`;
    if (this.#handle === undefined) {
      this.#handle = await open(this.path, 'a');
      // The file's directory entry must survive a power loss too.
      await syncDirectory(dirname(this.path));
    }
    const bytes = Buffer.byteLength(line);
    const { bytesWritten } = await this.#handle.write(line);
    if (bytesWritten !== bytes) {
      throw new Error(`wrote ${bytesWritten} of ${bytes} bytes to the store journal ${this.path}`);
    }
    await this.#handle.datasync();
    this.#bytes += bytes;
  }

  async close(): Promise<void> {
    const handle = this.#handle;
    this.#handle = undefined;
    await handle?.close();
  }
}
