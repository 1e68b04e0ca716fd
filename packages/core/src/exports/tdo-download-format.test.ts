import { describe, expect, test } from 'vitest';
import { failure } from '../testing/failure.js';
import { EXPORT_FORMATS } from './export-format.js';
import { TDO_DOWNLOAD_FORMATS, tdoDownloadFormat } from './tdo-download-format.js';

describe('tdoDownloadFormat', () => {
  test('maps the API versions 1.0 to 1.7 as the TDO reference lists them', () => {
    expect(['1.0', '1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7'].map(tdoDownloadFormat)).toEqual(
      ['html', 'csv', 'csv-seq', 'pipe', 'tsv-seq', 'x12-834', 'sqlite', 'alight'],
    );
  });

  test('1.2 and 1.4 are .txt files, 1.6 a SQLite database', () => {
    expect(EXPORT_FORMATS[tdoDownloadFormat('1.2')].extension).toBe('txt');
    expect(EXPORT_FORMATS[tdoDownloadFormat('1.4')].extension).toBe('txt');
    expect(EXPORT_FORMATS[tdoDownloadFormat('1.6')].contentType).toBe('application/vnd.sqlite3');
  });

  test.each(['1.8', '2.0', '', 'toString', '__proto__'])(
    '%j is INVALID_INPUT naming version',
    (version) => {
      const error = failure(() => tdoDownloadFormat(version));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.details).toEqual({ field: 'version' });
    },
  );

  test('lists exactly eight versions', () => {
    expect(Object.keys(TDO_DOWNLOAD_FORMATS)).toHaveLength(8);
  });
});
