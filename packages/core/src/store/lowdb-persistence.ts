import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Low } from 'lowdb';
import { AllotError } from '../errors.js';
import type { RowValues } from '../model.js';
import type { DocumentPersistence } from './document-persistence.js';
import { DurableJsonFile } from './durable-json-file.js';
import { writeFileDurably } from './durable-write.js';
import { LockFile } from './lock-file.js';
import type { StoreDocument } from './store-document.js';

/** The main document's file name in a data directory. */
export const STORE_FILE = 'allot.json';
const LOCK_FILE = 'allot.lock';

/**
 * The embedded default: a lowdb JSON document in a data directory, with each
 * block version's rows in a file of its own beside it (so a commit does not
 * rewrite a million rows). One process only, enforced by a lock file.
 */
export class LowdbPersistence implements DocumentPersistence {
  readonly kind = 'lowdb';
  readonly #db: Low<StoreDocument | null>;
  readonly #directory: string;
  readonly #lock: LockFile;

  private constructor(directory: string, lock: LockFile) {
    this.#directory = directory;
    this.#lock = lock;
    this.#db = new Low<StoreDocument | null>(
      new DurableJsonFile(join(directory, STORE_FILE)),
      null,
    );
  }

  /** Takes the data directory's lock; fails with STORE_LOCKED when another process holds it. */
  static async open(directory: string): Promise<LowdbPersistence> {
    const absolute = resolve(directory);
    await mkdir(join(absolute, 'blocks'), { recursive: true });
    const lock = await LockFile.acquire(
      join(absolute, LOCK_FILE),
      `the data directory ${absolute}`,
    );
    return new LowdbPersistence(absolute, lock);
  }

  async load(): Promise<StoreDocument | undefined> {
    try {
      await this.#db.read();
    } catch (error) {
      await this.#lock.release();
      throw error;
    }
    const document = this.#db.data;
    if (document === null) return undefined;
    if (document.schemaVersion !== 1 || typeof document.workspaces !== 'object') {
      await this.#lock.release();
      throw new AllotError(
        'STORE_CORRUPT',
        `${join(this.#directory, STORE_FILE)} is not an allot store file`,
      );
    }
    return document;
  }

  save(document: StoreDocument): Promise<void> {
    this.#db.data = document;
    return this.#db.write();
  }

  async readRows(workspace: string, block: string, version: string): Promise<RowValues[]> {
    const path = this.#rowsPath(workspace, block, version);
    try {
      return JSON.parse(await readFile(path, 'utf8')) as RowValues[];
    } catch (error) {
      throw new AllotError(
        'STORE_CORRUPT',
        `cannot read the rows of ${block}@${version} from ${path}: ${(error as Error).message}`,
        {
          file: path,
        },
      );
    }
  }

  async writeRows(
    workspace: string,
    block: string,
    version: string,
    rows: RowValues[],
  ): Promise<void> {
    const path = this.#rowsPath(workspace, block, version);
    await mkdir(join(path, '..'), { recursive: true });
    await writeFileDurably(path, serialiseRows(rows));
  }

  close(): Promise<void> {
    return this.#lock.release();
  }

  #rowsPath(workspace: string, block: string, version: string): string {
    return join(
      this.#directory,
      'blocks',
      encodeURIComponent(workspace),
      encodeURIComponent(block),
      `${version}.json`,
    );
  }
}

/** One row a line: a million rows stay well under V8's string length limit per line. */
function serialiseRows(rows: RowValues[]): string {
  const parts: string[] = [];
  for (const row of rows) parts.push(JSON.stringify(row));
  return `[\n${parts.join(',\n')}\n]\n`;
}
