import initSqlJs, { type SqlJsStatic } from 'sql.js';
import type { Value } from '../model/block-version.js';
import { formulaSafeCell } from '../data-block/formula-safe-cell.js';
import type { ExportInput } from './export-input.js';
import { sqlIdentifier } from './sql-literal.js';
import { rowsOf } from './text-chunks.js';

/** Bytes per chunk handed out of the finished database file. */
const CHUNK_BYTES = 64 * 1024;

let sqlJs: Promise<SqlJsStatic> | undefined;

/** SQLite (compiled to WebAssembly, so nothing native to build), loaded once per process. */
function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJs ??= initSqlJs();
  return sqlJs;
}

/**
 * A SQLite 3 database file with one table named after the block, its
 * columns declared without a type so every value keeps its storage class:
 * strings as TEXT (formula-safe), numbers as INTEGER or REAL, booleans as
 * 1 and 0, null as NULL. The file is assembled in SQLite's memory and then
 * handed out in 64 KiB chunks: the one export that holds the whole block.
 */
export async function* writeSqliteExport(input: ExportInput): AsyncGenerator<Uint8Array> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  let file: Uint8Array;
  try {
    const table = sqlIdentifier(input.block);
    const columns = input.columns.map(sqlIdentifier);
    db.run(`CREATE TABLE ${table} (${columns.join(', ')})`);
    db.run('BEGIN');
    const insert = db.prepare(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
    try {
      for await (const row of rowsOf(input.rows, columns.length)) {
        insert.run(row.map(sqliteValue));
      }
    } finally {
      insert.free();
    }
    db.run('COMMIT');
    file = db.export();
  } finally {
    db.close();
  }
  for (let start = 0; start < file.length; start += CHUNK_BYTES) {
    yield file.subarray(start, start + CHUNK_BYTES);
  }
}

function sqliteValue(value: Value): string | number | null {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') return formulaSafeCell(value);
  return value;
}
