/** Customers: a unique id other entities reference, weighted statuses, a date rule. */
export const CUSTOMER_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'customers',
  type: 'object',
  required: ['id', 'email', 'status', 'since', 'until'],
  properties: {
    id: { type: 'integer', minimum: 1, maximum: 1_000_000 },
    email: { type: 'string', format: 'email' },
    status: { type: 'string', enum: ['active', 'locked', 'closed'] },
    since: { type: 'string', format: 'date' },
    until: { type: 'string', format: 'date' },
  },
};

/** The customers' constraint set: `id` is the key accounts reference. */
export const CUSTOMER_CONSTRAINTS = {
  fields: {
    id: { unique: true },
    status: { enum: ['active', 'locked'], weights: [3, 1] },
  },
  rules: ['until >= since'],
};

/** Accounts, each of one customer. */
export const ACCOUNT_XSD = `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:element name="accounts">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="number" type="xs:string"/>
        <xs:element name="customer" type="xs:integer"/>
        <xs:element name="balance">
          <xs:simpleType>
            <xs:restriction base="xs:decimal">
              <xs:minInclusive value="0"/>
              <xs:maxInclusive value="10000"/>
              <xs:fractionDigits value="2"/>
            </xs:restriction>
          </xs:simpleType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>`;

/** The accounts' constraint set: numbers unique and shaped, customers from the customers' ids. */
export const ACCOUNT_CONSTRAINTS = {
  fields: {
    number: { pattern: 'AC-[0-9]{8}', unique: true },
    customer: { reference: { entity: 'customers', field: 'id' } },
  },
};
