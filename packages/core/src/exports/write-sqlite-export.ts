import type { SqlJsStatic } from 'sql.js';
import type { Value } from '../model/block-version.js';
import { formulaSafeCell } from '../data-block/formula-safe-cell.js';
import type { ExportInput } from './export-input.js';
import { sqlIdentifier } from './sql-literal.js';
import { rowsOf } from './text-chunks.js';

/** Bytes per chunk handed out of the finished database file. */
const CHUNK_BYTES = 64 * 1024;

/** Bound parameters SQLite takes in one statement by default before 3.32 (newer ones take 32766). */
const MAX_VARIABLES = 999;

let sqlJs: Promise<SqlJsStatic> | undefined;

/** SQLite (compiled to WebAssembly, so nothing native to build), loaded once per process. */
function loadSqlJs(): Promise<SqlJsStatic> {
  // Imported on first use: the WebAssembly build is large and most processes never write SQLite.
  sqlJs ??= import('sql.js').then((module) => module.default());
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
    // Many rows per INSERT: a statement step per row is most of the cost in sql.js.
    const perInsert = Math.max(1, Math.min(100, Math.floor(MAX_VARIABLES / columns.length)));
    const values = `(${columns.map(() => '?').join(', ')})`;
    const into = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
    const insert = (rows: number) =>
      db.prepare(into + Array.from({ length: rows }, () => values).join(', '));
    const full = insert(perInsert);
    try {
      let batch: (string | number | null)[] = [];
      let count = 0;
      for await (const row of rowsOf(input.rows, columns.length)) {
        for (const value of row) batch.push(sqliteValue(value));
        if (++count === perInsert) {
          full.run(batch);
          batch = [];
          count = 0;
        }
      }
      if (count > 0) {
        const rest = insert(count);
        try {
          rest.run(batch);
        } finally {
          rest.free();
        }
      }
    } finally {
      full.free();
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
