import type { FieldNode, ScalarValue } from './field-tree.js';
import { invalidSchema, unsupportedSchema } from './synth-errors.js';
import type { XmlNode } from './xml-nodes.js';

const FACETS = new Set([
  'enumeration',
  'pattern',
  'length',
  'minLength',
  'maxLength',
  'minInclusive',
  'maxInclusive',
  'minExclusive',
  'maxExclusive',
  'fractionDigits',
  'totalDigits',
  'whiteSpace',
]);

/**
 * Narrows a simple type by the facets of an `xs:restriction`. Patterns of one
 * restriction are alternatives (XSD ORs them); a pattern on a type that
 * already has one would need both to hold, which generation cannot promise,
 * so that is refused.
 */
export function applyFacets(base: FieldNode, facets: XmlNode[], path: string): FieldNode {
  const node: FieldNode = { ...base };
  const enumeration: ScalarValue[] = [];
  const patterns: string[] = [];
  for (const facet of facets) {
    if (!FACETS.has(facet.tag)) throw unsupportedSchema(`facet xs:${facet.tag}`, path);
    const value = facet.attrs.value;
    if (value === undefined) throw invalidSchema(`xs:${facet.tag} without a value`, path);
    switch (facet.tag) {
      case 'enumeration':
        enumeration.push(typedText(value, node, path));
        break;
      case 'pattern':
        patterns.push(value);
        break;
      case 'length':
        node.minLength = count(value, facet.tag, path);
        node.maxLength = node.minLength;
        break;
      case 'minLength':
        node.minLength = count(value, facet.tag, path);
        break;
      case 'maxLength':
        node.maxLength = count(value, facet.tag, path);
        break;
      case 'minInclusive':
        node.minimum = bound(node, value, facet.tag, path);
        break;
      case 'maxInclusive':
        node.maximum = bound(node, value, facet.tag, path);
        break;
      case 'minExclusive':
        node.exclusiveMinimum = bound(node, value, facet.tag, path);
        break;
      case 'maxExclusive':
        node.exclusiveMaximum = bound(node, value, facet.tag, path);
        break;
      case 'fractionDigits':
        node.fractionDigits = count(value, facet.tag, path);
        break;
      case 'totalDigits': {
        const digits = count(value, facet.tag, path);
        const limit =
          10 ** (digits - (node.kind === 'number' ? (node.fractionDigits ?? 2) : 0)) - 1;
        node.maximum = Math.min(node.maximum ?? limit, limit);
        node.minimum = Math.max(node.minimum ?? -limit, -limit);
        break;
      }
      case 'whiteSpace':
        // Generated text has no leading, trailing or repeated whitespace, so
        // preserve, replace and collapse all read it unchanged.
        break;
      default:
        throw unsupportedSchema(`facet xs:${facet.tag}`, path);
    }
  }
  if (enumeration.length > 0) node.enum = enumeration;
  if (patterns.length > 0) {
    if (node.pattern !== undefined)
      throw unsupportedSchema('a pattern restricting a patterned type', path);
    node.pattern = patterns.length === 1 ? patterns[0]! : patterns.map((p) => `(?:${p})`).join('|');
    node.anchored = true;
  }
  return node;
}

function count(text: string, facet: string, path: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw invalidSchema(`xs:${facet} "${text}"`, path);
  return value;
}

function bound(node: FieldNode, text: string, facet: string, path: string): number {
  if (node.kind !== 'integer' && node.kind !== 'number') {
    throw unsupportedSchema(`xs:${facet} on a ${node.format ?? node.kind}`, path);
  }
  const value = Number(text);
  if (!Number.isFinite(value)) throw invalidSchema(`xs:${facet} "${text}"`, path);
  return value;
}

/** An attribute's text as the value its field holds (numbers and booleans typed). */
export function typedText(text: string, field: FieldNode, path: string): string | number | boolean {
  if (field.kind === 'integer' || field.kind === 'number') {
    const value = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(value))
      throw invalidSchema(`"${text}" is not a number`, path);
    return value;
  }
  if (field.kind === 'boolean') {
    const t = text.trim();
    if (t === 'true' || t === '1') return true;
    if (t === 'false' || t === '0') return false;
    throw invalidSchema(`"${text}" is not a boolean`, path);
  }
  return text;
}
