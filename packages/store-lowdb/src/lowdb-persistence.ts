import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { Low } from 'lowdb';
import {
  AllotError,
  applyDelta,
  ColumnTable,
  decodeBlockFile,
  blockFileParts,
  encodeBlockFile,
  diffDocuments,
  upgradeDocument,
  type AnyDocument,
  type DeltaOp,
  type DocumentPersistence,
  type RowValues,
  type StoreDocument,
} from '@allot/core';
import { DurableJsonFile } from './durable-json-file.js';
import { writeFileDurably } from './durable-write.js';
import { JournalFile } from './journal-file.js';
import { LockFile } from './lock-file.js';

/** The main document's file name in a data directory. */
export const STORE_FILE = 'allot.json';
const LOCK_FILE = 'allot.lock';
const JOURNAL = /^allot\.journal\.(\d+)\.jsonl$/;
/** The journal is folded into a new snapshot once it outgrows the snapshot, and at least this. */
const MIN_COMPACT_BYTES = 4 * 1024 * 1024;

/** Options of {@link LowdbPersistence.open}. */
export interface LowdbOptions {
  /**
   * Journal size (bytes) past which the next save writes a new snapshot.
   * Default: the larger of 4 MiB and the snapshot's own size.
   */
  compactBytes?: number;
}

/** The snapshot as saved: the document and the generation of the journal that follows it. */
type Snapshot = AnyDocument & { journal?: number };

/**
 * The embedded default: a lowdb JSON document in a data directory, with each
 * block version's rows in a file of its own beside it (so a commit does not
 * rewrite a million rows), and likewise large catalogue bodies. One process
 * only, enforced by a lock file.
 *
 * A save appends the changes since the last save to a journal
 * (`allot.journal.<n>.jsonl`, one fsynced JSON line per save) instead of
 * rewriting the whole document, so a commit costs what it changed, not what
 * the store holds. When the journal outgrows the document, the next save
 * writes a new snapshot (`allot.json`, through a temp file and a rename)
 * naming a new, empty journal; the old one is then deleted. Loading reads
 * the snapshot and replays its journal: a crash at any point leaves the
 * state of the last save that returned.
 */
export class LowdbPersistence implements DocumentPersistence {
  readonly kind = 'lowdb';
  readonly #db: Low<Snapshot | null>;
  readonly #file: DurableJsonFile<Snapshot | null>;
  readonly #directory: string;
  readonly #lock: LockFile;
  /** The document as last saved, to diff the next save against. */
  #saved: StoreDocument | undefined;
  #generation = 0;
  #journal: JournalFile | undefined;
  /** Set when an append failed: its torn line must not be followed by another. */
  #mustCompact = false;

  readonly #compactBytes: number | undefined;

  private constructor(directory: string, lock: LockFile, options: LowdbOptions) {
    this.#compactBytes = options.compactBytes;
    this.#directory = directory;
    this.#lock = lock;
    this.#file = new DurableJsonFile(join(directory, STORE_FILE));
    this.#db = new Low<Snapshot | null>(this.#file, null);
  }

  /** Takes the data directory's lock; fails with STORE_LOCKED when another process holds it. */
  static async open(directory: string, options: LowdbOptions = {}): Promise<LowdbPersistence> {
    const absolute = resolve(directory);
    await mkdir(join(absolute, 'blocks'), { recursive: true });
    const lock = await LockFile.acquire(
      join(absolute, LOCK_FILE),
      `the data directory ${absolute}`,
    );
    return new LowdbPersistence(absolute, lock, options);
  }

  async load(): Promise<StoreDocument | undefined> {
    try {
      await this.#db.read();
    } catch (error) {
      await this.#lock.release();
      throw error;
    }
    const snapshot = this.#db.data;
    this.#db.data = null;
    if (snapshot === null) return undefined;
    const version = snapshot.schemaVersion as number;
    if (
      (version !== 1 && version !== 2 && version !== 3 && version !== 4) ||
      typeof snapshot.workspaces !== 'object'
    ) {
      await this.#lock.release();
      throw new AllotError(
        'STORE_CORRUPT',
        `${join(this.#directory, STORE_FILE)} is not an allot store file`,
      );
    }
    const { journal: generation = 0, ...saved } = snapshot;
    try {
      // A journal holds changes in the form of its snapshot's version: replayed before upgrading.
      this.#journal = await JournalFile.replay(this.#journalPath(generation), (entry) =>
        applyDelta(saved as StoreDocument, entry as DeltaOp[]),
      );
      await this.#removeJournalsBut(generation);
    } catch (error) {
      await this.#lock.release();
      throw error;
    }
    const document = upgradeDocument(saved);
    this.#generation = generation;
    this.#saved = document;
    // A document of an earlier version, or one the upgrade added to (Default datasets), is
    // rewritten whole on the first save, before anything goes to a journal that a reader of the
    // old version would misread or that counts on from ids only the upgrade handed out.
    if (version !== document.schemaVersion || document !== saved) this.#mustCompact = true;
    return document;
  }

  async save(document: StoreDocument): Promise<void> {
    const journal = this.#journal;
    if (
      this.#saved === undefined ||
      journal === undefined ||
      this.#mustCompact ||
      journal.bytes > (this.#compactBytes ?? Math.max(MIN_COMPACT_BYTES, this.#file.bytes))
    ) {
      await this.#compact(document);
      return;
    }
    const ops = diffDocuments(this.#saved, document);
    if (ops.length > 0) {
      try {
        await journal.append(ops);
      } catch (error) {
        this.#mustCompact = true;
        throw error;
      }
    }
    this.#saved = document;
  }

  /** Writes the whole document as a new snapshot followed by a new, empty journal. */
  async #compact(document: StoreDocument): Promise<void> {
    const generation = this.#generation + 1;
    this.#db.data = { ...document, journal: generation };
    try {
      await this.#db.write();
    } catch (error) {
      // The new snapshot may be in place (a failed directory fsync): never append to the old journal.
      this.#mustCompact = true;
      throw error;
    } finally {
      this.#db.data = null;
    }
    // From here on the new snapshot is the state: the old journal only wastes space.
    await this.#journal?.close();
    this.#journal = new JournalFile(this.#journalPath(generation));
    this.#generation = generation;
    this.#saved = document;
    this.#mustCompact = false;
    await this.#removeJournalsBut(generation);
  }

  #journalPath(generation: number): string {
    return join(this.#directory, `allot.journal.${generation}.jsonl`);
  }

  /** Journals of other generations are left by a crash between a snapshot and the cleanup. */
  async #removeJournalsBut(generation: number): Promise<void> {
    for (const name of await readdir(this.#directory)) {
      const match = JOURNAL.exec(name);
      if (match !== null && Number(match[1]) !== generation) {
        await rm(join(this.#directory, name), { force: true });
      }
    }
  }

  async readRows(workspace: string, block: string, version: string): Promise<RowValues[]> {
    const table = await this.readTable(workspace, block, version);
    return table.toRows();
  }

  /**
   * A version's rows by column from its block file. A version written
   * before block files (a JSON array of rows) is read as such, then
   * rewritten as a block file for the next read.
   */
  async readTable(
    workspace: string,
    block: string,
    version: string,
    columns?: readonly string[],
  ): Promise<ColumnTable> {
    const path = this.#rowsPath(workspace, block, version, BLOCK_FILE);
    let bytes: Buffer | undefined;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw unreadable(path, error);
    }
    if (bytes !== undefined) return decodeBlockFile(bytes, path);
    const legacy = this.#rowsPath(workspace, block, version, LEGACY_FILE);
    let rows: RowValues[];
    try {
      rows = JSON.parse(await readFile(legacy, 'utf8')) as RowValues[];
    } catch (error) {
      throw unreadable(legacy, error);
    }
    const names = columns ?? Array.from(rows[0] ?? [], (_, i) => String(i));
    // The block file is whole before the JSON file goes: a crash between leaves both, and
    // the block file is read.
    await writeFileDurably(path, encodeBlockFile(names, rows));
    await rm(legacy, { force: true });
    return ColumnTable.fromRows(names, rows);
  }

  async writeRows(
    workspace: string,
    block: string,
    version: string,
    rows: RowValues[],
    columns?: readonly string[],
  ): Promise<void> {
    const path = this.#rowsPath(workspace, block, version, BLOCK_FILE);
    await mkdir(join(path, '..'), { recursive: true });
    const names = columns ?? Array.from(rows[0] ?? [], (_, i) => String(i));
    await writeFileDurably(path, encodeBlockFile(names, rows));
  }

  /** A version given by column: its block file is written from the columns as they are. */
  async writeTable(
    workspace: string,
    block: string,
    version: string,
    table: ColumnTable,
  ): Promise<void> {
    const path = this.#rowsPath(workspace, block, version, BLOCK_FILE);
    await mkdir(join(path, '..'), { recursive: true });
    // Written part by part: the file is never a second copy of the table in memory.
    await writeFileDurably(path, blockFileParts(table.columns, table));
  }

  /**
   * A large catalogue body (a piece of a generated file, say) in a file of
   * its own under `catalogue/<workspace>/`, written once: the snapshot and
   * the journal hold only its name, so storing a file of many pieces costs
   * what the pieces weigh, and a compaction never rewrites them.
   */
  async writeBody(workspace: string, file: string, body: string | Uint8Array): Promise<void> {
    const path = this.#bodyPath(workspace, file);
    await mkdir(join(path, '..'), { recursive: true });
    await writeFileDurably(path, body);
  }

  async readBody(workspace: string, file: string, bytes = false): Promise<string | Buffer> {
    const path = this.#bodyPath(workspace, file);
    try {
      return bytes ? await readFile(path) : await readFile(path, 'utf8');
    } catch (error) {
      throw new AllotError(
        'STORE_CORRUPT',
        `cannot read the catalogue body ${path}: ${(error as Error).message}`,
        { file: path },
      );
    }
  }

  async deleteBody(workspace: string, file: string): Promise<void> {
    await rm(this.#bodyPath(workspace, file), { force: true });
  }

  async close(): Promise<void> {
    await this.#journal?.close();
    await this.#lock.release();
  }

  #bodyPath(workspace: string, file: string): string {
    return join(this.#directory, 'catalogue', encodeURIComponent(workspace), basename(file));
  }

  #rowsPath(workspace: string, block: string, version: string, extension: string): string {
    return join(
      this.#directory,
      'blocks',
      encodeURIComponent(workspace),
      encodeURIComponent(block),
      `${version}${extension}`,
    );
  }
}

/** A version's rows by column (see {@link encodeBlockFile}). */
const BLOCK_FILE = '.block';
/** A version's rows as one JSON array, as versions before block files were written. */
const LEGACY_FILE = '.json';

function unreadable(path: string, error: unknown): AllotError {
  return new AllotError(
    'STORE_CORRUPT',
    `cannot read the rows of ${path}: ${(error as Error).message}`,
    { file: path },
  );
}
