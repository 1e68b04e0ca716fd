import { missingParentError } from './store-errors.js';
import { ColumnTable } from '../data-block/column-table.js';
import { newRows } from '../data-block/new-version-rows.js';
import { nextVersionMeta } from '../data-block/next-version-meta.js';
import type { BlockVersionMeta, NewBlockVersion, RowValues } from '../model/block-version.js';
import type { DocumentPersistence } from './document-persistence.js';
import { RowsCache } from './rows-cache.js';

/** The versions of a block in the current document, oldest first. */
export type VersionsOf = (workspace: string, block: string) => BlockVersionMeta[] | undefined;

/**
 * The rows of block versions, kept by a {@link DocumentPersistence} outside
 * the document. A version stores only the rows it adds to its parent, so
 * reading one resolves its chain of parents; the last few resolved versions
 * stay in memory, by column.
 */
export class BlockRows {
  readonly #persistence: DocumentPersistence;
  readonly #versionsOf: VersionsOf;
  readonly #cache = new RowsCache<ColumnTable>();

  constructor(persistence: DocumentPersistence, versionsOf: VersionsOf) {
    this.#persistence = persistence;
    this.#versionsOf = versionsOf;
  }

  /** Writes the rows of new versions and returns their metadata (not yet in the document). */
  async write(
    workspace: string,
    inputs: NewBlockVersion[],
    now: Date,
  ): Promise<BlockVersionMeta[]> {
    const metas: BlockVersionMeta[] = [];
    for (const input of inputs) {
      const versions = this.#versionsOf(workspace, input.block) ?? [];
      const latest = versions.at(-1);
      const meta = nextVersionMeta(input, latest, now);
      const persistence = this.#persistence;
      if (input.table !== undefined && persistence.writeTable !== undefined)
        await persistence.writeTable(workspace, meta.block, meta.version, input.table);
      else
        await persistence.writeRows(
          workspace,
          meta.block,
          meta.version,
          newRows(input),
          meta.columns,
        );
      // A table given by column is cached as it is: compact, and what a read of its file gives.
      if (meta.parent === null)
        this.#cache.set(
          workspace,
          meta,
          input.table ?? ColumnTable.fromRows(meta.columns, input.rows),
        );
      metas.push(meta);
    }
    return metas;
  }

  /** All rows of a version as arrays: its parents' rows, then its own. */
  async resolve(
    workspace: string,
    versions: BlockVersionMeta[],
    meta: BlockVersionMeta,
  ): Promise<RowValues[]> {
    return (await this.resolveTable(workspace, versions, meta)).toRows();
  }

  /** All rows of a version by column, its parents' rows first: row indexes outlive appends. */
  async resolveTable(
    workspace: string,
    versions: BlockVersionMeta[],
    meta: BlockVersionMeta,
  ): Promise<ColumnTable> {
    const cached = this.#cache.get(workspace, meta);
    if (cached !== undefined) return cached;
    let table = await this.#readOwn(workspace, meta);
    if (meta.parent !== null) {
      const parent = versions.find((v) => v.version === meta.parent);
      if (parent === undefined) {
        throw missingParentError(meta);
      }
      table = (await this.resolveTable(workspace, versions, parent)).append(table.toRows());
    }
    this.#cache.set(workspace, meta, table);
    return table;
  }

  async #readOwn(workspace: string, meta: BlockVersionMeta): Promise<ColumnTable> {
    const persistence = this.#persistence;
    if (persistence.readTable !== undefined)
      return persistence.readTable(workspace, meta.block, meta.version, meta.columns);
    const rows = await persistence.readRows(workspace, meta.block, meta.version);
    return ColumnTable.fromRows(meta.columns, rows);
  }
}
