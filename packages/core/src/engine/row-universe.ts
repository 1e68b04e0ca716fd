import type { RowValues } from '../model/block-version.js';
import type { BlockSource } from './find-classes.js';

/** A row that some test of the job may receive. */
export interface UniverseRow {
  block: string;
  key: string;
  values: RowValues;
  source: BlockSource;
}

/** A row met by value (gathered by the store, or of a block read in two versions). */
interface KeyedRow {
  source: BlockSource;
  key: string;
  values: RowValues;
}

/**
 * Gives every candidate row of a job a small integer id for the matching.
 *
 * A block that the job reads in one version only and scans in memory gets
 * a range of ids, one per row index: a candidate's id is the range's start
 * plus its index, with no lookup. Rows of other blocks (gathered by the
 * store as values, or a block read in two versions, whose rows are the
 * same rows when their keys are) get ids by block and key.
 */
export class RowUniverse {
  /** Ids by block, then key. */
  readonly #keyed = new Map<string, Map<string, number>>();
  readonly #keyedRows = new Map<number, KeyedRow>();
  /** The blocks scanned by index, with the first id of their range. */
  readonly #ranges: Array<{ source: BlockSource; start: number; end: number }> = [];
  #next = 0;

  /**
   * Reserves a range of ids for the rows of `source`, which must be the only
   * version of its block the job reads in memory and no class of it gathered.
   * @returns the id of the version's row 0
   */
  rangeOf(source: BlockSource): number {
    const found = this.#ranges.find((range) => range.source === source);
    if (found !== undefined) return found.start;
    const start = this.#next;
    this.#next += source.table.rowCount;
    this.#ranges.push({ source, start, end: this.#next });
    return start;
  }

  /** The id of a row met by value, the same for every version of its block. */
  idOf(source: BlockSource, values: RowValues, key: string): number {
    const block = source.block.block;
    let ids = this.#keyed.get(block);
    if (ids === undefined) {
      ids = new Map();
      this.#keyed.set(block, ids);
    }
    let id = ids.get(key);
    if (id === undefined) {
      id = this.#next++;
      ids.set(key, id);
      this.#keyedRows.set(id, { source, key, values });
    }
    return id;
  }

  /** The row behind an id, its values built now for a row of a range. */
  row(id: number): UniverseRow {
    const keyed = this.#keyedRows.get(id);
    if (keyed !== undefined) return { ...keyed, block: keyed.source.block.block };
    const range = this.#ranges.find((r) => id >= r.start && id < r.end);
    if (range === undefined) throw new RangeError(`no row has the id ${id}`);
    const { source } = range;
    const values = source.table.row(id - range.start);
    return {
      block: source.block.block,
      key: String(values[source.keyIndex]),
      values,
      source,
    };
  }
}
