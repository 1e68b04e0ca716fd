import { columnOf } from './column-builder.js';
import { ColumnTable } from './column-table.js';
import type { EncodedColumn } from './encoded-column.js';

/**
 * A built {@link ColumnTable} as a message between threads: each column as
 * a block file holds it (bytes, codes, a dictionary's values), so nothing
 * is re-encoded on either side.
 */
export interface TableTransfer {
  columns: readonly string[];
  rowCount: number;
  encoded: EncodedColumn[];
}

/**
 * The message form of a table a {@link ColumnTableBuilder} built, and the
 * buffers to transfer with it (moved, not copied: the table must not be
 * used here afterwards). Buffers carved from Node's shared pool are left
 * to be copied, since moving one would take its neighbours with it.
 *
 * @throws RangeError for a table not built column by column
 */
export function tableToTransfer(table: ColumnTable): {
  message: TableTransfer;
  transfer: ArrayBuffer[];
} {
  const encoded: EncodedColumn[] = [];
  const transfer = new Set<ArrayBuffer>();
  const move = (view: ArrayBufferView) => {
    const buffer = view.buffer;
    if (buffer instanceof ArrayBuffer && buffer.byteLength > Buffer.poolSize) transfer.add(buffer);
  };
  for (let index = 0; index < table.columns.length; index++) {
    const column = table.column(index).encoded;
    if (column === undefined)
      throw new RangeError(`column ${index} was not built as a file holds it`);
    if ('bytes' in column) move(column.bytes);
    if ('codes' in column) move(column.codes);
    encoded.push(column);
  }
  return {
    message: { columns: table.columns, rowCount: table.rowCount, encoded },
    transfer: [...transfer],
  };
}

/** The table a {@link tableToTransfer} message holds, over the memory it brought. */
export function tableFromTransfer(message: TableTransfer): ColumnTable {
  const data = message.encoded.map((column) =>
    columnOf(
      'bytes' in column ? { ...column, bytes: asBuffer(column.bytes) } : column,
      message.rowCount,
    ),
  );
  return new ColumnTable(message.columns, message.rowCount, data);
}

/** A `Buffer` over the memory of a byte array (a `Buffer` arrives from another thread as a plain `Uint8Array`). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}
