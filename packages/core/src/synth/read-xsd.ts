import { childPath, type FieldNode, type SchemaTree } from './field-tree.js';
import { invalidSchema, unsupportedSchema } from './synth-errors.js';
import { localName, parseXmlNodes, prefixOf, type XmlNode } from './xml-nodes.js';
import { XSD_BUILTIN_TYPES } from './xsd-builtin-types.js';
import { applyFacets, typedText } from './xsd-facets.js';

const XSD_NAMESPACE = 'http://www.w3.org/2001/XMLSchema';
const MAX_DEPTH = 32;

/** Attributes of `xs:element` that are read; any other one is refused by name. */
const ELEMENT_ATTRIBUTES = new Set([
  'name',
  'type',
  'ref',
  'minOccurs',
  'maxOccurs',
  'nillable',
  'default',
  'fixed',
  'id',
  'form',
]);
const ATTRIBUTE_ATTRIBUTES = new Set(['name', 'type', 'use', 'default', 'fixed', 'id', 'form']);

/** Options of {@link readXsd}. */
export interface ReadXsdOptions {
  /** The global element a record is; the first global element when unset. */
  recordElement?: string;
}

/**
 * Reads an XSD into a field tree: one global element is the record; complex
 * types (sequences, `xs:all`, `xs:choice`, attributes), simple types with
 * restrictions and enumerations, built-in types and occurrence bounds become
 * fields. Everything else (`xs:any`, extensions, unions, lists, groups,
 * imports, mixed content, …) raises `UNSUPPORTED_SCHEMA` naming it.
 *
 * @throws AllotError `INVALID_SCHEMA` or `UNSUPPORTED_SCHEMA`
 */
export function readXsd(text: string, options: ReadXsdOptions = {}): SchemaTree {
  const schema = parseXmlNodes(text);
  if (schema.tag !== 'schema')
    throw invalidSchema(`the root element is ${schema.tag}, not xs:schema`, '');
  const reader = new XsdReader(schema);
  const record = reader.recordElement(options.recordElement);
  const root = reader.element(record, '', 0, true);
  if (root.kind !== 'object')
    throw unsupportedSchema(`record element ${record.attrs.name} of a simple type`, '');
  const tree: SchemaTree = {
    language: 'xsd',
    dialect: null,
    recordName: record.attrs.name!,
    root: { ...root, name: '', path: '', required: true },
    document: null,
  };
  const uri = schema.attrs.targetNamespace;
  if (uri !== undefined)
    tree.namespace = { uri, qualified: schema.attrs.elementFormDefault === 'qualified' };
  return tree;
}

class XsdReader {
  private readonly xsPrefixes = new Set<string>();
  private readonly elements = new Map<string, XmlNode>();
  private readonly complexTypes = new Map<string, XmlNode>();
  private readonly simpleTypes = new Map<string, XmlNode>();
  private choices = 0;

  constructor(schema: XmlNode) {
    for (const [key, value] of Object.entries(schema.attrs)) {
      if (value !== XSD_NAMESPACE) continue;
      if (key === 'xmlns') this.xsPrefixes.add('');
      else if (key.startsWith('xmlns:')) this.xsPrefixes.add(key.slice(6));
    }
    for (const child of schema.children) {
      const name = child.attrs.name ?? '';
      if (child.tag === 'annotation') continue;
      else if (child.tag === 'element') this.elements.set(name, child);
      else if (child.tag === 'complexType') this.complexTypes.set(name, child);
      else if (child.tag === 'simpleType') this.simpleTypes.set(name, child);
      else throw unsupportedSchema(`xs:${child.tag} at the top level`, '');
    }
  }

  recordElement(name: string | undefined): XmlNode {
    if (name === undefined) {
      const first = this.elements.values().next();
      if (first.done === true) throw invalidSchema('the schema declares no global element', '');
      return first.value;
    }
    const element = this.elements.get(name);
    if (element === undefined) throw invalidSchema(`no global element named ${name}`, '');
    return element;
  }

  /** An `xs:element` (or a `ref` to one) as a field, an array when it may occur more than once. */
  element(node: XmlNode, parent: string, depth: number, top = false): FieldNode {
    if (depth > MAX_DEPTH) throw unsupportedSchema('recursive element', parent);
    for (const key of Object.keys(node.attrs)) {
      if (!ELEMENT_ATTRIBUTES.has(key))
        throw unsupportedSchema(`xs:element attribute ${key}`, parent);
    }
    const declaration =
      node.attrs.ref === undefined ? node : this.referenced(node.attrs.ref, parent);
    const name = declaration.attrs.name;
    if (name === undefined) throw invalidSchema('xs:element without a name', parent);
    const path = top ? '' : childPath(parent, name);
    const { min, max } = occurs(node, path);
    const single = max === 1;
    const valuePath = single ? path : `${path}[]`;
    const value = this.elementType(declaration, valuePath, depth);
    if (declaration.attrs.fixed !== undefined)
      value.const = typedText(declaration.attrs.fixed, value, path);
    if (single) return { ...value, name, path, required: min >= 1 };
    const array: FieldNode = {
      name,
      path,
      kind: 'array',
      required: min >= 1,
      nullable: false,
      items: { ...value, name: '', path: valuePath, required: true },
      minItems: min,
    };
    if (Number.isFinite(max)) array.maxItems = max;
    return array;
  }

  private referenced(ref: string, at: string): XmlNode {
    const element = this.elements.get(localName(ref));
    if (element === undefined) throw invalidSchema(`ref ${ref} names no global element`, at);
    return element;
  }

  private elementType(node: XmlNode, path: string, depth: number): FieldNode {
    const inline = node.children.filter((c) => c.tag !== 'annotation');
    const complex = inline.find((c) => c.tag === 'complexType');
    const simple = inline.find((c) => c.tag === 'simpleType');
    if (complex !== undefined) return this.complexType(complex, path, depth);
    if (simple !== undefined) return this.simpleType(simple, path, depth);
    if (inline.length > 0) throw unsupportedSchema(`xs:${inline[0]!.tag} inside xs:element`, path);
    const type = node.attrs.type;
    if (type === undefined) throw unsupportedSchema('xs:element with no type (xs:anyType)', path);
    return this.namedType(type, path, depth);
  }

  private namedType(qname: string, path: string, depth: number): FieldNode {
    const name = localName(qname);
    if (this.xsPrefixes.has(prefixOf(qname))) {
      const builtin = XSD_BUILTIN_TYPES[name];
      if (builtin === undefined) throw unsupportedSchema(`built-in type xs:${name}`, path);
      return { name: '', path, required: true, nullable: false, ...builtin };
    }
    const complex = this.complexTypes.get(name);
    if (complex !== undefined) return this.complexType(complex, path, depth + 1);
    const simple = this.simpleTypes.get(name);
    if (simple !== undefined) return this.simpleType(simple, path, depth + 1);
    throw invalidSchema(`type ${qname} is not defined`, path);
  }

  private complexType(node: XmlNode, path: string, depth: number): FieldNode {
    if (depth > MAX_DEPTH) throw unsupportedSchema('recursive type', path);
    for (const key of Object.keys(node.attrs)) {
      if (key === 'name' || key === 'id' || (key === 'mixed' && node.attrs.mixed === 'false'))
        continue;
      throw unsupportedSchema(`xs:complexType attribute ${key}`, path);
    }
    const properties: FieldNode[] = [];
    const content: FieldNode[] = [];
    for (const child of node.children) {
      if (child.tag === 'annotation') continue;
      if (child.tag === 'attribute') properties.push(this.attribute(child, path, depth));
      else if (['sequence', 'all', 'choice'].includes(child.tag) && content.length === 0) {
        this.particle(child, path, depth, content);
      } else throw unsupportedSchema(`xs:${child.tag} in xs:complexType`, path);
    }
    const names = new Set<string>();
    for (const field of [...properties, ...content]) {
      if (names.has(field.name)) throw unsupportedSchema(`two fields named ${field.name}`, path);
      names.add(field.name);
    }
    return {
      name: '',
      path,
      kind: 'object',
      required: true,
      nullable: false,
      properties: [...properties, ...content],
    };
  }

  /** The elements of a sequence, `xs:all` or choice, appended in order; nested sequences flatten. */
  private particle(node: XmlNode, path: string, depth: number, into: FieldNode[]): void {
    if ((node.attrs.minOccurs ?? '1') !== '1' || (node.attrs.maxOccurs ?? '1') !== '1') {
      throw unsupportedSchema(`xs:${node.tag} with minOccurs/maxOccurs other than 1`, path);
    }
    const group = node.tag === 'choice' ? `${path}#${++this.choices}` : undefined;
    for (const child of node.children) {
      if (child.tag === 'annotation') continue;
      if (child.tag === 'element') {
        const field = this.element(child, path, depth + 1);
        if (group !== undefined) {
          if (field.kind === 'array')
            throw unsupportedSchema('xs:choice of repeated elements', field.path);
          into.push({ ...field, required: false, choiceGroup: group });
        } else into.push(field);
      } else if ((child.tag === 'sequence' || child.tag === 'choice') && group === undefined) {
        this.particle(child, path, depth, into);
      } else throw unsupportedSchema(`xs:${child.tag} in xs:${node.tag}`, path);
    }
  }

  private attribute(node: XmlNode, parent: string, depth: number): FieldNode {
    for (const key of Object.keys(node.attrs)) {
      if (!ATTRIBUTE_ATTRIBUTES.has(key))
        throw unsupportedSchema(`xs:attribute attribute ${key}`, parent);
    }
    const name = node.attrs.name;
    if (name === undefined) throw invalidSchema('xs:attribute without a name', parent);
    const path = childPath(parent, name);
    const simple = node.children.find((c) => c.tag === 'simpleType');
    const value =
      simple !== undefined
        ? this.simpleType(simple, path, depth)
        : this.namedType(node.attrs.type ?? 'xs:string', path, depth);
    if (value.kind === 'object') throw invalidSchema(`attribute ${name} of a complex type`, path);
    if (node.attrs.fixed !== undefined) value.const = typedText(node.attrs.fixed, value, path);
    return { ...value, name, path, required: node.attrs.use === 'required', attribute: true };
  }

  private simpleType(node: XmlNode, path: string, depth: number): FieldNode {
    if (depth > MAX_DEPTH) throw unsupportedSchema('recursive type', path);
    const body = node.children.filter((c) => c.tag !== 'annotation');
    const restriction = body[0];
    if (restriction === undefined || restriction.tag !== 'restriction' || body.length > 1) {
      throw unsupportedSchema(
        `xs:simpleType by ${body[0]?.tag ?? 'nothing'} (only xs:restriction)`,
        path,
      );
    }
    const baseName = restriction.attrs.base;
    const inline = restriction.children.find((c) => c.tag === 'simpleType');
    const base =
      inline !== undefined
        ? this.simpleType(inline, path, depth + 1)
        : baseName !== undefined
          ? this.namedType(baseName, path, depth)
          : undefined;
    if (base === undefined) throw invalidSchema('xs:restriction without a base', path);
    if (base.kind === 'object') throw unsupportedSchema('xs:restriction of a complex type', path);
    const facets = restriction.children.filter(
      (c) => c.tag !== 'simpleType' && c.tag !== 'annotation',
    );
    return applyFacets(base, facets, path);
  }
}

function occurs(node: XmlNode, path: string): { min: number; max: number } {
  const min = Number(node.attrs.minOccurs ?? '1');
  const maxText = node.attrs.maxOccurs ?? '1';
  const max = maxText === 'unbounded' ? Infinity : Number(maxText);
  if (
    !Number.isInteger(min) ||
    min < 0 ||
    !(max === Infinity || Number.isInteger(max)) ||
    max < min
  ) {
    throw invalidSchema(`occurrence bounds ${node.attrs.minOccurs ?? '1'}..${maxText}`, path);
  }
  if (max === 0) throw unsupportedSchema('maxOccurs="0"', path);
  return { min, max };
}
