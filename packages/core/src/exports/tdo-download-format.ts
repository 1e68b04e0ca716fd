import { AllotError } from '../errors.js';
import type { ExportFormat } from './export-format.js';

/**
 * The export format each TDO API version downloads, as the TDO reference
 * lists them: 1.0 HTML, 1.1 CSV, 1.2 comma-delimited with sequence numbers
 * (a .txt file), 1.3 pipe-delimited, 1.4 tab-delimited with sequence
 * numbers, 1.5 EDI X12 834, 1.6 a SQLite database, 1.7 the Alight file.
 */
export const TDO_DOWNLOAD_FORMATS: Readonly<Record<string, ExportFormat>> = {
  '1.0': 'html',
  '1.1': 'csv',
  '1.2': 'csv-seq',
  '1.3': 'pipe',
  '1.4': 'tsv-seq',
  '1.5': 'x12-834',
  '1.6': 'sqlite',
  '1.7': 'alight',
};

/** The format a TDO download of API version `apiVersion` is written in; INVALID_INPUT naming `version` for any other. */
export function tdoDownloadFormat(apiVersion: string): ExportFormat {
  const format = Object.hasOwn(TDO_DOWNLOAD_FORMATS, apiVersion)
    ? TDO_DOWNLOAD_FORMATS[apiVersion]
    : undefined;
  if (format === undefined) {
    throw new AllotError(
      'INVALID_INPUT',
      `version: TDO downloads exist for API versions ${Object.keys(TDO_DOWNLOAD_FORMATS).join(', ')}, not "${apiVersion}"`,
      { field: 'version' },
    );
  }
  return format;
}
