import type { SynthRecord } from './record-plan.js';
import type { TextBytes } from './text-bytes.js';

/**
 * Lines joined into one string before each append to a {@link TextBytes}:
 * few enough that the string stays small (a large joined string costs more
 * to encode than its parts), many enough that appends are few.
 */
export const ROWS_PER_APPEND = 64;

/**
 * Turns records into text in three steps, so a caller streams a file of any
 * size holding one batch at a time: the header, one chunk per batch, the footer.
 */
export interface RecordWriter {
  header(): string;
  write(records: readonly SynthRecord[]): string;
  /**
   * The same text as {@link write}, appended to a byte buffer as UTF-8: the
   * fast path to a file, which skips building and encoding one string per
   * batch. Writers without it are written through `write`.
   */
  encode?(records: readonly SynthRecord[], out: TextBytes): void;
  footer(): string;
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
    encode(records, out) {
      let text = '';
      for (let i = 0; i < records.length; i++) {
        text += (first ? '\n' : ',\n') + JSON.stringify(records[i]);
        first = false;
        if (i % ROWS_PER_APPEND === ROWS_PER_APPEND - 1) {
          out.append(text);
          text = '';
        }
      }
      out.append(text);
    },
    footer: () => (first ? ']\n' : '\n]\n'),
  };
}

/**
 * JSON Lines: one record per line. `JSON.stringify` of a whole record is
 * the engine's native serialiser, faster than any per-field assembly in
 * script, and it is what defines the bytes.
 */
export function createJsonLinesWriter(): RecordWriter {
  return {
    header: () => '',
    write(records) {
      let text = '';
      for (const record of records) text += JSON.stringify(record) + '\n';
      return text;
    },
    encode(records, out) {
      let text = '';
      for (let i = 0; i < records.length; i++) {
        text += JSON.stringify(records[i]) + '\n';
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
