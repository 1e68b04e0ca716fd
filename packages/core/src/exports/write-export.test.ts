import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { COLUMNS, countedRows, exportText } from '../testing/export-fixture.js';
import { failure } from '../testing/failure.js';
import { EXPORT_FORMATS, EXPORT_FORMAT_NAMES, type ExportFormat } from './export-format.js';
import { CHUNK_CHARS } from './text-chunks.js';
import { collectExport, writeExport } from './write-export.js';

const STREAMED = EXPORT_FORMAT_NAMES.filter((format) => EXPORT_FORMATS[format].streamed);

describe('writeExport', () => {
  test('has one writer for each of the twelve formats, every one writing the block', async () => {
    expect(EXPORT_FORMAT_NAMES).toHaveLength(12);
    for (const format of EXPORT_FORMAT_NAMES) {
      const { rows } = countedRows(3);
      const bytes = await collectExport(
        writeExport(format, { block: 'b', version: '1.0', columns: COLUMNS, rows }),
      );
      expect(bytes.length, format).toBeGreaterThan(0);
    }
  });

  test('an unknown format is INVALID_INPUT naming format', () => {
    const error = failure(() =>
      writeExport('xlsx' as ExportFormat, { block: 'b', version: '1.0', columns: ['a'], rows: [] }),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details).toEqual({ field: 'format' });
  });

  test('a block without columns is INVALID_INPUT naming columns', () => {
    const error = failure(() =>
      writeExport('csv', { block: 'b', version: '1.0', columns: [], rows: [] }),
    );
    expect(error.details).toEqual({ field: 'columns' });
  });

  test.each(STREAMED)(
    '%s pulls only the rows of its next chunk: the block is never held whole',
    async (format) => {
      const { state, rows } = countedRows(100_000);
      const chunks = writeExport(format, { block: 'b', version: '1.0', columns: COLUMNS, rows })[
        Symbol.asyncIterator
      ]();
      const first = await chunks.next();
      expect(first.done).toBe(false);
      // Every format writes at least ~20 characters a row, so one chunk holds a few thousand rows at most.
      expect(state.pulled).toBeLessThan(CHUNK_CHARS / 20);
      const second = await chunks.next();
      expect(second.done).toBe(false);
      expect(state.pulled).toBeLessThan((2 * CHUNK_CHARS) / 20);
      await chunks.return?.(undefined);
    },
  );

  test.each([
    ['csv', 1_000_000],
    ['x12-834', 250_000],
  ] as const)(
    'a %s export of %i rows streams in constant memory',
    async (format, count) => {
      // A forced collection before each sample measures what the export keeps, not its garbage.
      setFlagsFromString('--expose-gc');
      const gc = runInNewContext('gc') as () => void;
      const { state, rows } = countedRows(count);
      gc();
      const before = process.memoryUsage().heapUsed;
      let peak = 0;
      let bytes = 0;
      let chunks = 0;
      const input = { block: 'b', version: '1.0', columns: COLUMNS, rows };
      for await (const chunk of writeExport(format, input)) {
        bytes += chunk.length;
        // From the first chunk on: a writer that buffered the block would hold it then.
        if (++chunks % 256 === 1) {
          gc();
          peak = Math.max(peak, process.memoryUsage().heapUsed - before);
        }
      }
      expect(state.pulled).toBe(count);
      expect(bytes).toBeGreaterThan(20_000_000);
      // Tens of megabytes written; what the export holds stays within a few chunks.
      expect(peak).toBeLessThan(8_000_000);
    },
    120_000,
  );

  test('text formats give the same bytes however the rows arrive', async () => {
    const input = { block: 'b', version: '1.0', columns: ['a'], rows: [['=1'], ['é']] };
    async function* rows() {
      yield* input.rows;
    }
    for (const format of STREAMED) {
      expect(await exportText(writeExport(format, { ...input, rows: rows() }))).toBe(
        await exportText(writeExport(format, input)),
      );
    }
  });
});
