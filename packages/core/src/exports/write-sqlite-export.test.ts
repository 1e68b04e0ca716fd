import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqliteWasm from 'node-sqlite3-wasm';
import initSqlJs from 'sql.js';
import { describe, expect, test } from 'vitest';
import { COLUMNS, NEUTRALISED, ROWS, safe } from '../testing/export-fixture.js';
import type { Value } from '../model/block-version.js';
import { collectExport } from './write-export.js';
import { writeSqliteExport } from './write-sqlite-export.js';

const input = { block: 'people', version: '1.6', columns: COLUMNS, rows: ROWS };

/** A database file opened by SQLite: its tables and the rows of `table` with their storage classes. */
async function open(file: Uint8Array, table: string) {
  const SQL = await initSqlJs();
  const db = new SQL.Database(file);
  try {
    const tables = db.exec("SELECT name FROM sqlite_master WHERE type = 'table'")[0]?.values.flat();
    const integrity = db.exec('PRAGMA integrity_check')[0]?.values[0]?.[0];
    const quoted = `"${table.replaceAll('"', '""')}"`;
    const rows = db.exec(`SELECT * FROM ${quoted}`)[0];
    const types = db.exec(
      `SELECT ${COLUMNS.map((c) => `typeof("${c}")`).join(', ')} FROM ${quoted}`,
    )[0];
    return {
      tables,
      integrity,
      columns: rows?.columns ?? [],
      rows: rows?.values ?? [],
      types: types?.values ?? [],
    };
  } finally {
    db.close();
  }
}

function stored(value: Value): string | number | null {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return typeof value === 'string' ? safe(value) : value;
}

describe('sqlite export', () => {
  test('is a SQLite file with one table: values keep their storage class, strings formula-safe', async () => {
    const file = await collectExport(writeSqliteExport(input));
    expect(new TextDecoder().decode(file.subarray(0, 15))).toBe('SQLite format 3');
    const db = await open(file, 'people');
    expect(db.integrity).toBe('ok');
    expect(db.tables).toEqual(['people']);
    expect(db.columns).toEqual(COLUMNS);
    expect(db.rows).toEqual(ROWS.map((row) => row.map(stored)));
    expect(db.types[0]).toEqual(['text', 'text', 'text', 'real', 'integer']);
    expect(db.types[2]).toEqual(['text', 'text', 'text', 'null', 'null']);
  });

  test('neutralises every formula cell', async () => {
    const rows = NEUTRALISED.map(([cell]) => ['1', cell, null, null, null]);
    const db = await open(await collectExport(writeSqliteExport({ ...input, rows })), 'people');
    expect(db.rows.map((row) => row[1])).toEqual(NEUTRALISED.map(([, neutral]) => neutral));
  });

  test.each([200, 250])(
    '%i rows, written many to an INSERT, all come back in order',
    async (count) => {
      const rows = Array.from({ length: count }, (_, i) => [
        String(i),
        `n${i}`,
        null,
        i,
        i % 2 === 0,
      ]);
      const db = await open(await collectExport(writeSqliteExport({ ...input, rows })), 'people');
      expect(db.rows).toEqual(rows.map((row) => row.map(stored)));
    },
  );

  test('an empty block is the table with no rows', async () => {
    const db = await open(await collectExport(writeSqliteExport({ ...input, rows: [] })), 'people');
    expect(db.columns).toEqual([]);
    expect(db.tables).toEqual(['people']);
  });

  test('another build of SQLite (node-sqlite3-wasm) opens the file and finds it intact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'allot-sqlite-'));
    try {
      const path = join(dir, 'people.sqlite');
      writeFileSync(path, await collectExport(writeSqliteExport(input)));
      const db = new sqliteWasm.Database(path, { readOnly: true });
      try {
        expect(db.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
        expect(db.all('SELECT name FROM people ORDER BY id').map((row) => row['name'])).toEqual(
          ROWS.map((row) => safe(row[1] ?? null)),
        );
      } finally {
        db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
