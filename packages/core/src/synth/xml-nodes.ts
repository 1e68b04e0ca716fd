import { createRequire } from 'node:module';
import type { XMLParser as XmlParser } from 'fast-xml-parser';

// Loaded on first use, so processes that never read an XSD never load it.
const require = createRequire(import.meta.url);
import { invalidSchema } from './synth-errors.js';

/** An element of a parsed XML document: local name, attributes, child elements in order. */
export interface XmlNode {
  /** Local name, prefix removed (`xs:element` → `element`). */
  tag: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

type OrderedEntry = Record<string, unknown>;

/**
 * Parses XML text into element nodes in document order (text, comments and
 * processing instructions dropped: an XSD's meaning is in its elements and
 * attributes). Order matters: a sequence's elements must stay in order.
 *
 * @throws AllotError `INVALID_SCHEMA` when the text is not well-formed XML
 */
export function parseXmlNodes(text: string): XmlNode {
  const { XMLParser } = require('fast-xml-parser') as { XMLParser: typeof XmlParser };
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    processEntities: true,
    commentPropName: false,
  });
  let parsed: unknown;
  try {
    parsed = parser.parse(text, true);
  } catch (error) {
    throw invalidSchema(`not well-formed XML: ${(error as Error).message}`, '');
  }
  const roots = toNodes(parsed as OrderedEntry[]);
  if (roots.length !== 1) throw invalidSchema('an XML document has exactly one root element', '');
  return roots[0]!;
}

function toNodes(entries: OrderedEntry[]): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const entry of entries) {
    const tag = Object.keys(entry).find((key) => key !== ':@');
    if (tag === undefined || tag.startsWith('#') || tag.startsWith('?')) continue;
    const attrs = (entry[':@'] ?? {}) as Record<string, string>;
    nodes.push({ tag: localName(tag), attrs, children: toNodes(entry[tag] as OrderedEntry[]) });
  }
  return nodes;
}

/** A qualified name without its prefix. */
export function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon === -1 ? qname : qname.slice(colon + 1);
}

/** The prefix of a qualified name, empty when it has none. */
export function prefixOf(qname: string): string {
  const colon = qname.indexOf(':');
  return colon === -1 ? '' : qname.slice(0, colon);
}
