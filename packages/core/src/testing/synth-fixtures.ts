import { readSchema } from '../synth/read-schema.js';
import type { EntitySpec } from '../synth/generate-entities.js';

/** A JSON Schema (2020-12) using most of what the reader supports. */
export const PERSON_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'person',
  type: 'object',
  required: ['id', 'name', 'email', 'status', 'start_date', 'end_date', 'address'],
  properties: {
    id: { type: 'integer', minimum: 1 },
    name: { type: 'string', minLength: 2, maxLength: 30 },
    email: { type: 'string', format: 'email' },
    status: { $ref: '#/$defs/status' },
    score: { type: 'number', minimum: 0, maximum: 100, multipleOf: 0.5 },
    code: { type: 'string', pattern: '^[A-Z]{2}-\\d{4}$' },
    start_date: { type: 'string', format: 'date' },
    end_date: { type: 'string', format: 'date' },
    nickname: { type: ['string', 'null'], maxLength: 12 },
    tags: {
      type: 'array',
      items: { enum: ['a', 'b', 'c', '=cmd'] },
      minItems: 1,
      maxItems: 3,
      uniqueItems: true,
    },
    address: {
      type: 'object',
      required: ['city'],
      properties: { city: { type: 'string' }, zip: { type: 'string', pattern: '^\\d{5}$' } },
    },
    contact: {
      oneOf: [
        {
          type: 'object',
          required: ['phone'],
          properties: { phone: { type: 'string', pattern: '^\\+1-\\d{3}$' } },
          additionalProperties: false,
        },
        {
          type: 'object',
          required: ['fax'],
          properties: { fax: { type: 'integer' } },
          additionalProperties: false,
        },
      ],
    },
    kind: { const: 'person' },
  },
  additionalProperties: false,
  $defs: { status: { type: 'string', enum: ['active', 'locked', 'closed'] } },
} as const;

/** An XSD with named and inline types, restrictions, occurrences, a choice and an attribute. */
export const ORDER_XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:element name="order" type="OrderType"/>
  <xs:complexType name="OrderType">
    <xs:sequence>
      <xs:element name="orderId" type="xs:positiveInteger"/>
      <xs:element name="personId" type="xs:int"/>
      <xs:element name="status" type="Status"/>
      <xs:element name="placed" type="xs:dateTime"/>
      <xs:element name="total">
        <xs:simpleType>
          <xs:restriction base="xs:decimal">
            <xs:minInclusive value="0"/>
            <xs:maxExclusive value="10000"/>
            <xs:fractionDigits value="2"/>
          </xs:restriction>
        </xs:simpleType>
      </xs:element>
      <xs:element name="note" type="xs:string" minOccurs="0"/>
      <xs:element name="line" minOccurs="1" maxOccurs="unbounded">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="sku" type="Sku"/>
            <xs:element name="qty" type="xs:unsignedShort"/>
          </xs:sequence>
        </xs:complexType>
      </xs:element>
      <xs:choice>
        <xs:element name="card" type="Sku"/>
        <xs:element name="invoice" type="xs:boolean"/>
      </xs:choice>
    </xs:sequence>
    <xs:attribute name="channel" use="required">
      <xs:simpleType>
        <xs:restriction base="xs:token">
          <xs:enumeration value="web"/>
          <xs:enumeration value="store"/>
        </xs:restriction>
      </xs:simpleType>
    </xs:attribute>
  </xs:complexType>
  <xs:simpleType name="Status">
    <xs:restriction base="xs:string">
      <xs:enumeration value="NEW"/>
      <xs:enumeration value="PAID"/>
      <xs:enumeration value="SHIPPED"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="Sku">
    <xs:restriction base="xs:string">
      <xs:pattern value="[A-Z]{3}-\\d{3,5}"/>
      <xs:maxLength value="9"/>
    </xs:restriction>
  </xs:simpleType>
</xs:schema>`;

/** Two entities: people, and orders whose personId references a person. */
export function peopleAndOrders(people = 40, orders = 120): EntitySpec[] {
  return [
    {
      name: 'orders',
      schema: readSchema(ORDER_XSD),
      count: orders,
      constraints: {
        fields: {
          personId: { reference: { entity: 'people', field: 'id' } },
          note: { nullRatio: 0.5 },
        },
      },
    },
    {
      name: 'people',
      schema: readSchema(PERSON_SCHEMA),
      count: people,
      constraints: {
        fields: {
          id: { unique: true },
          status: { enum: ['active', 'locked'], weights: [3, 1] },
          nickname: { nullRatio: 0.25 },
          start_date: { min: '2020-01-01', max: '2024-12-31' },
        },
        rules: [{ field: 'end_date', op: '>=', other: 'start_date' }],
      },
    },
  ];
}
