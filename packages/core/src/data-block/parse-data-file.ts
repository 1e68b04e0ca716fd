import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { AllotError } from '../errors.js';
import type { Table } from '../model/block-version.js';
import { parseCsv } from './parse-csv.js';
import { parseJsonRows } from './parse-json-rows.js';

/** The file formats a data block can be imported from. */
export type DataFileFormat = 'csv' | 'json';

const FORMATS: readonly DataFileFormat[] = ['csv', 'json'];

/**
 * Parses an imported data file with the parser for its format: the one given,
 * else the one the source's extension names (`.csv`, `.json`, any case).
 *
 * @param source - the file name, used for the extension and in error messages
 * @throws AllotError `INVALID_INPUT` when the format is unknown;
 *   `INVALID_DATA` when the file does not parse (see {@link parseCsv}, {@link parseJsonRows})
 */
export function parseDataFile(text: string, source: string, format?: DataFileFormat): Table {
  const chosen = format ?? formatOf(source);
  return chosen === 'csv' ? parseCsv(text, source) : parseJsonRows(text, source);
}

/** The SHA-256 of a source file's text, in hex, so an unchanged file is not imported twice. */
export function hashSource(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function formatOf(source: string): DataFileFormat {
  const extension = extname(source).slice(1).toLowerCase();
  const format = FORMATS.find((candidate) => candidate === extension);
  if (format === undefined) {
    throw new AllotError(
      'INVALID_INPUT',
      `${source}: cannot tell the data format from the file name; use a .csv or .json file or give the format (csv or json)`,
      { source, formats: FORMATS },
    );
  }
  return format;
}
