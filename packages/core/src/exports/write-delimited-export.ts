import { delimitedRecord } from '../data-block/delimited-record.js';
import type { ExportInput } from './export-input.js';
import { textChunks } from './text-chunks.js';

/** The delimited export formats. */
export type DelimitedExportFormat = 'csv' | 'tsv' | 'pipe' | 'csv-seq' | 'tsv-seq';

const LAYOUTS: Record<DelimitedExportFormat, { delimiter: string; sequence: boolean }> = {
  csv: { delimiter: ',', sequence: false },
  tsv: { delimiter: '\t', sequence: false },
  pipe: { delimiter: '|', sequence: false },
  'csv-seq': { delimiter: ',', sequence: true },
  'tsv-seq': { delimiter: '\t', sequence: true },
};

/**
 * The name of the sequence column the `-seq` formats put first. Its
 * numbers count data records from 1; the header keeps this name.
 */
export const SEQUENCE_COLUMN = 'seq';

/**
 * Delimited records ended by CRLF, the header first, cells quoted and made
 * formula-safe as the table writer does (one shared record function). The
 * `-seq` formats lead every record with its sequence number: `seq` in the
 * header, then 1, 2, 3 … (the layout automation tools that address rows by
 * number read).
 */
export function writeDelimitedExport(
  format: DelimitedExportFormat,
  input: ExportInput,
): AsyncGenerator<string> {
  const { delimiter, sequence } = LAYOUTS[format];
  const header = sequence ? [SEQUENCE_COLUMN, ...input.columns] : input.columns;
  return textChunks(input.rows, input.columns.length, {
    head: delimitedRecord(header, delimiter),
    row: sequence
      ? (cells, index) => delimitedRecord([index + 1, ...cells], delimiter)
      : (cells) => delimitedRecord(cells, delimiter),
    tail: () => '',
  });
}
