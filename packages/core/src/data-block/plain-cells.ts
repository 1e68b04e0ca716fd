import type { Value } from '../model/block-version.js';
import { encodeCells, isText, type EncodedColumn } from './encoded-column.js';
import { textDictionary, type DictionaryScratch } from './text-dictionary.js';

const NUL = 0;
const COMMA = 0x2c;

/** The first buffer of a column whose row count is not known ahead. */
const FIRST_BYTES = 64 * 1024;

/**
 * The cells of a column of mostly distinct values, appended batch by batch
 * and kept as the bytes a block file holds them as: while every cell is a
 * well-formed string free of NUL, UTF-8 joined by NUL (a few bytes over
 * the text's own); from the first other cell, the body of a JSON array. A
 * cell is not kept as a string of its own (about 40 bytes over its text,
 * and work for the collector).
 *
 * The bytes grow in one buffer, written in place: given the rows the column
 * will have, the buffer is sized once from the bytes per row so far (with
 * room to spare, which costs address space, not memory, until written),
 * so the column is never joined from its batches, which would hold it
 * twice at the end of a build.
 */
export class PlainCells {
  readonly #expectedRows: number;
  #bytes: Buffer = Buffer.alloc(0);
  #length = 0;
  #json = false;
  /** Every cell so far is a string free of NUL: what a block file writes as text. */
  #onlyText = true;
  /** Every cell so far is a number, a boolean or null: JSON whose text is its value. */
  #onlyScalars = true;
  #count = 0;

  /** @param expectedRows - the rows the column will have, when known: its buffer is sized from them */
  constructor(expectedRows = 0) {
    this.#expectedRows = expectedRows;
  }

  get count(): number {
    return this.#count;
  }

  /** Appends cells in row order (absent cells as null). */
  add(cells: readonly Value[]): void {
    if (cells.length === 0) return;
    if (this.#onlyText && !cells.every((cell) => isText(cell))) this.#onlyText = false;
    if (this.#onlyScalars && !cells.every((cell) => typeof cell !== 'string'))
      this.#onlyScalars = false;
    // A lone surrogate would not survive UTF-8: such a string goes to JSON, which keeps it.
    if (
      !this.#json &&
      this.#onlyText &&
      cells.every((cell) => (cell as unknown as WellFormed).isWellFormed())
    ) {
      this.#append(cells.join('\u0000'), cells.length);
    } else {
      if (!this.#json) this.#toJson();
      const json = JSON.stringify(cells.map((cell) => cell ?? null));
      this.#append(json.slice(1, -1), cells.length);
    }
  }

  /** Every cell as a value, in row order. */
  toValues(): Value[] {
    if (this.#count === 0) return [];
    const bytes = this.#joined();
    if (this.#json) return JSON.parse(`[${bytes.toString('utf8')}]`) as Value[];
    return bytes.toString('utf8').split('\u0000');
  }

  /**
   * The cells as a block file's dictionary column, for a column that turns
   * out to repeat after all; undefined when they are mostly distinct and
   * stay as they are. Text is read as bytes in place.
   */
  dictionary(scratch?: DictionaryScratch): EncodedColumn | undefined {
    if (!this.#json) {
      const found = textDictionary(this.#joined(), this.#count, NUL, scratch);
      return found === undefined
        ? undefined
        : { kind: 'text-dictionary', bytes: found.bytes, codes: found.codes };
    }
    if (this.#onlyScalars) {
      // Numbers, booleans and nulls are the same value exactly when their JSON is the same text.
      const found = textDictionary(this.#joined(), this.#count, COMMA, scratch);
      if (found === undefined) return undefined;
      const values = JSON.parse(`[${found.bytes.toString('utf8')}]`) as Value[];
      return { kind: 'dictionary', values, codes: found.codes };
    }
    const values = this.toValues();
    const encoded = encodeCells(this.#count, (row) => values[row] as Value);
    return encoded.kind === 'dictionary' ? encoded : undefined;
  }

  /** The cells as a block file's section. */
  encoded(): EncodedColumn {
    if (this.#count === 0) return { kind: 'json', bytes: Buffer.from('[]') };
    if (!this.#json) return { kind: 'text', bytes: this.#joined() };
    // Strings a file writes as text, kept as JSON here for a lone surrogate: written as a file would.
    if (this.#onlyText) return { kind: 'values', values: this.toValues() };
    return {
      kind: 'json',
      bytes: Buffer.concat([Buffer.from('['), this.#joined(), Buffer.from(']')]),
    };
  }

  #joined(): Buffer {
    return this.#bytes.subarray(0, this.#length);
  }

  /** Appends `count` cells' text (joined as the column joins them), after a separator when cells came before. */
  #append(text: string, count: number): void {
    const separate = this.#count > 0 ? 1 : 0;
    const needed = this.#length + separate + Buffer.byteLength(text, 'utf8');
    if (needed > this.#bytes.length) this.#grow(needed, this.#count + count);
    if (separate === 1) this.#bytes[this.#length++] = this.#json ? COMMA : NUL;
    this.#length += this.#bytes.write(text, this.#length, 'utf8');
    this.#count += count;
  }

  /**
   * A buffer for at least `needed` bytes, the bytes so far copied in: sized
   * for the expected rows at the bytes per row so far and an eighth more,
   * or (past the forecast, or with none) half again as large.
   */
  #grow(needed: number, rows: number): void {
    const forecast =
      this.#expectedRows > rows ? Math.ceil((needed / rows) * this.#expectedRows * 1.125) : 0;
    const size = Math.max(needed, forecast, Math.ceil(this.#bytes.length * 1.5), FIRST_BYTES);
    const next = Buffer.allocUnsafe(size);
    this.#bytes.copy(next, 0, 0, this.#length);
    this.#bytes = next;
  }

  /** Rewrites the text so far as JSON, at the first cell text cannot hold. */
  #toJson(): void {
    const cells = this.toValues();
    const count = this.#count;
    this.#json = true;
    this.#bytes = Buffer.alloc(0);
    this.#length = 0;
    this.#count = 0;
    if (count > 0) this.#append(JSON.stringify(cells).slice(1, -1), count);
  }
}

/** `String.prototype.isWellFormed` (ES2024; in Node 20), which the ES2023 library does not declare. */
interface WellFormed {
  isWellFormed(): boolean;
}
