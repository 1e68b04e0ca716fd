import type { Value } from '../model/block-version.js';
import type { Codes } from './column-table.js';

/**
 * One column as a block file holds it: a dictionary of its distinct values
 * (first seen first) and a code per row, or, for a column whose values are
 * mostly distinct, every cell. Values are a list, or for text (every
 * value a string free of NUL) UTF-8 joined by NUL (`text-dictionary`);
 * cells are a list of values, as UTF-8 strings joined
 * by NUL (`text`: every cell a string free of NUL), or as the bytes of a
 * JSON array (`json`). A file is written from these as they are, so a
 * column built this way is not scanned again for its dictionary.
 */
export type EncodedColumn =
  | { kind: 'dictionary'; values: Value[]; codes: Codes }
  | { kind: 'text-dictionary'; bytes: Buffer; codes: Codes }
  | { kind: 'values'; values: Value[] }
  | { kind: 'text'; bytes: Buffer }
  | { kind: 'json'; bytes: Buffer };

/** Tables this small always keep a dictionary, however distinct their values. */
const SMALL_TABLE = 16;

/**
 * Whether a column of `rowCount` rows and `distinct` distinct values keeps
 * its cells as they are: past half the rows distinct, a dictionary saves
 * nothing. This is the rule {@link encodeCells} applies as it scans (it
 * gives up on the dictionary at the first new value once half the rows'
 * worth are known), stated on the counts alone.
 */
export function keepsCells(rowCount: number, distinct: number): boolean {
  return rowCount > SMALL_TABLE && distinct - 1 >= rowCount / 2;
}

/** The codes of a dictionary of `entries` values, as narrow as it allows. */
export function narrowCodes(codes: Uint32Array, entries: number): Codes {
  if (entries <= 0x100) return Uint8Array.from(codes);
  if (entries <= 0x10000) return Uint16Array.from(codes);
  return codes;
}

/** Encodes `rowCount` cells read by `cellAt`, in row order: a dictionary, or the cells themselves. */
export function encodeCells(rowCount: number, cellAt: (row: number) => Value): EncodedColumn {
  const dictionary = new Map<Value, number>();
  const values: Value[] = [];
  const codes = new Uint32Array(rowCount);
  // Past half the rows distinct, a dictionary saves nothing: keep the cells as they are.
  const ceiling = rowCount / 2;
  for (let i = 0; i < rowCount; i++) {
    const cell = cellAt(i);
    let code = dictionary.get(cell);
    if (code === undefined) {
      if (values.length >= ceiling && rowCount > SMALL_TABLE) {
        return {
          kind: 'values',
          values: Array.from({ length: rowCount }, (_, row) => cellAt(row)),
        };
      }
      code = values.length;
      dictionary.set(cell, code);
      values.push(cell);
    }
    codes[i] = code;
  }
  return { kind: 'dictionary', values, codes: narrowCodes(codes, values.length) };
}

/** True for a string a `text` section can hold. */
export function isText(value: Value): boolean {
  return typeof value === 'string' && !value.includes('\u0000');
}

/** The bytes of a column's values section, and whether they are NUL-joined text. */
export function valuesSection(column: EncodedColumn): { bytes: Buffer; text: boolean } {
  if (column.kind === 'text' || column.kind === 'text-dictionary')
    return { bytes: column.bytes, text: true };
  if (column.kind === 'json') return { bytes: column.bytes, text: false };
  const { values } = column;
  const text = values.length > 0 && values.every(isText);
  return {
    bytes: Buffer.from(text ? values.join('\u0000') : JSON.stringify(values), 'utf8'),
    text,
  };
}
