import type { Value } from '../model/block-version.js';
import type { RowSource } from './export-input.js';

/**
 * About 64 KiB of text per chunk: large enough that a sink's per-write cost
 * vanishes, small enough that a writer holds only a few hundred rows.
 */
export const CHUNK_CHARS = 64 * 1024;

/** How a text format writes a block: what comes first, each row, what comes last. */
export interface TextLayout {
  head: string;
  /** One row, padded with nulls (or cut) to the columns; `index` counts rows from 0. */
  row(cells: Value[], index: number): string;
  /** After the last row; may throw to fail the export (before the last chunk is handed out). */
  tail(): string;
}

/**
 * A text format's output in chunks of about {@link CHUNK_CHARS}. Rows are
 * read as the chunks are taken; a synchronous source (an array, a
 * generator) is read without a promise per row, which is most of the cost
 * of a million-row export.
 */
export async function* textChunks(
  source: RowSource,
  width: number,
  layout: TextLayout,
): AsyncGenerator<string> {
  let parts: string[] = [layout.head];
  let length = layout.head.length;
  let index = 0;
  const add = (row: readonly Value[]) => {
    const text = layout.row(fit(row, width), index++);
    parts.push(text);
    length += text.length;
  };
  if (Symbol.asyncIterator in source) {
    for await (const row of source) {
      add(row);
      if (length >= CHUNK_CHARS) {
        yield parts.join('');
        parts = [];
        length = 0;
      }
    }
  } else {
    for (const row of source) {
      add(row);
      if (length >= CHUNK_CHARS) {
        yield parts.join('');
        parts = [];
        length = 0;
      }
    }
  }
  parts.push(layout.tail());
  const rest = parts.join('');
  if (rest.length > 0) yield rest;
}

/** The rows of a source, each fitted to `width` cells, one at a time (for writers that are not text). */
export async function* rowsOf(source: RowSource, width: number): AsyncGenerator<Value[]> {
  for await (const row of source) yield fit(row, width);
}

function fit(row: readonly Value[], width: number): Value[] {
  const cells = row.slice(0, width);
  while (cells.length < width) cells.push(null);
  return cells;
}
