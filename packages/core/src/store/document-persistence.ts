import { ColumnTable } from '../data-block/column-table.js';
import type { RowValues } from '../model/block-version.js';
import type { StoreDocument } from './store-document.js';

/**
 * Where a {@link DocumentStore} keeps its document and block rows. The
 * document store does the domain logic; a persistence only reads and writes.
 */
export interface DocumentPersistence {
  readonly kind: string;
  /** The saved document, or undefined on a fresh store. */
  load(): Promise<StoreDocument | undefined>;
  /** Replaces the saved document, atomically: after a crash, the old or the new one is there whole. */
  save(document: StoreDocument): Promise<void>;
  /** The rows written for a block version (for a made version, only its appended rows). */
  readRows(workspace: string, block: string, version: string): Promise<RowValues[]>;
  /**
   * The same rows by column, when the persistence stores them so: the
   * engine scans a table without building a row array per row.
   */
  readTable?(
    workspace: string,
    block: string,
    version: string,
    columns: readonly string[],
  ): Promise<ColumnTable>;
  /** Written before the document that names the version, so a saved document never names missing rows. */
  writeRows(
    workspace: string,
    block: string,
    version: string,
    rows: RowValues[],
    columns?: readonly string[],
  ): Promise<void>;
  /**
   * Optional: writes a version's rows given by column (a table built by a
   * `ColumnTableBuilder`), as {@link writeRows} would write the same rows,
   * without an array per row. Without it, the store hands the rows to
   * {@link writeRows} as arrays.
   */
  writeTable?(workspace: string, block: string, version: string, table: ColumnTable): Promise<void>;
  /**
   * Optional: stores a large catalogue body in a file of its own, written
   * once, before the document that names it is saved; the document then
   * holds only the file's name. Without it, bodies stay in the document.
   * Bodies of bytes always go to a file when the persistence has them.
   * What makes storing a file's many 512 KiB pieces cost what they weigh,
   * not a rewrite or a journal line of their size each.
   */
  writeBody?(workspace: string, file: string, body: string | Uint8Array): Promise<void>;
  /** A body written by {@link writeBody}: its text, or its bytes when `bytes` (a body put as bytes). */
  readBody?(workspace: string, file: string, bytes?: boolean): Promise<string | Buffer>;
  /** Removes a body's file, after the document stopped naming it; a missing file is no error. */
  deleteBody?(workspace: string, file: string): Promise<void>;
  close(): Promise<void>;
}

/** Keeps everything in memory: for unit tests and throw-away runs. */
export class MemoryPersistence implements DocumentPersistence {
  readonly kind = 'memory';
  #document: StoreDocument | undefined;
  /** A version's rows as they were given: arrays, or a table kept by column. */
  readonly #rows = new Map<string, RowValues[] | ColumnTable>();

  load(): Promise<StoreDocument | undefined> {
    return Promise.resolve(
      this.#document === undefined ? undefined : structuredClone(this.#document),
    );
  }

  save(document: StoreDocument): Promise<void> {
    this.#document = document;
    return Promise.resolve();
  }

  readRows(workspace: string, block: string, version: string): Promise<RowValues[]> {
    const rows = this.#rows.get(`${workspace}/${block}/${version}`);
    if (rows === undefined) return Promise.reject(new Error(`no rows for ${block}@${version}`));
    return Promise.resolve(rows instanceof ColumnTable ? rows.toRows() : rows);
  }

  readTable(
    workspace: string,
    block: string,
    version: string,
    columns: readonly string[],
  ): Promise<ColumnTable> {
    const rows = this.#rows.get(`${workspace}/${block}/${version}`);
    if (rows === undefined) return Promise.reject(new Error(`no rows for ${block}@${version}`));
    return Promise.resolve(
      rows instanceof ColumnTable ? rows : ColumnTable.fromRows(columns, rows),
    );
  }

  writeRows(workspace: string, block: string, version: string, rows: RowValues[]): Promise<void> {
    this.#rows.set(`${workspace}/${block}/${version}`, rows);
    return Promise.resolve();
  }

  writeTable(workspace: string, block: string, version: string, table: ColumnTable): Promise<void> {
    this.#rows.set(`${workspace}/${block}/${version}`, table);
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
