import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { writeTable } from '../data-block/write-table.js';
import {
  COLUMNS,
  NEUTRALISED,
  ROWS,
  exportText,
  safe,
  safeRows,
} from '../testing/export-fixture.js';
import {
  SEQUENCE_COLUMN,
  writeDelimitedExport,
  type DelimitedExportFormat,
} from './write-delimited-export.js';
import { writeJsonExport } from './write-json-export.js';

const input = { block: 'people', version: '1.2', columns: COLUMNS, rows: ROWS };
const DELIMITER = { csv: ',', tsv: '\t', pipe: '|', 'csv-seq': ',', 'tsv-seq': '\t' } as const;

/** The records of a delimited text, parsed by csv-parse (RFC 4180 quoting, any delimiter). */
function records(text: string, delimiter: string): string[][] {
  return parse(text, {
    delimiter,
    record_delimiter: '\r\n',
    relax_column_count: false,
  }) as string[][];
}

describe('delimited exports', () => {
  test.each(['csv', 'tsv', 'pipe'] as const)(
    '%s reads back through csv-parse: header, then every cell formula-safe, unicode intact',
    async (format) => {
      const text = await exportText(writeDelimitedExport(format, input));
      expect(records(text, DELIMITER[format])).toEqual([COLUMNS, ...safeRows()]);
    },
  );

  test.each(['csv', 'tsv', 'pipe'] as const)(
    '%s is byte for byte what the table writer gives',
    async (format) => {
      const text = await exportText(writeDelimitedExport(format, input));
      expect(text).toBe(writeTable(format, COLUMNS, ROWS));
    },
  );

  test.each(['csv-seq', 'tsv-seq'] as const)(
    '%s leads the header with seq and every record with its number from 1',
    async (format: DelimitedExportFormat) => {
      const text = await exportText(writeDelimitedExport(format, input));
      const parsed = records(text, DELIMITER[format]);
      expect(parsed[0]).toEqual([SEQUENCE_COLUMN, ...COLUMNS]);
      expect(parsed.slice(1)).toEqual(safeRows().map((row, i) => [String(i + 1), ...row]));
    },
  );

  test.each(['csv', 'tsv', 'pipe', 'csv-seq', 'tsv-seq'] as const)(
    '%s neutralises every formula cell',
    async (format) => {
      const rows = NEUTRALISED.map(([cell]) => ['=h', cell]);
      const text = await exportText(
        writeDelimitedExport(format, { ...input, columns: ['=h', 'cell'], rows }),
      );
      const parsed = records(text, DELIMITER[format]).map((r) => r.slice(-2));
      expect(parsed).toEqual([
        ["'=h", 'cell'],
        ...NEUTRALISED.map(([, neutral]) => ["'=h", neutral]),
      ]);
    },
  );

  test.each(['csv', 'tsv-seq'] as const)(
    '%s of an empty block is the header alone',
    async (format) => {
      const text = await exportText(writeDelimitedExport(format, { ...input, rows: [] }));
      expect(records(text, DELIMITER[format])).toHaveLength(1);
    },
  );

  test('short rows get empty cells, long rows are cut to the columns', async () => {
    const text = await exportText(
      writeDelimitedExport('csv', {
        ...input,
        columns: ['a', 'b'],
        rows: [['1'], ['1', '2', '3']],
      }),
    );
    expect(text).toBe('a,b\r\n1,\r\n1,2\r\n');
  });

  test('reads rows from an async source', async () => {
    async function* rows() {
      yield ['1', '=x'];
      yield ['2', null];
    }
    const text = await exportText(
      writeDelimitedExport('pipe', { ...input, columns: ['a', 'b'], rows: rows() }),
    );
    expect(text).toBe(`a|b\r\n1|${safe('=x')}\r\n2|\r\n`);
  });
});

describe('json export', () => {
  test('is the table writer JSON: row objects with the values as stored, formulas untouched', async () => {
    const text = await exportText(writeJsonExport(input));
    expect(text).toBe(writeTable('json', COLUMNS, ROWS));
    expect(JSON.parse(text)).toEqual(
      ROWS.map((row) => Object.fromEntries(COLUMNS.map((c, i) => [c, row[i]]))),
    );
  });

  test('of an empty block is an empty array', async () => {
    expect(await exportText(writeJsonExport({ ...input, rows: [] }))).toBe('[]');
  });
});
