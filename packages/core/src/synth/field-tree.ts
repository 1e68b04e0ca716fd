/**
 * The one shape both schema languages are read into. JSON Schema and XSD
 * differ in syntax, not in what generation needs: a tree of fields, each with
 * a kind and the constraints its values must meet.
 */

/** A scalar cell value, as records hold them. */
export type ScalarValue = string | number | boolean | null;

/** What a field holds. `object` has properties, `array` items, `choice` variants. */
export type FieldKind = 'object' | 'array' | 'choice' | 'string' | 'integer' | 'number' | 'boolean';

/** The string formats generation knows; any other format is refused, never ignored. */
export type StringFormat =
  'date' | 'date-time' | 'time' | 'email' | 'uuid' | 'uri' | 'hostname' | 'ipv4' | 'ipv6';

/** Every {@link StringFormat}, for error messages and checks. */
export const STRING_FORMATS: readonly StringFormat[] = [
  'date',
  'date-time',
  'time',
  'email',
  'uuid',
  'uri',
  'hostname',
  'ipv4',
  'ipv6',
];

/** One field of a schema, with everything its values must meet. */
export interface FieldNode {
  /** Property or element name; empty for a record root, array items and choice variants. */
  name: string;
  /** Dot path from the record root (`address.city`), `[]` for array items (`lines[].sku`). */
  path: string;
  kind: FieldKind;
  /** Must be present in its parent object. */
  required: boolean;
  /** `null` is a valid value. */
  nullable: boolean;
  enum?: ScalarValue[];
  const?: ScalarValue;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  /** Digits after the decimal point a `number` may have (XSD `fractionDigits`; 2 when unset). */
  fractionDigits?: number;
  minLength?: number;
  maxLength?: number;
  /** A regular expression the whole value matches when {@link anchored}, else somewhere. */
  pattern?: string;
  /** XSD patterns match the whole value; JSON Schema patterns match anywhere in it. */
  anchored?: boolean;
  format?: StringFormat;
  /** Object properties (and XSD attributes), in document order. */
  properties?: FieldNode[];
  /** Array item shape. */
  items?: FieldNode;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  /** `choice`: the alternatives; `oneOf` needs exactly one to match, `anyOf` at least one. */
  variants?: FieldNode[];
  combinator?: 'oneOf' | 'anyOf';
  /**
   * XSD `xs:choice` inside a content model: properties sharing a group id
   * are alternatives, exactly one of them appears in a record.
   */
  choiceGroup?: string;
  /** XML only: written as an attribute of its parent element. */
  attribute?: boolean;
}

/** Where a schema came from, which decides how its records are validated. */
export type SchemaLanguage = 'json-schema' | 'xsd';

/** A schema read into a field tree, with what validation and the XML writer need. */
export interface SchemaTree {
  language: SchemaLanguage;
  /** JSON Schema dialect (`draft-07` or `2020-12`); null for XSD. */
  dialect: 'draft-07' | '2020-12' | null;
  /** The record's element name (XSD), or the schema's title as a name, else `record`. */
  recordName: string;
  /** The record: always an object. */
  root: FieldNode;
  /** The parsed JSON Schema document, for ajv; null for XSD. */
  document: object | null;
  /**
   * XSD only: the `targetNamespace`, and whether local elements are in it
   * too (`elementFormDefault="qualified"`), for the XML writer.
   */
  namespace?: { uri: string; qualified: boolean };
}

/** Joins a parent path and a child name into the child's dot path. */
export function childPath(parent: string, name: string): string {
  return parent === '' ? name : `${parent}.${name}`;
}

/** The nodes of a tree, depth first, the root included. */
export function* walkFields(node: FieldNode): Generator<FieldNode> {
  yield node;
  for (const child of node.properties ?? []) yield* walkFields(child);
  if (node.items !== undefined) yield* walkFields(node.items);
  for (const variant of node.variants ?? []) yield* walkFields(variant);
}

/** Finds the node at a path, or undefined. Variants share their choice's path, so the first wins. */
export function fieldAt(tree: SchemaTree, path: string): FieldNode | undefined {
  for (const node of walkFields(tree.root)) {
    if (node.path === path && node !== tree.root) return node;
  }
  return undefined;
}

/** True when the node holds one value (not an object, array or choice). */
export function isScalar(node: FieldNode): boolean {
  return node.kind !== 'object' && node.kind !== 'array' && node.kind !== 'choice';
}
