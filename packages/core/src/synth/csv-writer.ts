import { formulaSafeCell } from '../data-block/formula-safe-cell.js';
import type { FieldNode, SchemaTree } from './field-tree.js';
import { recordColumns } from './record-columns.js';
import type { SynthRecord } from './record-plan.js';
import { ROWS_PER_APPEND, type RecordWriter } from './record-writers.js';
import type { TextBytes } from './text-bytes.js';

/** The CSV text of one cell's value. */
type CellText = (value: unknown) => string;

/**
 * CSV (RFC 4180, CRLF): a header of column paths, then one line per record;
 * every text cell, header included, through `formulaSafeCell` so no cell
 * runs as a spreadsheet formula; null is an empty cell. How a column's
 * values become text is decided once per column from its field (numbers
 * straight through, enum values quoted and made safe ahead), so a cell costs
 * one call, not a chain of type tests.
 */
export function createCsvWriter(tree: SchemaTree): RecordWriter {
  const columns = recordColumns(tree);
  const width = columns.length;
  const keys = columns.map((c) => c.key);
  const reads = columns.map((c) => c.cell);
  const texts = columns.map((c) => cellText(c.node));
  const line = (record: SynthRecord): string => {
    let text = '';
    for (let i = 0; i < width; i++) {
      // Top-level fields are read straight off the record: the hot path.
      const key = keys[i]!;
      const cell = texts[i]!(key === null ? reads[i]!(record) : record[key]);
      text += i === 0 ? cell : `,${cell}`;
    }
    return `${text}\r\n`;
  };
  return {
    header: () => columns.map((c) => csvText(c.name)).join(',') + '\r\n',
    write(records) {
      let text = '';
      for (const record of records) text += line(record);
      return text;
    },
    encode(records, out: TextBytes) {
      let text = '';
      for (let i = 0; i < records.length; i++) {
        text += line(records[i]!);
        if (i % ROWS_PER_APPEND === ROWS_PER_APPEND - 1) {
          out.append(text);
          text = '';
        }
      }
      out.append(text);
    },
    footer: () => '',
  };
}

/** The text of any value: strings made safe and quoted, numbers and booleans as they print, objects as JSON. */
function anyText(value: unknown): string {
  if (typeof value === 'string') return csvText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value !== null && value !== undefined) return csvText(JSON.stringify(value));
  return '';
}

function cellText(node: FieldNode): CellText {
  if (node.kind === 'integer' || node.kind === 'number')
    return (value) => (typeof value === 'number' ? String(value) : anyText(value));
  if (node.kind === 'boolean')
    return (value) => (value === true ? 'true' : value === false ? 'false' : anyText(value));
  const values = node.enum ?? (node.const !== undefined ? [node.const] : undefined);
  if (node.kind === 'string' && values !== undefined) {
    // An enum's few values are made safe once; any other value takes the long way.
    const known = new Map<unknown, string>(values.map((v) => [v, anyText(v)]));
    return (value) => known.get(value) ?? anyText(value);
  }
  if (node.kind === 'string')
    return (value) => (typeof value === 'string' ? csvText(value) : anyText(value));
  return anyText;
}

function csvText(value: string): string {
  // Text starting with a digit or a printable ASCII character above '@'
  // cannot be a formula under formulaSafeCell's rule: skip its regexes on the
  // hot path (names, codes, dates, uuids), apply the rule to everything else.
  const first = value.charCodeAt(0);
  const text =
    (first >= 48 && first <= 57) || (first > 64 && first < 127) ? value : formulaSafeCell(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const NEEDS_QUOTES = /[",\r\n]/;
