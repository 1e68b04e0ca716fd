import { AllotError } from '../errors.js';
import type { RowValues, Value } from '../model/block-version.js';
import { Column, ColumnTable, type Codes } from './column-table.js';
import { encodeCells, valuesSection, type EncodedColumn } from './encoded-column.js';
import { TextCells } from './text-cells.js';

/** The first bytes of a block file, naming its format and layout version. */
const MAGIC = 'ALLOTCB1';
/** Magic, then the header's length in bytes (uint32, little-endian). */
const PREFIX_BYTES = MAGIC.length + 4;
/** Code arrays start on this boundary, so they are read in place. */
const ALIGN = 4;

/** Where one column's sections lie in a block file, as byte offsets from its start. */
interface ColumnEntry {
  name: string;
  /**
   * The dictionary (or, without codes, every cell): a JSON array, or for
   * strings free of NUL (`text`) the strings joined by NUL, which splits
   * an order of magnitude faster than JSON parses.
   */
  values: [offset: number, length: number, kind?: 'text'];
  /** One code per row, `width` bytes each; absent when every cell is in `values`. */
  codes: [offset: number, width: 1 | 2 | 4] | null;
}

/** What a block file says of itself, readable without its rows. */
export interface BlockFileHeader {
  rowCount: number;
  columns: ColumnEntry[];
}

/**
 * Writes rows as a block file: a short JSON header, then each column as a
 * JSON dictionary of its distinct values and a packed array of codes (one,
 * two or four bytes a row). A column whose values are mostly distinct (a
 * key) is kept as its list of values alone. Opening the file parses the
 * header; a column is parsed when first used; a row is built only when
 * asked for.
 *
 * The rows may be given by column: a table built by a `ColumnTableBuilder`
 * is written from its columns as they are, with no row array and no second
 * pass for the dictionaries; other tables' columns (read from a file, made
 * from rows) are encoded from their cells.
 */
export function encodeBlockFile(
  columns: readonly string[],
  rows: readonly RowValues[] | ColumnTable,
): Buffer {
  return Buffer.concat(blockFileParts(columns, rows));
}

/**
 * A block file (see {@link encodeBlockFile}) as its parts, in order: a
 * large table's file is written part by part rather than copied into one
 * buffer first. The parts share the table's memory.
 */
export function blockFileParts(
  columns: readonly string[],
  rows: readonly RowValues[] | ColumnTable,
): Buffer[] {
  if (rows instanceof ColumnTable) {
    const table = rows;
    const encoded = columns.map((_, index) => {
      const column = table.column(index);
      return column.encoded ?? encodeCells(table.rowCount, (row) => column.valueAt(row));
    });
    return layOut(table.rowCount, columns, encoded);
  }
  const encoded = columns.map((_, index) =>
    encodeCells(rows.length, (row) => (rows[row] as RowValues)[index] ?? null),
  );
  return layOut(rows.length, columns, encoded);
}

/** Lays encoded columns out as a block file's parts: prefix, header, then each column's sections. */
function layOut(
  rowCount: number,
  columns: readonly string[],
  encoded: readonly EncodedColumn[],
): Buffer[] {
  const sections: Buffer[] = [];
  let offset = 0;
  const place = (bytes: Buffer): number => {
    const at = offset;
    sections.push(bytes);
    offset += bytes.length;
    const pad = (ALIGN - (offset % ALIGN)) % ALIGN;
    if (pad > 0) {
      sections.push(Buffer.alloc(pad));
      offset += pad;
    }
    return at;
  };
  const entries: ColumnEntry[] = columns.map((name, index) => {
    const column = encoded[index] as EncodedColumn;
    const { bytes, text } = valuesSection(column);
    const section: ColumnEntry['values'] = text
      ? [place(bytes), bytes.length, 'text']
      : [place(bytes), bytes.length];
    if (column.kind !== 'dictionary' && column.kind !== 'text-dictionary')
      return { name, values: section, codes: null };
    const { codes } = column;
    const codesAt = place(Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength));
    return { name, values: section, codes: [codesAt, codes.BYTES_PER_ELEMENT as 1 | 2 | 4] };
  });
  // Offsets in the header count from the file's start, which the header's own length moves.
  let header = '';
  for (let base = 0; ;) {
    const shifted = entries.map((entry) => ({
      ...entry,
      values: [entry.values[0] + base, ...entry.values.slice(1)],
      codes: entry.codes === null ? null : [entry.codes[0] + base, entry.codes[1]],
    }));
    header = JSON.stringify({ rowCount, columns: shifted });
    const start = PREFIX_BYTES + Buffer.byteLength(header, 'utf8');
    const aligned = start + ((ALIGN - (start % ALIGN)) % ALIGN);
    if (aligned === base) break;
    base = aligned;
  }
  const headerBytes = Buffer.from(header, 'utf8');
  const prefix = Buffer.alloc(PREFIX_BYTES);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(headerBytes.length, MAGIC.length);
  const start = PREFIX_BYTES + headerBytes.length;
  const pad = Buffer.alloc((ALIGN - (start % ALIGN)) % ALIGN);
  return [prefix, headerBytes, pad, ...sections];
}

/** True when `bytes` start like a block file (older versions stored rows as a JSON array). */
export function isBlockFile(bytes: Uint8Array): boolean {
  return (
    bytes.length >= PREFIX_BYTES &&
    Buffer.from(bytes.buffer, bytes.byteOffset, MAGIC.length).toString('latin1') === MAGIC
  );
}

/**
 * The header of a block file from its first bytes: its row count and
 * columns, without reading a row.
 *
 * @returns the header, or the number of bytes needed to read it when `bytes` are too few
 */
export function readBlockFileHeader(
  bytes: Uint8Array,
  file = 'block file',
): BlockFileHeader | number {
  if (!isBlockFile(bytes)) throw corrupt(file, 'it does not start with the block file marker');
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = buffer.readUInt32LE(MAGIC.length);
  if (buffer.length < PREFIX_BYTES + length) return PREFIX_BYTES + length;
  try {
    return JSON.parse(
      buffer.toString('utf8', PREFIX_BYTES, PREFIX_BYTES + length),
    ) as BlockFileHeader;
  } catch (error) {
    throw corrupt(file, `its header is not JSON: ${(error as Error).message}`);
  }
}

/**
 * Opens a whole block file as a table. Only the header is parsed here; each
 * column is parsed on its first use.
 *
 * @throws AllotError `STORE_CORRUPT` when the bytes are not a block file or are cut short
 */
export function decodeBlockFile(bytes: Buffer, file = 'block file'): ColumnTable {
  const header = readBlockFileHeader(bytes, file);
  if (typeof header === 'number') throw corrupt(file, 'it ends inside its header');
  const { rowCount } = header;
  const columns = header.columns.map((entry) => {
    const [valuesAt, valuesLength, kind] = entry.values;
    const end =
      entry.codes === null ? valuesAt + valuesLength : entry.codes[0] + rowCount * entry.codes[1];
    if (end > bytes.length) throw corrupt(file, `it ends inside column "${entry.name}"`);
    return new Column(() => {
      // A key's cells stay bytes: a string per row would be most of the table's memory.
      if (kind === 'text' && entry.codes === null) {
        try {
          return new TextCells(bytes.subarray(valuesAt, valuesAt + valuesLength), rowCount);
        } catch (error) {
          throw corrupt(file, `column "${entry.name}": ${(error as Error).message}`);
        }
      }
      const text = bytes.toString('utf8', valuesAt, valuesAt + valuesLength);
      const values = kind === 'text' ? text.split('\u0000') : (JSON.parse(text) as Value[]);
      return { values, codes: entry.codes === null ? null : codesAt(bytes, entry.codes, rowCount) };
    });
  });
  return new ColumnTable(
    header.columns.map((entry) => entry.name),
    rowCount,
    columns,
  );
}

function codesAt(bytes: Buffer, [offset, width]: [number, 1 | 2 | 4], count: number): Codes {
  const start = bytes.byteOffset + offset;
  // A buffer from a pool may start anywhere: a misaligned array is copied out.
  const source =
    start % width === 0 ? bytes.buffer : bytes.buffer.slice(start, start + count * width);
  const at = start % width === 0 ? start : 0;
  if (width === 1) return new Uint8Array(source, at, count);
  if (width === 2) return new Uint16Array(source, at, count);
  return new Uint32Array(source, at, count);
}

function corrupt(file: string, reason: string): AllotError {
  return new AllotError('STORE_CORRUPT', `${file} is not a readable block file: ${reason}`, {
    file,
  });
}
