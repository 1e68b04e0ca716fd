import { formulaSafeCell } from '../data-block/formula-safe-cell.js';
import type { Value } from '../model/block-version.js';

/** An SQL identifier in double quotes, inner quotes doubled (SQL standard; PostgreSQL and SQLite). */
export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * A cell as an SQL literal: NULL, a number as written, TRUE or FALSE, or a
 * formula-safe string in single quotes with inner quotes doubled. Backslashes
 * are plain characters, as in standard SQL (PostgreSQL's default and
 * SQLite; MySQL needs its `NO_BACKSLASH_ESCAPES` mode).
 */
export function sqlLiteral(value: Value): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return `'${formulaSafeCell(value).replaceAll("'", "''")}'`;
}
