import type { ExportInput } from './export-input.js';
import { sqlIdentifier, sqlLiteral } from './sql-literal.js';
import { textChunks } from './text-chunks.js';

/**
 * A script that recreates the block version as a table named after the
 * block: `BEGIN;`, `CREATE TABLE` with every column `TEXT` (a streamed
 * writer cannot look ahead to infer types, and CSV imports are text), one
 * `INSERT` per row with the values as typed literals, `COMMIT;`. Runs on
 * PostgreSQL and SQLite as written.
 */
export function writeSqlExport(input: ExportInput): AsyncGenerator<string> {
  const table = sqlIdentifier(input.block);
  const columns = input.columns.map(sqlIdentifier);
  const into = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (`;
  return textChunks(input.rows, columns.length, {
    head:
      `-- ${input.block.replace(/[\r\n]/g, ' ')} ${input.version}\nBEGIN;\n` +
      `CREATE TABLE ${table} (${columns.map((c) => `${c} TEXT`).join(', ')});\n`,
    row: (cells) => into + cells.map(sqlLiteral).join(', ') + ');\n',
    tail: () => 'COMMIT;\n',
  });
}
