import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { peopleAndOrders } from '../testing/synth-fixtures.js';
import { generateEntities, generateRecords } from './generate-entities.js';
import { readSchema } from './read-schema.js';
import { recordColumns } from './record-columns.js';
import type { SynthRecord } from './record-plan.js';
import { createJsonLinesWriter, createJsonWriter, type RecordWriter } from './record-writers.js';
import { createCsvWriter } from './csv-writer.js';
import { toBlockVersion } from './to-block-version.js';
import { valueProblem } from './value-check.js';
import { writeDataset } from './write-dataset.js';
import { createXmlWriter } from './xml-writer.js';

const whole = (writer: RecordWriter, batches: SynthRecord[][]) =>
  writer.header() + batches.map((b) => writer.write(b)).join('') + writer.footer();

function entities(people = 20, orders = 40): { people: SynthRecord[]; orders: SynthRecord[] } {
  const out: Record<string, SynthRecord[]> = { people: [], orders: [] };
  for (const batch of generateEntities({ entities: peopleAndOrders(people, orders), seed: 3 })) {
    out[batch.entity]!.push(...batch.records);
  }
  return { people: out.people!, orders: out.orders! };
}

describe('record writers', () => {
  it('CSV: a header of paths, quoting per RFC 4180, and no cell a spreadsheet would run', () => {
    const schema = readSchema({
      type: 'object',
      required: ['f', 'n'],
      properties: {
        f: { type: 'string' },
        n: { type: 'object', properties: { x: { type: ['integer', 'null'] } } },
      },
    });
    const rows = [
      { f: '=1+2', n: { x: 1 } },
      { f: '@SUM(A1)', n: { x: null } },
      { f: '-3', n: {} },
      { f: 'plain, "quoted"', n: { x: -4 } },
      { f: ' +cmd', n: { x: 0 } },
    ];
    const csv = whole(createCsvWriter(schema), [rows]);
    expect(csv).toBe(
      'f,n.x\r\n\'=1+2,1\r\n\'@SUM(A1),\r\n-3,\r\n"plain, ""quoted""",-4\r\n\' +cmd,0\r\n',
    );
  });

  it('JSON and JSON Lines hold the records as generated', () => {
    const { people } = entities();
    const batches = [people.slice(0, 7), people.slice(7)];
    expect(JSON.parse(whole(createJsonWriter(), batches))).toEqual(people);
    expect(JSON.parse(whole(createJsonWriter(), []))).toEqual([]);
    const lines = whole(createJsonLinesWriter(), batches).trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual(people);
  });

  it("XML follows the XSD's shape and reads back into valid records", () => {
    const [orderSpec] = peopleAndOrders();
    const { orders } = entities();
    const xml = whole(createXmlWriter(orderSpec!.schema, { wrapper: 'orders' }), [orders]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name) => name === 'order' || name === 'line',
      parseTagValue: true,
      numberParseOptions: { leadingZeros: false, hex: false },
    }).parse(xml) as { orders: { order: SynthRecord[] } };
    expect(parsed.orders.order).toHaveLength(orders.length);
    for (const [i, order] of parsed.orders.order.entries()) {
      // Text comes back typed by the parser; SKUs and the like stay text.
      expect(order.channel).toBe(orders[i]!.channel);
      expect(order.orderId).toBe(orders[i]!.orderId);
      expect((order.line as unknown[]).length).toBe((orders[i]!.line as unknown[]).length);
      expect(valueProblem(orderSpec!.schema.root, orders[i])).toBeNull();
    }
  });

  it('XML writes a oneOf value in the shape of the variant it matches', () => {
    const schema = readSchema({
      title: 'contact',
      type: 'object',
      properties: {
        via: {
          oneOf: [
            { type: 'object', required: ['phone'], properties: { phone: { type: 'string' } } },
            { type: 'array', items: { type: 'string' } },
          ],
        },
      },
    });
    const xml = whole(createXmlWriter(schema), [[{ via: { phone: '555' } }, { via: ['a', 'b'] }]]);
    expect(xml).toContain('<via>\n      <phone>555</phone>\n    </via>');
    expect(xml).toContain('<via>a</via>\n    <via>b</via>');
  });

  it("XML puts records in the XSD's target namespace, children too when qualified", () => {
    const xsd = (
      form: string,
    ) => `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" ${form}>
      <xs:element name="r"><xs:complexType><xs:sequence><xs:element name="a" type="xs:boolean"/></xs:sequence></xs:complexType></xs:element>
    </xs:schema>`;
    const write = (form: string) => createXmlWriter(readSchema(xsd(form))).write([{ a: true }]);
    expect(write('elementFormDefault="qualified"')).toBe(
      '  <r xmlns="urn:t">\n    <a>true</a>\n  </r>\n',
    );
    expect(write('')).toBe('  <r:r xmlns:r="urn:t">\n    <a>true</a>\n  </r:r>\n');
  });

  it('SQL: every CREATE TABLE first in dependency order, a foreign key, then the inserts', async () => {
    let sql = '';
    let closed = 0;
    const sink = { write: (chunk: string) => void (sql += chunk), close: () => void closed++ };
    await writeDataset({
      entities: peopleAndOrders(5, 9),
      seed: 1,
      batchSize: 4,
      formats: ['sql'],
      sink: () => sink,
    });
    expect(closed).toBe(1);
    const statements = sql
      .split(';\n')
      .filter((s) => s !== '')
      .map((s) => s.split(' (')[0]);
    expect(statements).toEqual([
      'CREATE TABLE "people"',
      'CREATE TABLE "orders"',
      'INSERT INTO "people"',
      'INSERT INTO "people"',
      'INSERT INTO "orders"',
      'INSERT INTO "orders"',
      'INSERT INTO "orders"',
    ]);
    expect(sql).toContain('PRIMARY KEY ("id")');
    expect(sql).toContain('FOREIGN KEY ("personId") REFERENCES "people" ("id")');
    expect(sql.match(/^\(/gm)).toHaveLength(14);
  });

  it('turns records into a data block version with the CSV columns', () => {
    const schema = peopleAndOrders()[1]!.schema;
    const batches = [...generateRecords({ schema, count: 12, seed: 5, batchSize: 5 })];
    const version = toBlockVersion({ block: 'people', schema, records: batches, keyColumn: 'id' });
    expect(version.columns).toEqual(recordColumns(schema).map((c) => c.name));
    expect(version.columns).toContain('address.city');
    expect(version.rows).toHaveLength(12);
    expect(version.rows.map((r) => r[0])).toEqual(batches.flat().map((r) => r.id));
    expect(version).toMatchObject({ block: 'people', keyColumn: 'id', origin: 'import' });
  });
});
