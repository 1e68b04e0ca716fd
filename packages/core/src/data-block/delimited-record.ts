import type { Value } from '../model/block-version.js';
import { formulaSafeCell } from './formula-safe-cell.js';

/**
 * One delimited record ended by CRLF: every cell through
 * {@link formulaSafeCell}, quoted as RFC 4180 does when it holds the
 * delimiter, a quote or a line break; `null` is an empty cell. Every
 * delimited writer (the table writer and the export writers) goes through
 * here, so they quote and neutralise alike.
 */
export function delimitedRecord(values: readonly Value[], delimiter: string): string {
  return values.map((value) => delimitedCell(value, delimiter)).join(delimiter) + '\r\n';
}

function delimitedCell(value: Value, delimiter: string): string {
  const text = formulaSafeCell(value === null ? '' : String(value));
  const needs =
    text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r');
  return needs ? `"${text.replaceAll('"', '""')}"` : text;
}
