import { AllotError } from '../errors.js';
import { EXPORT_FORMATS, isExportFormat, type ExportFormat } from './export-format.js';
import type { ExportChunk, ExportInput } from './export-input.js';
import { writeAlightExport } from './write-alight-export.js';
import { writeDelimitedExport } from './write-delimited-export.js';
import { writeHtmlExport } from './write-html-export.js';
import { writeJsonExport } from './write-json-export.js';
import { writeSqlExport } from './write-sql-export.js';
import { writeSqliteExport } from './write-sqlite-export.js';
import { writeX12834Export, type X12834Options } from './write-x12-834-export.js';
import { writeXmlExport } from './write-xml-export.js';

/** Choices of the formats that have any. */
export interface ExportOptions {
  /** For `x12-834`. */
  x12834?: X12834Options;
}

/**
 * A data block version in a format, as chunks to write to a sink in order.
 * Every format but `sqlite` reads the rows as it goes, so memory stays
 * bounded however many rows the source yields. An unknown format, or a
 * block without columns, is INVALID_INPUT naming the field, raised before
 * the first chunk.
 */
export function writeExport(
  format: ExportFormat,
  input: ExportInput,
  options: ExportOptions = {},
): AsyncIterable<ExportChunk> {
  if (!isExportFormat(format)) {
    throw new AllotError(
      'INVALID_INPUT',
      `format: "${String(format)}" is not one of ${Object.keys(EXPORT_FORMATS).join(', ')}`,
      { field: 'format' },
    );
  }
  if (input.columns.length === 0) {
    throw new AllotError(
      'INVALID_INPUT',
      'columns: a data block version without columns cannot be exported',
      { field: 'columns' },
    );
  }
  switch (format) {
    case 'csv':
    case 'tsv':
    case 'pipe':
    case 'csv-seq':
    case 'tsv-seq':
      return writeDelimitedExport(format, input);
    case 'json':
      return writeJsonExport(input);
    case 'html':
      return writeHtmlExport(input);
    case 'xml':
      return writeXmlExport(input);
    case 'sql':
      return writeSqlExport(input);
    case 'sqlite':
      return writeSqliteExport(input);
    case 'x12-834':
      return writeX12834Export(input, options.x12834);
    case 'alight':
      return writeAlightExport(input);
  }
}

/** Every chunk of an export joined into one byte array: for tests and small files. */
export async function collectExport(chunks: AsyncIterable<ExportChunk>): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    parts.push(bytes);
    length += bytes.length;
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
