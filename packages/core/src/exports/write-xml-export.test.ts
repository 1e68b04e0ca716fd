import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { COLUMNS, NEUTRALISED, ROWS, exportText, safe } from '../testing/export-fixture.js';
import { escapeMarkup } from './escape-markup.js';
import { writeXmlExport } from './write-xml-export.js';

const input = { block: 'people "x" & <y>', version: '1.4', columns: COLUMNS, rows: ROWS };

interface Cell {
  '#text'?: string;
  '@_column': string;
  '@_null'?: string;
}

/** An XML export parsed by fast-xml-parser, values kept as strings and untrimmed. */
function read(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    ignoreDeclaration: true,
    htmlEntities: true,
    isArray: (name) => name === 'row' || name === 'cell',
  });
  const document = parser.parse(xml) as {
    block: { '@_name': string; '@_version': string; row?: { cell: Cell[] }[] };
  };
  const rows = (document.block.row ?? []).map((row) =>
    row.cell.map((cell) => ({
      column: cell['@_column'],
      value: cell['@_null'] === 'true' ? null : (cell['#text'] ?? ''),
    })),
  );
  return { name: document.block['@_name'], version: document.block['@_version'], rows };
}

describe('xml export', () => {
  test('is well-formed and reads back: every cell with its column, formula-safe, nulls marked', async () => {
    const parsed = read(await exportText(writeXmlExport(input)));
    expect(parsed.name).toBe(input.block);
    expect(parsed.version).toBe('1.4');
    expect(parsed.rows).toEqual(
      ROWS.map((row) =>
        row.map((value, i) => ({ column: COLUMNS[i], value: value === null ? null : safe(value) })),
      ),
    );
  });

  test('neutralises every formula cell, column names included', async () => {
    const rows = NEUTRALISED.map(([cell]) => [cell]);
    const parsed = read(await exportText(writeXmlExport({ ...input, columns: ['=h'], rows })));
    expect(parsed.rows).toEqual(
      NEUTRALISED.map(([, neutral]) => [{ column: "'=h", value: neutral }]),
    );
  });

  test('an empty block is the block element alone', async () => {
    const xml = await exportText(writeXmlExport({ ...input, rows: [] }));
    expect(read(xml).rows).toEqual([]);
  });
});

describe('escapeMarkup', () => {
  test('escapes markup and keeps tab, LF and CR through a parser', () => {
    expect(escapeMarkup(`<a href="x">&'\t\n\r`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;&#39;&#9;&#10;&#13;',
    );
  });

  test('for HTML keeps tab and line breaks raw: a reference to CR is an HTML parse error', () => {
    expect(escapeMarkup(`<&'\t\r\n\u0000`, 'html')).toBe('&lt;&amp;&#39;\t\r\n\uFFFD');
  });

  test('replaces what XML cannot hold: controls, U+FFFE, lone surrogates; keeps astral pairs', () => {
    expect(escapeMarkup('a\u0000b\u001Fc\uFFFEd\uD800e\uDC00f🍣')).toBe(
      'a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf🍣',
    );
  });

  test('whatever the text, the document it goes into stays well-formed', () => {
    const nasty =
      Array.from({ length: 0x80 }, (_, i) => String.fromCharCode(i)).join('') + '\uD83C';
    const xml = `<a b="${escapeMarkup(nasty)}">${escapeMarkup(nasty)}</a>`;
    expect(XMLValidator.validate(xml)).toBe(true);
  });
});
