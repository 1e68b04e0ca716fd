import { CsvError, parse } from 'csv-parse/sync';
import type { InfoRecord } from 'csv-parse/sync';
import { AllotError } from '../errors.js';
import type { Table } from '../model/block-version.js';

/** What csv-parse hands `on_record` when its `raw` option is on. */
interface RawRecord {
  record: string[];
  raw: string;
}

/**
 * Parses CSV text (RFC 4180: quoted fields may hold commas, quotes and line
 * breaks; LF or CRLF; an optional UTF-8 BOM) into a table whose first record
 * is the header. Cells stay strings, `""` when empty. Blank lines are skipped.
 *
 * @param source - the file name, used to start every error message
 * @throws AllotError `INVALID_DATA` for an empty file, a missing or invalid
 *   header, a row whose field count differs from the header's (with the line
 *   the row starts on), or malformed quoting (with its line)
 */
export function parseCsv(text: string, source: string): Table {
  if (text.length === 0 || text === '\ufeff') {
    throw invalid(source, 'the file is empty');
  }
  const reader = new RecordReader(source);
  try {
    parse(text, {
      bom: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: (value: unknown, context: InfoRecord) => reader.read(value as RawRecord, context),
    });
  } catch (error) {
    if (error instanceof CsvError) throw malformed(source, error, reader.nextLine());
    throw error;
  }
  return reader.table();
}

/**
 * Collects records as csv-parse emits them, so that a ragged row fails at once
 * and the line it starts on is known: csv-parse only reports the line a
 * record ends on, which differs when a quoted field spans lines.
 */
class RecordReader {
  private columns: string[] | null = null;
  private readonly rows: string[][] = [];
  private lastLine = 0;

  constructor(private readonly source: string) {}

  read({ record, raw }: RawRecord, context: InfoRecord): null {
    const firstLine = this.lastLine + 1;
    this.lastLine = context.lines;
    if (isBlankLine(record, raw)) return null;
    if (this.columns === null) {
      this.columns = checkHeader(record, firstLine, this.source);
    } else if (record.length !== this.columns.length) {
      throw raggedRow(this.source, firstLine, record.length, this.columns.length);
    } else {
      this.rows.push(record);
    }
    // Rows are kept here rather than in csv-parse's own array, which would hold them twice.
    return null;
  }

  /** The line the record being read starts on. */
  nextLine(): number {
    return this.lastLine + 1;
  }

  table(): Table {
    if (this.columns === null) throw invalid(this.source, 'the file has no header line');
    return { columns: this.columns, rows: this.rows };
  }
}

function isBlankLine(record: string[], raw: string): boolean {
  // `""` also parses to one empty field, but it is a value, not a blank line.
  return record.length === 1 && record[0] === '' && raw.trim() === '';
}

function checkHeader(header: string[], line: number, source: string): string[] {
  const seen = new Map<string, number>();
  header.forEach((name, index) => {
    if (name.trim() === '') {
      throw invalid(source, `line ${line}: column ${index + 1} of the header has no name`, {
        line,
        position: index + 1,
      });
    }
    const first = seen.get(name);
    if (first !== undefined) {
      throw invalid(
        source,
        `line ${line}: duplicate column name "${name}" (columns ${first + 1} and ${index + 1})`,
        { line, column: name },
      );
    }
    seen.set(name, index);
  });
  return header;
}

function raggedRow(source: string, line: number, fields: number, expected: number): AllotError {
  return invalid(
    source,
    `line ${line}: the row has ${fields} field(s) but the header has ${expected} column(s)`,
    { line, fields, expected },
  );
}

function malformed(source: string, error: CsvError, recordLine: number): AllotError {
  // csv-parse finds an unclosed quote only at the end of the file; the row it opened in helps more.
  const unclosed = error.code === 'CSV_QUOTE_NOT_CLOSED';
  const line = unclosed || typeof error['lines'] !== 'number' ? recordLine : error['lines'];
  const reason = unclosed ? 'a quoted field opened in this row is never closed' : error.message;
  return new AllotError(
    'INVALID_DATA',
    `${source}: line ${line}: malformed CSV: ${reason}`,
    { source, line, csvCode: error.code },
    { cause: error },
  );
}

function invalid(
  source: string,
  message: string,
  details: Record<string, unknown> = {},
): AllotError {
  return new AllotError('INVALID_DATA', `${source}: ${message}`, { source, ...details });
}
