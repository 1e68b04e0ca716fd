import type { Value } from '../model/block-version.js';
import { isText, type EncodedColumn } from './encoded-column.js';

const NUL = Buffer.from([0]);
const COMMA = Buffer.from(',');

/**
 * The cells of a column of mostly distinct values, appended batch by batch
 * and kept as the bytes a block file holds them as: while every cell is a
 * string free of NUL, UTF-8 joined by NUL (a few bytes over the text's
 * own); from the first other cell, the body of a JSON array. A cell is not
 * kept as a string of its own (about 40 bytes over its text, and work for
 * the collector).
 */
export class PlainCells {
  /** Each batch's cells: NUL-joined text, or JSON without its brackets. */
  #chunks: Buffer[] = [];
  #json = false;
  #count = 0;

  get count(): number {
    return this.#count;
  }

  /** Appends cells in row order (absent cells as null). */
  add(cells: readonly Value[]): void {
    if (cells.length === 0) return;
    if (!this.#json && cells.every((cell) => isText(cell))) {
      this.#chunks.push(Buffer.from(cells.join('\u0000'), 'utf8'));
    } else {
      if (!this.#json) this.#toJson();
      const json = JSON.stringify(cells.map((cell) => cell ?? null));
      this.#chunks.push(Buffer.from(json.slice(1, -1), 'utf8'));
    }
    this.#count += cells.length;
  }

  /** Every cell as a value, in row order: for a column that turns out to repeat after all. */
  toValues(): Value[] {
    if (this.#count === 0) return [];
    const bytes = this.#joined();
    if (this.#json) return JSON.parse(`[${bytes.toString('utf8')}]`) as Value[];
    return bytes.toString('utf8').split('\u0000');
  }

  /** The cells as a block file's section; the batches are joined into one buffer, once. */
  encoded(): EncodedColumn {
    if (this.#json || this.#count === 0) {
      return { kind: 'json', bytes: Buffer.concat([Buffer.from('['), this.#joined(), Buffer.from(']')]) };
    }
    return { kind: 'text', bytes: this.#joined() };
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
    this.#chunks = cells.length === 0 ? [] : [Buffer.from(JSON.stringify(cells).slice(1, -1), 'utf8')];
  }
}
