import { rowId, type RowValues } from '../model.js';
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
  readonly #ids = new Map<string, number>();

  idOf(source: BlockSource, values: RowValues, key: string): number {
    const id = rowId(source.block.block, key);
    let index = this.#ids.get(id);
    if (index === undefined) {
      index = this.rows.length;
      this.#ids.set(id, index);
      this.rows.push({ block: source.block.block, key, values, source });
    }
    return index;
  }
}
