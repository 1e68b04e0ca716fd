/**
 * The formats a data block version is exported in. Each has one writer
 * (see `writeExport`); the descriptor says how a server or CLI labels the
 * file.
 */
export type ExportFormat =
  | 'csv'
  | 'json'
  | 'tsv'
  | 'pipe'
  | 'csv-seq'
  | 'tsv-seq'
  | 'html'
  | 'xml'
  | 'sql'
  | 'sqlite'
  | 'x12-834'
  | 'alight';

/** How a file in one {@link ExportFormat} is labelled. */
export interface ExportFormatInfo {
  /** The Content-Type of a download. */
  contentType: string;
  /** The file name extension, without the dot. */
  extension: string;
  /** One line for help texts and API docs. */
  description: string;
  /**
   * False for the one format built whole in memory before its first byte is
   * written (SQLite: the database file is assembled by the SQLite library);
   * every other writer holds a bounded number of rows at a time.
   */
  streamed: boolean;
}

/** Every {@link ExportFormat} with its labels, in the order help texts list them. */
export const EXPORT_FORMATS: Readonly<Record<ExportFormat, ExportFormatInfo>> = {
  csv: {
    contentType: 'text/csv; charset=utf-8',
    extension: 'csv',
    description: 'comma-separated values (RFC 4180), a header first',
    streamed: true,
  },
  json: {
    contentType: 'application/json; charset=utf-8',
    extension: 'json',
    description: 'an array of row objects, values as stored',
    streamed: true,
  },
  tsv: {
    contentType: 'text/tab-separated-values; charset=utf-8',
    extension: 'tsv',
    description: 'tab-separated values, a header first',
    streamed: true,
  },
  pipe: {
    contentType: 'text/plain; charset=utf-8',
    extension: 'txt',
    description: 'pipe-separated values, a header first',
    streamed: true,
  },
  'csv-seq': {
    contentType: 'text/plain; charset=utf-8',
    extension: 'txt',
    description: 'comma-separated values, each record led by its sequence number',
    streamed: true,
  },
  'tsv-seq': {
    contentType: 'text/plain; charset=utf-8',
    extension: 'txt',
    description: 'tab-separated values, each record led by its sequence number',
    streamed: true,
  },
  html: {
    contentType: 'text/html; charset=utf-8',
    extension: 'html',
    description: 'an HTML document with one table',
    streamed: true,
  },
  xml: {
    contentType: 'application/xml; charset=utf-8',
    extension: 'xml',
    description: 'an XML document, one element per row and per cell',
    streamed: true,
  },
  sql: {
    contentType: 'application/sql; charset=utf-8',
    extension: 'sql',
    description: 'CREATE TABLE and one INSERT per row, in one transaction',
    streamed: true,
  },
  sqlite: {
    contentType: 'application/vnd.sqlite3',
    extension: 'sqlite',
    description: 'a SQLite database file with one table',
    streamed: false,
  },
  'x12-834': {
    contentType: 'application/edi-x12',
    extension: 'edi',
    description: 'an EDI X12 834 (005010X220A1) benefit enrollment, one member per row',
    streamed: true,
  },
  alight: {
    contentType: 'text/plain; charset=us-ascii',
    extension: 'txt',
    description: 'Alight-style 2500-byte fixed-width enrollment records, one per row',
    streamed: true,
  },
};

/** The names of every {@link ExportFormat}, in the order of {@link EXPORT_FORMATS}. */
export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as readonly ExportFormat[];

/** Whether a string names an {@link ExportFormat}. */
export function isExportFormat(name: string): name is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, name);
}
