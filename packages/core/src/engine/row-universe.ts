import type { RowValues } from '../model/block-version.js';
import type { BlockSource } from './find-classes.js';

/** A row that some test of the job may receive. */
export interface UniverseRow {
  block: string;
  key: string;
  values: RowValues;
  source: BlockSource;
}

/** Gives every candidate row of a job a small integer id for the matching. */
export class RowUniverse {
  readonly rows: UniverseRow[] = [];
  /** Ids by block, then key: two versions of a block share their rows' ids. */
  readonly #ids = new Map<string, Map<string, number>>();

  idOf(source: BlockSource, values: RowValues, key: string): number {
    const block = source.block.block;
    let ids = this.#ids.get(block);
    if (ids === undefined) {
      ids = new Map();
      this.#ids.set(block, ids);
    }
    let index = ids.get(key);
    if (index === undefined) {
      index = this.rows.length;
      ids.set(key, index);
      this.rows.push({ block, key, values, source });
    }
    return index;
  }
}
