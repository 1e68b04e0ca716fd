import { cellText } from './cell-text.js';
import { escapeMarkup } from './escape-markup.js';
import type { ExportInput } from './export-input.js';
import { textChunks } from './text-chunks.js';

/**
 * An XML 1.0 document: `<block name version>` holding one `<row>` per row,
 * each holding one `<cell column="…">` per column in column order (column
 * names need not be XML names, so they are attributes, not element names).
 * A null cell is empty with `null="true"`; every other cell is its text,
 * formula-safe and escaped.
 */
export function writeXmlExport(input: ExportInput): AsyncGenerator<string> {
  const columns = input.columns.map((column) => escapeMarkup(cellText(column)));
  return textChunks(input.rows, columns.length, {
    head:
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<block name="${escapeMarkup(input.block)}" version="${escapeMarkup(input.version)}">\n`,
    row: (cells) =>
      '<row>' +
      cells
        .map((value, index) =>
          value === null
            ? `<cell column="${columns[index]}" null="true"/>`
            : `<cell column="${columns[index]}">${escapeMarkup(cellText(value))}</cell>`,
        )
        .join('') +
      '</row>\n',
    tail: () => '</block>\n',
  });
}
