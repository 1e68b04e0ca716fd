import type { TableFormat } from '@allot/core';

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

/** The Content-Type of a data block download in a format (core's `writeTable` writes it). */
export function mediaTypeOf(format: TableFormat): string {
  return MEDIA_TYPES[format];
}

/** The file name extension of a data block download in a format. */
export function extensionOf(format: TableFormat): string {
  return EXTENSIONS[format];
}
