import { describe, expect, it } from 'vitest';
import { failure } from '../testing/failure.js';
import { ORDER_XSD } from '../testing/synth-fixtures.js';
import { fieldAt } from './field-tree.js';
import { readXsd } from './read-xsd.js';
import { schemaRepr } from './schema-repr.js';

const wrap = (body: string, top = '') => `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:element name="r"><xs:complexType><xs:sequence>${body}</xs:sequence></xs:complexType></xs:element>${top}
</xs:schema>`;

describe('readXsd', () => {
  it('reads complex and simple types, restrictions, enumerations, occurrences, a choice and attributes', () => {
    const tree = readXsd(ORDER_XSD);
    expect(tree).toMatchObject({ language: 'xsd', recordName: 'order' });
    expect(fieldAt(tree, 'orderId')).toMatchObject({ kind: 'integer', minimum: 1, required: true });
    expect(fieldAt(tree, 'personId')).toMatchObject({
      kind: 'integer',
      minimum: -2147483648,
      maximum: 2147483647,
    });
    expect(fieldAt(tree, 'status')).toMatchObject({
      kind: 'string',
      enum: ['NEW', 'PAID', 'SHIPPED'],
    });
    expect(fieldAt(tree, 'placed')).toMatchObject({ format: 'date-time' });
    expect(fieldAt(tree, 'total')).toMatchObject({
      kind: 'number',
      minimum: 0,
      exclusiveMaximum: 10000,
      fractionDigits: 2,
    });
    expect(fieldAt(tree, 'note')).toMatchObject({ required: false });
    expect(fieldAt(tree, 'line')).toMatchObject({ kind: 'array', minItems: 1, required: true });
    expect(fieldAt(tree, 'line')!.maxItems).toBeUndefined();
    expect(fieldAt(tree, 'line[].sku')).toMatchObject({
      pattern: '[A-Z]{3}-\\d{3,5}',
      anchored: true,
      maxLength: 9,
    });
    expect(fieldAt(tree, 'line[].qty')).toMatchObject({
      kind: 'integer',
      minimum: 0,
      maximum: 65535,
    });
    const card = fieldAt(tree, 'card')!;
    expect(card.choiceGroup).toBeDefined();
    expect(fieldAt(tree, 'invoice')).toMatchObject({
      kind: 'boolean',
      choiceGroup: card.choiceGroup,
    });
    expect(fieldAt(tree, 'channel')).toMatchObject({
      attribute: true,
      required: true,
      enum: ['web', 'store'],
    });
  });

  it('gives the tree as a list of fields by path for building constraints', () => {
    const repr = schemaRepr(readXsd(ORDER_XSD));
    expect(repr.recordName).toBe('order');
    expect(repr.fields.map((f) => f.path)).toEqual([
      'channel',
      'orderId',
      'personId',
      'status',
      'placed',
      'total',
      'note',
      'line',
      'line[]',
      'line[].sku',
      'line[].qty',
      'card',
      'invoice',
    ]);
    expect(repr.fields.find((f) => f.path === 'status')!.constraints).toEqual({
      enum: ['NEW', 'PAID', 'SHIPPED'],
    });
  });

  it('takes the record element by name, a ref to a global element, and a fixed value', () => {
    const xsd = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
      <xs:element name="id" type="xs:string" fixed="X1"/>
      <xs:element name="r"><xs:complexType><xs:sequence><xs:element ref="id" maxOccurs="2"/></xs:sequence></xs:complexType></xs:element>
    </xs:schema>`;
    const tree = readXsd(xsd, { recordElement: 'r' });
    expect(fieldAt(tree, 'id')).toMatchObject({ kind: 'array', maxItems: 2 });
    expect(fieldAt(tree, 'id[]')).toMatchObject({ const: 'X1' });
  });

  it.each([
    [wrap('<xs:any/>'), 'xs:any in xs:sequence'],
    [wrap('<xs:element name="a" type="xs:duration"/>'), 'built-in type xs:duration'],
    [
      wrap(
        '<xs:element name="a"><xs:simpleType><xs:union memberTypes="xs:int xs:date"/></xs:simpleType></xs:element>',
      ),
      'xs:simpleType by union',
    ],
    [
      wrap(
        '<xs:element name="a"><xs:simpleType><xs:list itemType="xs:int"/></xs:simpleType></xs:element>',
      ),
      'xs:simpleType by list',
    ],
    [
      wrap(
        '<xs:element name="a"><xs:complexType><xs:complexContent><xs:extension base="T"/></xs:complexContent></xs:complexType></xs:element>',
      ),
      'xs:complexContent in xs:complexType',
    ],
    [
      wrap('<xs:element name="a" substitutionGroup="b"/>'),
      'xs:element attribute substitutionGroup',
    ],
    [wrap('<xs:group ref="g"/>'), 'xs:group in xs:sequence'],
    [wrap('', '<xs:import namespace="urn:x"/>'), 'xs:import at the top level'],
    [
      wrap('<xs:element name="a" type="T"/>', '<xs:complexType name="T" mixed="true"/>'),
      'xs:complexType attribute mixed',
    ],
    [
      wrap(
        '<xs:element name="a"><xs:simpleType><xs:restriction base="xs:string"><xs:assertion test="true()"/></xs:restriction></xs:simpleType></xs:element>',
      ),
      'facet xs:assertion',
    ],
    [
      wrap(
        '<xs:element name="a" type="xs:date"><xs:annotation/></xs:element><xs:element name="b"><xs:simpleType><xs:restriction base="xs:date"><xs:minInclusive value="2020-01-01"/></xs:restriction></xs:simpleType></xs:element>',
      ),
      'xs:minInclusive on a date',
    ],
  ])('refuses an unsupported construct by name (%#)', (xsd, construct) => {
    const error = failure(() => readXsd(xsd));
    expect(error.code).toBe('UNSUPPORTED_SCHEMA');
    expect(error.message).toContain(construct);
  });

  it('refuses what cannot be read: broken XML, not a schema, an undefined type', () => {
    expect(failure(() => readXsd('<xs:schema')).code).toBe('INVALID_SCHEMA');
    expect(failure(() => readXsd('<root/>')).code).toBe('INVALID_SCHEMA');
    const undefinedType = failure(() => readXsd(wrap('<xs:element name="a" type="Nope"/>')));
    expect(undefinedType).toMatchObject({ code: 'INVALID_SCHEMA', details: { path: 'a' } });
  });
});
