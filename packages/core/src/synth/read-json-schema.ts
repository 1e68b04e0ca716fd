import {
  STRING_FORMATS,
  childPath,
  type FieldKind,
  type FieldNode,
  type ScalarValue,
  type SchemaTree,
  type StringFormat,
} from './field-tree.js';
import { invalidSchema, unsupportedSchema } from './synth-errors.js';

/** Keywords that only describe: they change no valid value, so reading them is safe to skip. */
const ANNOTATIONS = new Set([
  '$schema',
  '$id',
  '$comment',
  '$defs',
  'definitions',
  'title',
  'description',
  'default',
  'examples',
  'readOnly',
  'writeOnly',
  'deprecated',
  'contentMediaType',
  'contentEncoding',
]);

/** Keywords read per kind; any other keyword is refused by name. */
const KEYWORDS: Record<string, ReadonlySet<string>> = {
  any: new Set(['type', 'enum', 'const', '$ref', 'oneOf', 'anyOf']),
  string: new Set(['minLength', 'maxLength', 'pattern', 'format']),
  integer: new Set(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf']),
  object: new Set(['properties', 'required', 'additionalProperties']),
  array: new Set(['items', 'minItems', 'maxItems', 'uniqueItems']),
};
KEYWORDS.number = KEYWORDS.integer!;

const TYPES = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean', 'null']);

/** How deep `$ref`s may nest before the schema counts as recursive. */
const MAX_DEPTH = 32;

type Schema = Record<string, unknown>;

/**
 * Reads a JSON Schema (draft-07 or 2020-12) into a field tree. Local `$ref`s
 * (`#/$defs/x`, `#/definitions/x`) are inlined; `oneOf`/`anyOf` become a
 * choice. Every keyword that would constrain values and is not read raises
 * `UNSUPPORTED_SCHEMA` naming it, so nothing is skipped silently.
 *
 * @param source the schema as JSON text or a parsed object
 * @throws AllotError `INVALID_SCHEMA` (not JSON, not an object schema, a
 *   dangling `$ref`) or `UNSUPPORTED_SCHEMA`
 */
export function readJsonSchema(source: string | object): SchemaTree {
  const document = typeof source === 'string' ? parseJson(source) : source;
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw invalidSchema('a JSON Schema is an object', '');
  }
  const schema = document as Schema;
  const reader = new JsonSchemaReader(schema);
  const root = reader.read(schema, { name: '', path: '', required: true, depth: 0 });
  if (root.kind !== 'object') throw invalidSchema('a record schema must be of type object', '');
  return {
    language: 'json-schema',
    dialect: dialectOf(schema.$schema),
    recordName: xmlName(typeof schema.title === 'string' ? schema.title : 'record'),
    root,
    document: schema,
  };
}

interface Place {
  /** The `$ref`s being expanded above this place: one seen again is recursion. */
  refs?: readonly string[];
  name: string;
  path: string;
  required: boolean;
  depth: number;
}

class JsonSchemaReader {
  constructor(private readonly document: Schema) {}

  read(value: unknown, place: Place): FieldNode {
    if (place.depth > MAX_DEPTH) throw unsupportedSchema('recursive $ref', place.path);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw unsupportedSchema(`schema ${JSON.stringify(value)} (only object schemas)`, place.path);
    }
    const schema = value as Schema;
    if (schema.$ref !== undefined) return this.readRef(schema, place);
    if (schema.oneOf !== undefined || schema.anyOf !== undefined)
      return this.readChoice(schema, place);
    return this.readTyped(schema, place);
  }

  private readRef(schema: Schema, place: Place): FieldNode {
    const extra = Object.keys(schema).filter((k) => k !== '$ref' && !ANNOTATIONS.has(k));
    if (extra.length > 0) throw unsupportedSchema(`$ref beside ${extra.join(', ')}`, place.path);
    const ref = schema.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#')) {
      throw unsupportedSchema(`$ref ${JSON.stringify(ref)} (only local #/ references)`, place.path);
    }
    if (place.refs?.includes(ref)) throw unsupportedSchema(`recursive $ref ${ref}`, place.path);
    const target = resolvePointer(this.document, ref.slice(1));
    if (target === undefined) throw invalidSchema(`$ref ${ref} points at nothing`, place.path);
    return this.read(target, {
      ...place,
      depth: place.depth + 1,
      refs: [...(place.refs ?? []), ref],
    });
  }

  private readChoice(schema: Schema, place: Place): FieldNode {
    const combinator = schema.oneOf !== undefined ? 'oneOf' : 'anyOf';
    const extra = Object.keys(schema).filter((k) => k !== combinator && !ANNOTATIONS.has(k));
    if (extra.length > 0)
      throw unsupportedSchema(`${combinator} beside ${extra.join(', ')}`, place.path);
    const list = schema[combinator];
    if (!Array.isArray(list) || list.length === 0) {
      throw invalidSchema(`${combinator} must be a non-empty array`, place.path);
    }
    // `anyOf: [X, {type: null}]` is how schemas spell a nullable X.
    const nonNull = list.filter((variant) => !isNullSchema(variant));
    const nullable = nonNull.length < list.length;
    if (nonNull.length === 0) throw unsupportedSchema(`${combinator} of only null`, place.path);
    if (nonNull.length === 1) {
      const only = this.read(nonNull[0], { ...place, depth: place.depth + 1 });
      return { ...only, nullable: only.nullable || nullable };
    }
    const variants = nonNull.map((variant) =>
      this.read(variant, { ...place, name: '', required: true, depth: place.depth + 1 }),
    );
    return { ...base(place, 'choice'), nullable, variants, combinator };
  }

  private readTyped(schema: Schema, place: Place): FieldNode {
    for (const key of Object.keys(schema)) {
      if (!ANNOTATIONS.has(key) && !Object.values(KEYWORDS).some((set) => set.has(key))) {
        throw unsupportedSchema(`keyword "${key}"`, place.path);
      }
    }
    const { kind, nullable } = kindOf(schema, place.path);
    for (const key of Object.keys(schema)) {
      if (ANNOTATIONS.has(key) || KEYWORDS.any!.has(key) || KEYWORDS[kind]?.has(key)) continue;
      throw unsupportedSchema(`keyword "${key}" on a ${kind}`, place.path);
    }
    const node: FieldNode = { ...base(place, kind), nullable };
    if (Array.isArray(schema.enum)) node.enum = scalars(schema.enum, 'enum', place.path);
    if (schema.const !== undefined) node.const = scalars([schema.const], 'const', place.path)[0];
    if (kind === 'string') readString(schema, node);
    if (kind === 'integer' || kind === 'number') readNumber(schema, node);
    if (kind === 'object') node.properties = this.readProperties(schema, place);
    if (kind === 'array') this.readArray(schema, node, place);
    return node;
  }

  private readProperties(schema: Schema, place: Place): FieldNode[] {
    const properties = (schema.properties ?? {}) as Record<string, unknown>;
    const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
    for (const name of required) {
      if (!Object.hasOwn(properties, name)) {
        throw unsupportedSchema(`required "${name}" with no schema in properties`, place.path);
      }
    }
    return Object.entries(properties).map(([name, value]) =>
      this.read(value, {
        ...place,
        name,
        path: childPath(place.path, name),
        required: required.has(name),
        depth: place.depth + 1,
      }),
    );
  }

  private readArray(schema: Schema, node: FieldNode, place: Place): void {
    if (schema.items === undefined || Array.isArray(schema.items) || schema.items === true) {
      throw unsupportedSchema('array without one items schema (tuples or any items)', place.path);
    }
    node.items = this.read(schema.items, {
      ...place,
      name: '',
      path: `${place.path}[]`,
      required: true,
      depth: place.depth + 1,
    });
    if (typeof schema.minItems === 'number') node.minItems = schema.minItems;
    if (typeof schema.maxItems === 'number') node.maxItems = schema.maxItems;
    if (schema.uniqueItems === true) node.uniqueItems = true;
  }
}

function isNullSchema(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value).filter((k) => !ANNOTATIONS.has(k));
  return keys.length === 1 && (value as Schema).type === 'null';
}

function base(place: Place, kind: FieldKind): FieldNode {
  return { name: place.name, path: place.path, kind, required: place.required, nullable: false };
}

function kindOf(schema: Schema, path: string): { kind: FieldKind; nullable: boolean } {
  const declared = schema.type;
  let types: string[];
  if (declared === undefined) types = inferTypes(schema, path);
  else if (typeof declared === 'string') types = [declared];
  else if (Array.isArray(declared) && declared.every((t) => typeof t === 'string')) {
    types = declared as string[];
  } else throw invalidSchema('"type" must be a string or an array of strings', path);
  for (const type of types)
    if (!TYPES.has(type)) throw invalidSchema(`unknown type "${type}"`, path);
  const nullable = types.includes('null');
  const rest = types.filter((t) => t !== 'null');
  if (rest.length !== 1) {
    throw unsupportedSchema(
      `type ${JSON.stringify(declared)} (one type, optionally with null)`,
      path,
    );
  }
  return { kind: rest[0] as FieldKind, nullable };
}

/** A schema with no `type`: named by its keywords, or by its enum or const values. */
function inferTypes(schema: Schema, path: string): string[] {
  if (schema.properties !== undefined) return ['object'];
  if (schema.items !== undefined) return ['array'];
  const values = Array.isArray(schema.enum)
    ? schema.enum
    : schema.const !== undefined
      ? [schema.const]
      : [];
  const types = new Set(values.map(jsonType));
  if (types.size === 0) throw unsupportedSchema('schema with no type, enum or const', path);
  if (types.has('integer') && types.has('number')) types.delete('integer');
  return [...types];
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function readString(schema: Schema, node: FieldNode): void {
  if (typeof schema.minLength === 'number') node.minLength = schema.minLength;
  if (typeof schema.maxLength === 'number') node.maxLength = schema.maxLength;
  if (typeof schema.pattern === 'string') {
    node.pattern = schema.pattern;
    node.anchored = false;
  }
  if (schema.format !== undefined) {
    if (!STRING_FORMATS.includes(schema.format as StringFormat)) {
      throw unsupportedSchema(
        `format "${String(schema.format)}" (known: ${STRING_FORMATS.join(', ')})`,
        node.path,
      );
    }
    node.format = schema.format as StringFormat;
  }
}

function readNumber(schema: Schema, node: FieldNode): void {
  if (typeof schema.minimum === 'number') node.minimum = schema.minimum;
  if (typeof schema.maximum === 'number') node.maximum = schema.maximum;
  // draft-04's boolean exclusive bounds are not in draft-07 or 2020-12.
  for (const key of ['exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'] as const) {
    const value = schema[key];
    if (value === undefined) continue;
    if (typeof value !== 'number') throw invalidSchema(`"${key}" must be a number`, node.path);
    node[key] = value;
  }
  if (node.multipleOf !== undefined && node.multipleOf <= 0) {
    throw invalidSchema('"multipleOf" must be greater than 0', node.path);
  }
}

function scalars(values: unknown[], keyword: string, path: string): ScalarValue[] {
  for (const value of values) {
    if (value !== null && typeof value === 'object') {
      throw unsupportedSchema(`${keyword} with object or array values`, path);
    }
  }
  return values as ScalarValue[];
}

function resolvePointer(document: Schema, pointer: string): unknown {
  if (pointer === '') return document;
  if (!pointer.startsWith('/')) return undefined;
  let current: unknown = document;
  for (const raw of pointer.slice(1).split('/')) {
    const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function dialectOf(uri: unknown): SchemaTree['dialect'] {
  if (uri === undefined) return '2020-12';
  if (typeof uri === 'string' && /draft-07\/schema#?$/.test(uri)) return 'draft-07';
  if (typeof uri === 'string' && /draft\/2020-12\/schema#?$/.test(uri)) return '2020-12';
  throw unsupportedSchema(`$schema ${JSON.stringify(uri)} (draft-07 or 2020-12)`, '');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalidSchema(`not JSON: ${(error as Error).message}`, '');
  }
}

/** A title as an XML element name: letters, digits, `_`, `-`, `.`, not starting with a digit. */
export function xmlName(title: string): string {
  const name = title.replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^[^A-Za-z_]+/, '');
  return name === '' ? 'record' : name;
}
