import type { Value } from '../model/block-version.js';
import { encodeCells, isText, type EncodedColumn } from './encoded-column.js';
import { textDictionary } from './text-dictionary.js';

const NUL = Buffer.from([0]);
const COMMA = Buffer.from(',');

/**
 * The cells of a column of mostly distinct values, appended batch by batch
 * and kept as the bytes a block file holds them as: while every cell is a
 * well-formed string free of NUL, UTF-8 joined by NUL (a few bytes over
 * the text's own); from the first other cell, the body of a JSON array. A
 * cell is not kept as a string of its own (about 40 bytes over its text,
 * and work for the collector).
 */
export class PlainCells {
  /** Each batch's cells: NUL-joined text, or JSON without its brackets. */
  #chunks: Buffer[] = [];
  #json = false;
  /** Every cell so far is a string free of NUL: what a block file writes as text. */
  #onlyText = true;
  #count = 0;

  get count(): number {
    return this.#count;
  }

  /** Appends cells in row order (absent cells as null). */
  add(cells: readonly Value[]): void {
    if (cells.length === 0) return;
    if (this.#onlyText && !cells.every((cell) => isText(cell))) this.#onlyText = false;
    // A lone surrogate would not survive UTF-8: such a string goes to JSON, which keeps it.
    if (
      !this.#json &&
      this.#onlyText &&
      cells.every((cell) => (cell as unknown as WellFormed).isWellFormed())
    ) {
      this.#chunks.push(Buffer.from(cells.join('\u0000'), 'utf8'));
    } else {
      if (!this.#json) this.#toJson();
      const json = JSON.stringify(cells.map((cell) => cell ?? null));
      this.#chunks.push(Buffer.from(json.slice(1, -1), 'utf8'));
    }
    this.#count += cells.length;
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
  dictionary(): EncodedColumn | undefined {
    if (!this.#json) {
      const found = textDictionary(this.#joined(), this.#count);
      return found === undefined
        ? undefined
        : { kind: 'text-dictionary', bytes: found.bytes, codes: found.codes };
    }
    const values = this.toValues();
    const encoded = encodeCells(this.#count, (row) => values[row] as Value);
    return encoded.kind === 'dictionary' ? encoded : undefined;
  }

  /** The cells as a block file's section; the batches are joined into one buffer, once. */
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
    const chunks = this.#chunks;
    if (chunks.length !== 1) {
      const separator = this.#json ? COMMA : NUL;
      const parts: Buffer[] = [];
      chunks.forEach((chunk, index) => {
        if (index > 0) parts.push(separator);
        parts.push(chunk);
      });
      this.#chunks = [Buffer.concat(parts)];
    }
    return this.#chunks[0] ?? Buffer.alloc(0);
  }

  /** Rewrites the text so far as JSON, at the first cell text cannot hold. */
  #toJson(): void {
    const cells = this.toValues();
    this.#json = true;
    this.#chunks =
      cells.length === 0 ? [] : [Buffer.from(JSON.stringify(cells).slice(1, -1), 'utf8')];
  }
}

/** `String.prototype.isWellFormed` (ES2024; in Node 20), which the ES2023 library does not declare. */
interface WellFormed {
  isWellFormed(): boolean;
}
