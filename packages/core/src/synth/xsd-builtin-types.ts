import type { FieldNode } from './field-tree.js';

/** What a built-in XSD type means as a field: its kind and the facets it implies. */
export type BuiltinType = Pick<
  FieldNode,
  'kind' | 'format' | 'minimum' | 'maximum' | 'fractionDigits' | 'pattern' | 'anchored'
>;

const INT = (minimum: number, maximum: number): BuiltinType => ({
  kind: 'integer',
  minimum,
  maximum,
});

/**
 * The built-in types generation supports. Others (`QName`, `NOTATION`,
 * `duration`, `base64Binary`, …) are refused by name when a schema uses them.
 * Bounds of the 64-bit types stop at JavaScript's safe integers.
 */
export const XSD_BUILTIN_TYPES: Readonly<Record<string, BuiltinType>> = {
  string: { kind: 'string' },
  normalizedString: { kind: 'string' },
  token: { kind: 'string' },
  anyURI: { kind: 'string', format: 'uri' },
  boolean: { kind: 'boolean' },
  decimal: { kind: 'number' },
  float: { kind: 'number' },
  double: { kind: 'number' },
  integer: { kind: 'integer' },
  long: INT(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
  int: INT(-2147483648, 2147483647),
  short: INT(-32768, 32767),
  byte: INT(-128, 127),
  nonNegativeInteger: { kind: 'integer', minimum: 0 },
  positiveInteger: { kind: 'integer', minimum: 1 },
  nonPositiveInteger: { kind: 'integer', maximum: 0 },
  negativeInteger: { kind: 'integer', maximum: -1 },
  unsignedLong: INT(0, Number.MAX_SAFE_INTEGER),
  unsignedInt: INT(0, 4294967295),
  unsignedShort: INT(0, 65535),
  unsignedByte: INT(0, 255),
  date: { kind: 'string', format: 'date' },
  dateTime: { kind: 'string', format: 'date-time' },
  time: { kind: 'string', format: 'time' },
};
