import type { Value } from '../model/block-version.js';
import { cellText } from './cell-text.js';
import { escapeMarkup } from './escape-markup.js';
import type { ExportInput } from './export-input.js';
import { textChunks } from './text-chunks.js';

/**
 * An HTML5 document holding one table: the column names in `thead`, one
 * `tr` per row in `tbody`, every cell formula-safe (spreadsheets open HTML
 * tables too) and escaped; `null` is an empty cell. A reader gets a
 * cell's CRLF or CR as LF, as HTML normalises line breaks. The title names the
 * block and version.
 */
export function writeHtmlExport(input: ExportInput): AsyncGenerator<string> {
  const title = escapeMarkup(`${input.block} ${input.version}`, 'html');
  const cell = (tag: string) => (value: Value) =>
    `<${tag}>${escapeMarkup(cellText(value), 'html')}</${tag}>`;
  return textChunks(input.rows, input.columns.length, {
    head:
      '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
      `<title>${title}</title>\n</head>\n<body>\n<table>\n<thead>\n<tr>` +
      input.columns.map(cell('th')).join('') +
      '</tr>\n</thead>\n<tbody>\n',
    row: (cells) => `<tr>${cells.map(cell('td')).join('')}</tr>\n`,
    tail: () => '</tbody>\n</table>\n</body>\n</html>\n',
  });
}
