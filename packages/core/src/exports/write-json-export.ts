import type { ExportInput } from './export-input.js';
import { textChunks } from './text-chunks.js';

/**
 * An array of row objects with the values as stored, the same text the
 * table writer gives for JSON. Not made formula-safe: JSON is read by
 * programs, which must get the values as they are.
 */
export function writeJsonExport(input: ExportInput): AsyncGenerator<string> {
  const { columns } = input;
  return textChunks(input.rows, columns.length, {
    head: '[',
    row: (cells, index) => {
      const object: Record<string, unknown> = {};
      columns.forEach((column, i) => (object[column] = cells[i]));
      return (index === 0 ? '' : ',') + JSON.stringify(object);
    },
    tail: () => ']',
  });
}
