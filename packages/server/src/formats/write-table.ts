import type { Value } from '@allot/core';

/** The download formats of a data block. */
export type TableFormat = 'csv' | 'json' | 'tsv' | 'pipe';

export const TABLE_FORMATS: readonly TableFormat[] = ['csv', 'json', 'tsv', 'pipe'];

const MEDIA_TYPES: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  tsv: 'text/tab-separated-values; charset=utf-8',
  pipe: 'text/plain; charset=utf-8',
};

const EXTENSIONS: Record<TableFormat, string> = {
  csv: 'csv',
  json: 'json',
  tsv: 'tsv',
  pipe: 'txt',
};

const DELIMITERS: Record<Exclude<TableFormat, 'json'>, string> = { csv: ',', tsv: '\t', pipe: '|' };

/** Cells a spreadsheet would run as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function mediaTypeOf(format: TableFormat): string {
  return MEDIA_TYPES[format];
}

export function extensionOf(format: TableFormat): string {
  return EXTENSIONS[format];
}

/**
 * A table in one of the download formats. CSV cells that would start a
 * formula get a leading `'`, which spreadsheets show as text; plain numbers
 * such as `-12.50` are left alone since they cannot run anything.
 */
export function writeTable(
  format: TableFormat,
  columns: readonly string[],
  rows: readonly (readonly Value[])[],
): string {
  if (format === 'json') {
    return JSON.stringify(
      rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i] ?? null]))),
    );
  }
  const delimiter = DELIMITERS[format];
  const field = (value: Value) =>
    quote(format === 'csv' ? neutralise(value) : cellText(value), delimiter);
  const record = (values: readonly Value[]) => values.map(field).join(delimiter) + '\r\n';
  return record(columns) + rows.map(record).join('');
}

function cellText(value: Value): string {
  return value === null ? '' : String(value);
}

function neutralise(value: Value): string {
  const text = cellText(value);
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function quote(text: string, delimiter: string): string {
  const needs =
    text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r');
  return needs ? `"${text.replaceAll('"', '""')}"` : text;
}
