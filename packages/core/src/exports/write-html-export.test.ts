import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, test } from 'vitest';
import { COLUMNS, NEUTRALISED, ROWS, exportText, safeRows } from '../testing/export-fixture.js';
import { writeHtmlExport } from './write-html-export.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const input = { block: 'people <&>', version: '1.0', columns: COLUMNS, rows: ROWS };

/** Every element named `tag` under a node, in document order. */
function all(node: Node, tag: string): Element[] {
  const found: Element[] = [];
  const visit = (n: Node) => {
    if ('tagName' in n && n.tagName === tag) found.push(n);
    if ('childNodes' in n) n.childNodes.forEach(visit);
  };
  visit(node);
  return found;
}

/** The text content of a node, as a browser's textContent. */
function text(node: Node): string {
  if (node.nodeName === '#text' && 'value' in node) return node.value;
  return 'childNodes' in node ? node.childNodes.map(text).join('') : '';
}

/** The table of an HTML export, parsed by parse5 (the WHATWG parsing algorithm). */
function table(html: string) {
  const errors: string[] = [];
  const document = parse(html, { onParseError: (e) => errors.push(e.code) });
  return {
    errors,
    title: text(all(document, 'title')[0]!),
    header: all(all(document, 'thead')[0]!, 'th').map(text),
    rows: all(all(document, 'tbody')[0]!, 'tr').map((tr) => all(tr, 'td').map(text)),
  };
}

describe('html export', () => {
  test('parses without an error into the header and every cell, formula-safe and unicode intact', async () => {
    const parsed = table(await exportText(writeHtmlExport(input)));
    expect(parsed.errors).toEqual([]);
    expect(parsed.title).toBe('people <&> 1.0');
    expect(parsed.header).toEqual(COLUMNS);
    // HTML reads every line break as LF.
    expect(parsed.rows).toEqual(safeRows().map((row) => row.map((c) => c.replace(/\r\n?/g, '\n'))));
  });

  test('neutralises every formula cell, the header included', async () => {
    const rows = NEUTRALISED.map(([cell]) => [cell]);
    const parsed = table(await exportText(writeHtmlExport({ ...input, columns: ['=h'], rows })));
    expect(parsed.header).toEqual(["'=h"]);
    expect(parsed.rows).toEqual(NEUTRALISED.map(([, neutral]) => [neutral]));
    expect(parsed.errors).toEqual([]);
  });

  test('markup in a cell stays text: no element is injected', async () => {
    const html = await exportText(
      writeHtmlExport({ ...input, columns: ['a'], rows: [['<script>alert(1)</script>']] }),
    );
    const document = parse(html);
    expect(all(document, 'script')).toEqual([]);
    expect(table(html).rows).toEqual([['<script>alert(1)</script>']]);
  });

  test('an empty block is a table with a header and an empty body', async () => {
    const parsed = table(await exportText(writeHtmlExport({ ...input, rows: [] })));
    expect(parsed.header).toEqual(COLUMNS);
    expect(parsed.rows).toEqual([]);
  });
});
