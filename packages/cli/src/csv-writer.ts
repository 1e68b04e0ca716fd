import type { Value } from '@allot/core';

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field as RFC 4180 writes it: quoted when it holds a comma, a quote
 * or a line break, with quotes doubled. `null` is an empty field.
 */
export function csvField(value: Value): string {
  const text = value === null ? '' : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A table as RFC 4180 CSV: a header record, then one record per row, each ended by CRLF. */
export function writeCsv(columns: readonly string[], rows: readonly (readonly Value[])[]): string {
  const record = (fields: readonly Value[]) => fields.map(csvField).join(',') + '\r\n';
  return record(columns) + rows.map(record).join('');
}
