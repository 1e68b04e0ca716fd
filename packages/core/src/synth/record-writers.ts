import { formulaSafeCell } from '../data-block/formula-safe-cell.js';
import type { SchemaTree } from './field-tree.js';
import { recordColumns } from './record-columns.js';
import type { SynthRecord } from './record-plan.js';

/**
 * Turns records into text in three steps, so a caller streams a file of any
 * size holding one batch at a time: the header, one chunk per batch, the footer.
 */
export interface RecordWriter {
  header(): string;
  write(records: readonly SynthRecord[]): string;
  footer(): string;
}

/**
 * CSV (RFC 4180, CRLF): a header of column paths, then one line per record;
 * every text cell, header included, through `formulaSafeCell` so no cell
 * runs as a spreadsheet formula; null is an empty cell.
 */
export function createCsvWriter(tree: SchemaTree): RecordWriter {
  const columns = recordColumns(tree);
  const keys = columns.map((c) => c.key);
  const cells = columns.map((c) => c.cell);
  return {
    header: () => columns.map((c) => csvText(c.name)).join(',') + '\r\n',
    write(records) {
      let text = '';
      for (const record of records) {
        for (let i = 0; i < keys.length; i++) {
          // Top-level fields are read straight off the record: the hot path.
          const key = keys[i]!;
          const value = key === null ? cells[i]!(record) : record[key];
          if (i > 0) text += ',';
          if (typeof value === 'string') text += csvText(value);
          else if (typeof value === 'number' || typeof value === 'boolean') text += String(value);
          else if (value !== null && value !== undefined) text += csvText(JSON.stringify(value));
        }
        text += '\r\n';
      }
      return text;
    },
    footer: () => '',
  };
}

function csvText(value: string): string {
  // Text starting with a digit or a printable ASCII character above '@'
  // cannot be a formula under formulaSafeCell's rule: skip its regexes on the
  // hot path (names, codes, dates, uuids), apply the rule to everything else.
  const first = value.charCodeAt(0);
  const text =
    (first >= 48 && first <= 57) || (first > 64 && first < 127) ? value : formulaSafeCell(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A JSON array of the records, one record per line; values as generated. */
export function createJsonWriter(): RecordWriter {
  let first = true;
  return {
    header: () => '[',
    write(records) {
      let text = '';
      for (const record of records) {
        text += (first ? '\n' : ',\n') + JSON.stringify(record);
        first = false;
      }
      return text;
    },
    footer: () => (first ? ']\n' : '\n]\n'),
  };
}

/** JSON Lines: one record per line. */
export function createJsonLinesWriter(): RecordWriter {
  return {
    header: () => '',
    write(records) {
      let text = '';
      for (const record of records) text += JSON.stringify(record) + '\n';
      return text;
    },
    footer: () => '',
  };
}
