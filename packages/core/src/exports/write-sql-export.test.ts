import pg from 'pg';
import initSqlJs from 'sql.js';
import { describe, expect, test } from 'vitest';
import { COLUMNS, NEUTRALISED, ROWS, exportText, safe } from '../testing/export-fixture.js';
import type { Value } from '../model/block-version.js';
import { writeSqlExport } from './write-sql-export.js';

const input = {
  block: 'people "list"',
  version: '1.3',
  columns: [...COLUMNS, 'say "hi"'],
  rows: ROWS.map((r) => [...r, 'x']),
};

/** Runs a script in a fresh SQLite database and reads the table back. */
async function run(script: string, table: string) {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  try {
    db.exec(script);
    const result = db.exec(`SELECT * FROM "${table.replaceAll('"', '""')}"`);
    return result[0] ?? { columns: [], values: [] };
  } finally {
    db.close();
  }
}

/** What SQLite gives back for a value written into a TEXT column. */
function asText(value: Value): string | null {
  if (value === null) return null;
  if (typeof value === 'boolean') return value ? '1' : '0';
  return typeof value === 'number' ? String(value) : safe(value);
}

describe('sql export', () => {
  test('runs in SQLite as written and recreates the table, strings formula-safe', async () => {
    const script = await exportText(writeSqlExport(input));
    const table = await run(script, input.block);
    expect(table.columns).toEqual(input.columns);
    expect(table.values).toEqual(input.rows.map((row) => row.map(asText)));
  });

  test('neutralises every formula cell; a quote cannot end a literal', async () => {
    const rows = [...NEUTRALISED.map(([cell]) => [cell]), ["x'); DROP TABLE t; --"]];
    const script = await exportText(writeSqlExport({ ...input, block: 't', columns: ['c'], rows }));
    const table = await run(script, 't');
    expect(table.values).toEqual([
      ...NEUTRALISED.map(([, neutral]) => [neutral]),
      ["x'); DROP TABLE t; --"],
    ]);
  });

  test('writes typed literals: NULL, numbers, TRUE and FALSE', async () => {
    const script = await exportText(
      writeSqlExport({
        ...input,
        block: 't',
        columns: ['a', 'b', 'c', 'd'],
        rows: [[null, -12.5, true, false]],
      }),
    );
    expect(script).toContain(
      'INSERT INTO "t" ("a", "b", "c", "d") VALUES (NULL, -12.5, TRUE, FALSE);',
    );
  });

  test('an empty block is the table with no rows', async () => {
    const script = await exportText(writeSqlExport({ ...input, block: 't', rows: [] }));
    expect(script).not.toContain('INSERT');
    expect((await run(script, 't')).values).toEqual([]);
  });
});

describe('sql export on PostgreSQL', () => {
  const url = process.env['ALLOT_TEST_POSTGRES_URL'];

  test.skipIf(url === undefined)('runs as written and reads back the same text', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const schema = `export_sql_${process.pid}_${Date.now()}`;
    try {
      await client.query(`CREATE SCHEMA ${schema}`);
      await client.query(`SET search_path TO ${schema}`);
      await client.query(await exportText(writeSqlExport(input)));
      const result = await client.query({
        text: `SELECT * FROM "people ""list"""`,
        rowMode: 'array',
      });
      expect(result.fields.map((f) => f.name)).toEqual(input.columns);
      // PostgreSQL prints TRUE and FALSE into text as true and false.
      const text = (v: Value) => (typeof v === 'boolean' ? String(v) : asText(v));
      expect(result.rows).toEqual(input.rows.map((row) => row.map(text)));
    } finally {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  });
});
