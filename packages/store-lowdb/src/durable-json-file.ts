import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { AllotError } from '@allot/core';
import { writeFileDurably } from './durable-write.js';

/**
 * A lowdb adapter for one JSON file that fsyncs its writes (lowdb's own
 * JSONFile does not) and refuses to treat an unreadable file as empty.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly #path: string;
  /** Size in bytes (UTF-8) of the JSON text last read or written. */
  bytes = 0;

  constructor(path: string) {
    this.#path = path;
  }

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.#path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    this.bytes = Buffer.byteLength(text);
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new AllotError(
        'STORE_CORRUPT',
        `the store file ${this.#path} cannot be parsed (${(error as Error).message}); it was left untouched: restore it from a backup or move it away`,
        { file: this.#path },
        { cause: error },
      );
    }
  }

  write(data: T): Promise<void> {
    const text = JSON.stringify(data);
    return writeFileDurably(this.#path, text).then(() => {
      this.bytes = Buffer.byteLength(text);
    });
  }
}
